export default definePageConfig({ navigationBarTitleText: '党组织信息' })
