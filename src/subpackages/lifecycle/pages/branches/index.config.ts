export default definePageConfig({ navigationBarTitleText: '所辖支部' })
