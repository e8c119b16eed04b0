import Taro from '@tarojs/taro'
import type { Delivery, Send } from './delivery'

// errCode CloudBase answers when the function itself crashed or timed out.
const FUNCTION_EXECUTE_FAIL = -504002

export const send: Send = async (fn, envelope) => {
  try {
    const res = await Taro.cloud.callFunction({ name: fn, data: { action: envelope.action, data: envelope.data } })
    return { delivered: true, body: res.result }
  } catch (err) {
    return {
      delivered: false,
      failure: isExecuteFailure(err) ? 'SYSTEM.INTERNAL' : 'SYSTEM.NETWORK',
    } satisfies Delivery
  }
}

function isExecuteFailure(err: unknown): boolean {
  return typeof err === 'object' && err !== null && 'errCode' in err && err.errCode === FUNCTION_EXECUTE_FAIL
}
