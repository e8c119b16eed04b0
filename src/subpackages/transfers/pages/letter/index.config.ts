export default definePageConfig({ navigationBarTitleText: '开具介绍信' })
