// The emulator's clock: real time, or frozen at a given instant for deterministic tests. It stamps
// serverDate values, outbox entries and trigger events, and reaches functions as EMULATOR_NOW_MS.
export interface Clock {
  now(): number
  set(ms: number | null): void
  isFrozen(): boolean
}

export function createClock(frozen: number | null = null): Clock {
  let fixed = frozen
  return {
    now: () => fixed ?? Date.now(),
    set: (ms) => {
      fixed = ms
    },
    isFrozen: () => fixed !== null,
  }
}
