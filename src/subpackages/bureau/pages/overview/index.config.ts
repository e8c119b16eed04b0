export default definePageConfig({ navigationBarTitleText: '党建督导' })
