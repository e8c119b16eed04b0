import Taro from '@tarojs/taro'
import { ok, type Result } from '../../types/result'
import { call } from '../services/call'

/**
 * 订阅消息: asks the member to accept templates and records what they accepted
 * (one send credit each). On weapp the platform's dialog must follow a tap
 * with nothing awaited before it, so call this first thing in a tap's handler.
 * The H5 build (the demo) has no such dialog: the member is taken to accept.
 */
export async function askToSubscribe(templateIds: readonly string[]): Promise<Result<{ accepted: string[] }>> {
  let accepted = [...templateIds]
  if (process.env.TARO_ENV === 'weapp') {
    const answers = await Taro.requestSubscribeMessage({ tmplIds: accepted, entityIds: [] }).catch(() => null)
    accepted = accepted.filter((id) => (answers as unknown as Record<string, string> | null)?.[id] === 'accept')
  }
  if (accepted.length === 0) return ok({ accepted })
  const recorded = await call('meetings', 'subscribe', { templateIds: accepted })
  return recorded.ok ? ok({ accepted }) : recorded
}
