export default definePageConfig({ navigationBarTitleText: '导入外部积分' })
