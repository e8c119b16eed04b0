export default definePageConfig({ navigationBarTitleText: '考核细则' })
