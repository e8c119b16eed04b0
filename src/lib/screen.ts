import Taro from '@tarojs/taro'

/**
 * The window's width in CSS px and the screen's pixel ratio. getWindowInfo is
 * what WeChat asks for since base library 2.20.1 (getSystemInfoSync is
 * deprecated there); H5 and older clients fall back to getSystemInfoSync.
 */
function windowInfo(): { windowWidth: number; pixelRatio: number } {
  const info = typeof Taro.getWindowInfo === 'function' ? Taro.getWindowInfo() : Taro.getSystemInfoSync()
  return { windowWidth: info.windowWidth || 375, pixelRatio: info.pixelRatio || 1 }
}

export const windowWidth = () => windowInfo().windowWidth
export const pixelRatio = () => windowInfo().pixelRatio
