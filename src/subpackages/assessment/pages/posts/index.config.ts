export default definePageConfig({ navigationBarTitleText: '党员示范岗' })
