export default definePageConfig({ navigationBarTitleText: '登记流动党员' })
