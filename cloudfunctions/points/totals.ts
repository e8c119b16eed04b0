import type { TotalsDoc } from '../../types/points'
import { DuplicateIdError, type Store } from '../runtime/store'

export const TOTALS = 'points_totals'

export const memberTotalId = (tenantId: string, memberId: string, period: string) =>
  `${tenantId}:m:${memberId}:${period}`
export const branchTotalId = (tenantId: string, branchId: string, period: string) =>
  `${tenantId}:b:${branchId}:${period}`
/** What one member has had from one rule in a cap period (absolute points), for caps. */
export const usageId = (tenantId: string, memberId: string, ruleKey: string, period: string) =>
  `${tenantId}:u:${memberId}:${ruleKey}:${period}`

/**
 * Adds to a total with the database's atomic `_.inc`, creating the document
 * on first use: update first (the common case, one round trip); if nothing was
 * there, insert; if a concurrent writer inserted first, increment theirs.
 */
export async function incrementTotal(
  store: Store,
  base: Omit<TotalsDoc, 'points' | 'entries'>,
  points: number,
): Promise<void> {
  const inc = { points: store.command.inc(points), entries: store.command.inc(1) }
  if ((await store.update(TOTALS, base._id, inc)) > 0) return
  try {
    await store.insert<TotalsDoc>(TOTALS, { ...base, points, entries: 1 })
  } catch (error) {
    if (!(error instanceof DuplicateIdError)) throw error
    await store.update(TOTALS, base._id, inc)
  }
}
