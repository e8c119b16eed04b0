import { fail, type Result } from '../../types/result'
import { callerOpenid, callSource, isTimerTrigger } from './cloud'
import { cloudPorts, type Ports } from './ports'

/** A timer trigger's work (config.json `triggers`), run with the ports and nobody's identity. */
export type TimerRun = (ports: Ports) => Promise<unknown>

export interface EntryDeps {
  openid(): string | null
  source(): string | null
  ports(): Ports
}

const cloudDeps: EntryDeps = { openid: callerOpenid, source: callSource, ports: cloudPorts }

function timerNameOf(event: unknown): string | null {
  if (typeof event !== 'object' || event === null || (event as { Type?: unknown }).Type !== 'Timer') return null
  const name = (event as { TriggerName?: unknown }).TriggerName
  return typeof name === 'string' ? name : ''
}

/**
 * A function's `main` when it has timers: the timer path is taken only when the
 * platform fired a trigger (SOURCE `wx_trigger`, no OPENID). A client that
 * sends `{Type: 'Timer', TriggerName}` through wx.cloud.callFunction goes to
 * the router like any other event, which refuses it (no action named).
 */
export function withTimers(
  router: (event: unknown) => Promise<Result<unknown>>,
  timers: Record<string, TimerRun>,
  deps: EntryDeps = cloudDeps,
) {
  return async function main(event: unknown): Promise<unknown> {
    const name = timerNameOf(event)
    if (name === null || !isTimerTrigger(deps.openid(), deps.source())) return router(event)
    const run = Object.hasOwn(timers, name) ? timers[name] : undefined
    if (!run) return fail('INPUT.UNKNOWN_ACTION', undefined, { trigger: name })
    return run(deps.ports())
  }
}
