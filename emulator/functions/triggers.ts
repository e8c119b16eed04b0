import type { Clock } from '../clock'
import { type CronSpec, parseCron } from './cron'
import type { Invoker } from './invoker'

export interface TimerEvent {
  Type: 'Timer'
  TriggerName: string
  Time: string
}

// Fires timer triggers from each function's config.json. With a real clock it checks every second
// (catching up at most a minute of missed seconds); with a frozen clock only on demand (fire()).
export class TriggerScheduler {
  private timer?: NodeJS.Timeout
  private lastSecond = 0
  private readonly parsed = new Map<string, CronSpec | null>()

  constructor(
    private readonly invoker: Invoker,
    private readonly clock: Clock,
    private readonly log: (line: string) => void,
  ) {}

  fire(fn: string, triggerName: string): Promise<unknown> {
    const def = this.invoker.find(fn)
    if (!def.triggers.some((t) => t.name === triggerName))
      return Promise.reject(new Error(`function ${fn} has no timer trigger named ${triggerName}`))
    const event: TimerEvent = {
      Type: 'Timer',
      TriggerName: triggerName,
      Time: new Date(this.clock.now()).toISOString(),
    }
    // As CloudBase fires a timer: SOURCE wx_trigger and no WeChat user (no OPENID) behind it.
    return this.invoker.invoke(fn, event, { timer: true, source: 'wx_trigger' })
  }

  private spec(expr: string): CronSpec | null {
    if (!this.parsed.has(expr)) {
      try {
        this.parsed.set(expr, parseCron(expr))
      } catch (e) {
        this.log(`[triggers] ${e instanceof Error ? e.message : String(e)}`)
        this.parsed.set(expr, null)
      }
    }
    return this.parsed.get(expr) ?? null
  }

  private tick(): void {
    if (this.clock.isFrozen()) {
      this.lastSecond = 0
      return
    }
    const nowSecond = Math.floor(this.clock.now() / 1000)
    const from = this.lastSecond === 0 ? nowSecond : Math.max(this.lastSecond + 1, nowSecond - 60)
    this.lastSecond = nowSecond
    if (from > nowSecond) return
    const defs = this.invoker.registry.list()
    for (let s = from; s <= nowSecond; s++) {
      const date = new Date(s * 1000)
      for (const def of defs) {
        for (const t of def.triggers) {
          if (!this.spec(t.cron)?.matches(date)) continue
          this.log(`[triggers] ${def.name}/${t.name} at ${date.toISOString()}`)
          this.fire(def.name, t.name).catch((e: unknown) =>
            this.log(`[triggers] ${def.name}/${t.name} failed: ${e instanceof Error ? e.message : String(e)}`),
          )
        }
      }
    }
  }

  start(): void {
    this.timer = setInterval(() => this.tick(), 1000)
    this.timer.unref()
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer)
  }
}
