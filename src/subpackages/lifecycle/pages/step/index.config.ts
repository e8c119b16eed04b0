export default definePageConfig({ navigationBarTitleText: '记录步骤' })
