export default definePageConfig({ navigationBarTitleText: '数据校对' })
