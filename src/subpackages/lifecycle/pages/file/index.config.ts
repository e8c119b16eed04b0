// 邀请本人查看 travels as a share card (openType="share"), which needs the page to allow sharing.
export default definePageConfig({ navigationBarTitleText: '发展档案', enableShareAppMessage: true })
