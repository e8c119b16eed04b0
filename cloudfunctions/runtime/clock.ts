/** The clock port: rules and handlers take `now` from here, never from Date.now() directly. */
export interface Clock {
  now(): number
}

/**
 * The local emulator freezes or shifts time for tests by setting
 * EMULATOR_NOW_MS on each invocation; CloudBase never sets it.
 */
export const systemClock: Clock = {
  now() {
    const frozen = Number(process.env.EMULATOR_NOW_MS)
    return Number.isFinite(frozen) && frozen > 0 ? frozen : Date.now()
  },
}
