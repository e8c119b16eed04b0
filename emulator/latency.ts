// Injected latency: the emulator answers in microseconds, CloudBase in milliseconds. Benches of the timers
// run with a production-like delay on each database request and each openapi call (off by default).

export interface Latency {
  /** Milliseconds before each database.* request is answered. */
  db: number
  /** Milliseconds before each cloud.openapi call (subscribe messages, share cards, 小程序码) is answered. */
  openapi: number
}

export const NO_LATENCY: Latency = { db: 0, openapi: 0 }

/** Reads `db=15,openapi=120` (either part may be left out); throws on anything else. */
export function parseLatency(text: string): Latency {
  const latency = { ...NO_LATENCY }
  for (const part of text.split(',').filter(Boolean)) {
    const [key, value] = part.split('=')
    const ms = Number(value)
    if ((key !== 'db' && key !== 'openapi') || !Number.isFinite(ms) || ms < 0)
      throw new Error(`--latency takes db=<ms>,openapi=<ms>, not ${JSON.stringify(part)}`)
    latency[key] = ms
  }
  return latency
}

export function pause(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve()
}
