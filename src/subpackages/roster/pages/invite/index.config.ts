// The share button (openType="share") needs the page to allow sharing.
export default definePageConfig({ navigationBarTitleText: '绑定邀请', enableShareAppMessage: true })
