/**
 * Renders the native privacy popup (components/privacy-popup) on weapp, where
 * a page must answer wx.onNeedPrivacyAuthorization before privacy APIs run.
 * The page using it lists the component in its config's usingComponents.
 * H5 has no such check, so nothing renders there.
 */
export function PrivacyGate() {
  return process.env.TARO_ENV === 'weapp' ? <privacy-popup /> : null
}
