export default definePageConfig({ navigationBarTitleText: '本支部会议' })
