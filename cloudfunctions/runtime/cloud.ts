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

/**
 * Who started this invocation, as the platform chains it (getWXContext().SOURCE):
 * `wx_client` from the mini-program, `wx_trigger` for a timer, and `,scf`
 * appended by each cloud.callFunction hop (`wx_client,scf`).
 */
export function callSource(): string | null {
  const source: unknown = sdk().getWXContext().SOURCE
  return typeof source === 'string' && source.length > 0 ? source : null
}

/**
 * Whether the platform itself started this invocation from a timer trigger:
 * CloudBase reports SOURCE `wx_trigger` and no OPENID for it. A client can put
 * `{Type: 'Timer'}` in its event, but never this context.
 */
export function isTimerTrigger(openid: string | null, source: string | null): boolean {
  return openid === null && source === 'wx_trigger'
}

/** Whether the last hop of the chain was another cloud function (the only way to a server-only action). */
export function isFromAnotherFunction(source: string | null): boolean {
  return source?.split(',').pop()?.trim() === 'scf'
}
