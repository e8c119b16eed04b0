export default definePageConfig({ navigationBarTitleText: '书记述职' })
