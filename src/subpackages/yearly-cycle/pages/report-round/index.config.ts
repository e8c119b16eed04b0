export default definePageConfig({ navigationBarTitleText: '述职汇总' })
