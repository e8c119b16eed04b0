export default definePageConfig({ navigationBarTitleText: '党费交纳标准' })
