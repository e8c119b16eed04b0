import type { Result } from '../../types/result'
import type { TestEmulator } from '../functions/helpers/emulator'

const median = (samples: number[]) => [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)]

/**
 * Times calls to one function through the gateway: `timed` one call (throws on a refusal, so a
 * figure is never the time of an error), `measure` the median of `runs` after one warming call.
 */
export function gatewayTiming(t: TestEmulator, fn: string) {
  const timed = async <T>(openid: string, action: string, data: object): Promise<{ ms: number; data: T }> => {
    const started = performance.now()
    const res = await t.gateway(fn, { action, data }, openid)
    const result = res.body as Result<T>
    if (!result.ok) throw new Error(`${fn}.${action}: ${JSON.stringify(result.error)}`)
    return { ms: performance.now() - started, data: result.data }
  }
  const measure = async <T>(openid: string, action: string, data: object, runs = 5) => {
    await timed<T>(openid, action, data) // warm the worker
    const samples: number[] = []
    let last: T | undefined
    for (let i = 0; i < runs; i++) {
      const { ms, data: answer } = await timed<T>(openid, action, data)
      samples.push(ms)
      last = answer
    }
    return { ms: median(samples), data: last as T }
  }
  return { timed, measure }
}
