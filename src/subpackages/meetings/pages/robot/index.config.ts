export default definePageConfig({ navigationBarTitleText: '群里提醒' })
