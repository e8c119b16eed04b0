export default definePageConfig({ navigationBarTitleText: '任职与权限' })
