import Taro from '@tarojs/taro'

/**
 * The persona chosen in the H5 persona picker: the OPENID the dev gateway
 * pretends the caller has. Only the H5 build reads or writes it.
 */
export const DEV_OPENID_KEY = 'dev.openid'

export function readDevOpenid(): string | null {
  const value: unknown = Taro.getStorageSync(DEV_OPENID_KEY)
  return typeof value === 'string' && value !== '' ? value : null
}

export function writeDevOpenid(openid: string | null): void {
  if (openid) Taro.setStorageSync(DEV_OPENID_KEY, openid)
  else Taro.removeStorageSync(DEV_OPENID_KEY)
}
