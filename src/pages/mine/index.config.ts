export default definePageConfig({
  navigationBarTitleText: '我的',
  // Native component: Taro copies it into dist/ and the weapp page renders the tag.
  ...(process.env.TARO_ENV === 'weapp'
    ? { usingComponents: { 'privacy-popup': '../../components/privacy-popup/index' } }
    : {}),
})
