export default definePageConfig({ navigationBarTitleText: '五星支部考核' })
