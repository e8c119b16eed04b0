export default definePageConfig({ navigationBarTitleText: '补录会议' })
