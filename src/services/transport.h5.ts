import Taro from '@tarojs/taro'
import type { Send } from './delivery'
import { readDevOpenid } from './dev-identity'

/** The emulator's dev gateway: same request shape as callFunction, caller named by header. */
export const send: Send = async (fn, envelope) => {
  const openid = readDevOpenid()
  const header: Record<string, string> = { 'Content-Type': 'application/json' }
  if (openid) header['X-WX-OPENID'] = openid
  try {
    const res = await Taro.request<unknown>({
      url: `${DEV_GATEWAY_BASE}/api/functions/${encodeURIComponent(fn)}`,
      method: 'POST',
      header,
      data: { action: envelope.action, data: envelope.data },
      dataType: 'json',
    })
    // The gateway answers a crashed or missing function with an HTTP error and {errCode, errMsg},
    // as callFunction rejects on weapp.
    if (res.statusCode >= 400) return { delivered: false, failure: 'SYSTEM.INTERNAL' }
    // A body that is not JSON arrives as null; call.ts reports it as a bad response.
    return { delivered: true, body: res.data }
  } catch {
    return { delivered: false, failure: 'SYSTEM.NETWORK' }
  }
}
