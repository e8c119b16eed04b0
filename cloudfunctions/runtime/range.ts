import type { Store } from './store'

/** start ≤ field < end */
export const within = (store: Store, start: number, end: number) => store.command.gte(start).and(store.command.lt(end))
export const atMost = (store: Store, value: number) => store.command.lte(value)
export const after = (store: Store, value: number) => store.command.gt(value)
