export default definePageConfig({ navigationBarTitleText: '阅读文章' })
