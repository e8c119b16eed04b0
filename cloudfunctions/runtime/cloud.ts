import cloud from 'wx-server-sdk'

let initialised = false

/** The one place that initialises wx-server-sdk, for the environment the function runs in. */
export function sdk(): typeof cloud {
  if (!initialised) {
    cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string })
    initialised = true
  }
  return cloud
}

/** The trusted identity: the OPENID CloudBase puts into the invocation, never a client claim. */
export function callerOpenid(): string | null {
  const openid: unknown = sdk().getWXContext().OPENID
  return typeof openid === 'string' && openid.length > 0 ? openid : null
}
