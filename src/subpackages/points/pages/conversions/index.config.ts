export default definePageConfig({ navigationBarTitleText: '外部积分折算' })
