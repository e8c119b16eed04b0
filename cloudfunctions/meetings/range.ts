import type { Store } from '../runtime/store'

/**
 * Range operators of the database command. The Store port's CommandFactory
 * names only what earlier domains needed; `store.command` is the SDK's full
 * `db.command`, so the range comparisons are reached through this one narrow
 * cast rather than by widening the shared port from here.
 */
interface Comparison {
  and(other: unknown): unknown
}
interface RangeCommands {
  gt(value: number): Comparison
  gte(value: number): Comparison
  lt(value: number): Comparison
  lte(value: number): Comparison
}

const range = (store: Store) => store.command as unknown as RangeCommands

/** start ≤ field < end */
export const within = (store: Store, start: number, end: number) => range(store).gte(start).and(range(store).lt(end))
export const atMost = (store: Store, value: number) => range(store).lte(value)
export const after = (store: Store, value: number) => range(store).gt(value)
