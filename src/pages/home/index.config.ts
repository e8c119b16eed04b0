export default definePageConfig({ navigationBarTitleText: '教育党建' })
