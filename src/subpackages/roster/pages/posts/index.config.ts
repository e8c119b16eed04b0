export default definePageConfig({ navigationBarTitleText: '支委会与党小组组长' })
