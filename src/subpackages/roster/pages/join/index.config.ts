export default definePageConfig({ navigationBarTitleText: '绑定党员身份' })
