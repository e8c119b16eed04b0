export default definePageConfig({ navigationBarTitleText: '导入党费基数' })
