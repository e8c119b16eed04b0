import { groupBy } from '../domain/group-by'

/** What one pass over a timer's items did: done, failed (logged; the next run takes them) and not reached. */
export interface ItemsRun {
  done: number
  failed: number
  unreached: number
}

export const NO_ITEMS: ItemsRun = { done: 0, failed: 0, unreached: 0 }

export function addRuns(...runs: ItemsRun[]): ItemsRun {
  return runs.reduce(
    (sum, run) => ({
      done: sum.done + run.done,
      failed: sum.failed + run.failed,
      unreached: sum.unreached + run.unreached,
    }),
    NO_ITEMS,
  )
}

/**
 * A timer's items one at a time, each started only before the run's `deadline` (wall time: the budget is the
 * function's own timeout) and failing alone: its error is logged under `label` and the items behind it go on.
 * `work` answers false when the deadline cut the item itself. What a run did not reach or what failed, the next
 * run finds again; the work must be idempotent (sends are
 * claimed by id), so an item done before is done once.
 */
export async function eachItem<T>(
  label: string,
  items: Iterable<T>,
  deadline: number,
  keyOf: (item: T) => string,
  work: (item: T) => Promise<boolean | undefined>,
): Promise<ItemsRun> {
  const run = { ...NO_ITEMS }
  for (const item of items) {
    if (Date.now() > deadline) {
      run.unreached++
      continue
    }
    try {
      // An item its own sends' deadline cut (`false`) is left for the next run like one not reached.
      if ((await work(item)) === false) run.unreached++
      else run.done++
    } catch (error) {
      console.error(`[${label}] ${keyOf(item)}`, error)
      run.failed++
    }
  }
  return run
}

/** A timer's documents tenant by tenant: each tenant (its own rules, its own sends) is one item of `eachItem`. */
export function eachTenant<T extends { tenantId: string }>(
  label: string,
  docs: readonly T[],
  deadline: number,
  work: (tenantId: string, docs: T[]) => Promise<boolean | undefined>,
): Promise<ItemsRun> {
  return eachItem(
    label,
    groupBy(docs, (doc) => doc.tenantId),
    deadline,
    ([tenantId]) => tenantId,
    ([tenantId, group]) => work(tenantId, group),
  )
}
