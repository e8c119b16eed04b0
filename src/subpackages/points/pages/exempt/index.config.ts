export default definePageConfig({ navigationBarTitleText: '免于积分' })
