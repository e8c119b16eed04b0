export default definePageConfig({ navigationBarTitleText: '述职报告' })
