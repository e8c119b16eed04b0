import type { LedgerEntry, TotalsDoc } from '../../types/points'
import { periodKeysOf } from '../domain/points/period'
import { DuplicateIdError, type Store } from '../runtime/store'

export const TOTALS = 'points_totals'

export const memberTotalId = (tenantId: string, memberId: string, period: string) =>
  `${tenantId}:m:${memberId}:${period}`
export const branchTotalId = (tenantId: string, branchId: string, period: string) =>
  `${tenantId}:b:${branchId}:${period}`
/** What one member has had from one rule in a cap period (absolute points), for caps. */
export const usageId = (tenantId: string, memberId: string, ruleKey: string, period: string) =>
  `${tenantId}:u:${memberId}:${ruleKey}:${period}`

export type TotalKey = Omit<TotalsDoc, 'points' | 'entries'>

type EntryFacts = Pick<
  LedgerEntry,
  'tenantId' | 'memberId' | 'branchId' | 'ruleKey' | 'points' | 'at' | 'day' | 'month' | 'year'
>

/**
 * Every total one ledger entry moves, and by how much: the member's and the
 * branch's for each period (month, quarter, year, all time), and the member's
 * use of the rule per cap period (day, month, year; absolute points). The one
 * statement of it, shared by the ledger's increments and by reconcile.
 */
export function totalsTouchedBy(entry: EntryFacts): { key: TotalKey; points: number }[] {
  const { tenantId, memberId, branchId, ruleKey, points } = entry
  const moves = periodKeysOf(entry.at).flatMap((period) => [
    {
      key: {
        _id: memberTotalId(tenantId, memberId, period),
        tenantId,
        scope: 'member',
        subjectId: memberId,
        branchId,
        period,
      },
      points,
    },
    {
      key: {
        _id: branchTotalId(tenantId, branchId, period),
        tenantId,
        scope: 'branch',
        subjectId: branchId,
        branchId,
        period,
      },
      points,
    },
  ]) as { key: TotalKey; points: number }[]
  for (const period of [entry.day, entry.month, entry.year]) {
    moves.push({
      key: {
        _id: usageId(tenantId, memberId, ruleKey, period),
        tenantId,
        scope: 'usage',
        subjectId: memberId,
        branchId,
        period,
      },
      points: Math.abs(points),
    })
  }
  return moves
}

/** The totals a set of ledger entries implies, as the increments would have kept them. */
export function totalsOf(entries: readonly EntryFacts[]): Map<string, TotalsDoc> {
  const totals = new Map<string, TotalsDoc>()
  for (const entry of entries) {
    for (const { key, points } of totalsTouchedBy(entry)) {
      const doc = totals.get(key._id) ?? { ...key, points: 0, entries: 0 }
      doc.points += points
      doc.entries += 1
      totals.set(key._id, doc)
    }
  }
  return totals
}

/**
 * Adds to a total with the database's atomic `_.inc`, creating the document
 * on first use: update first (the common case, one round trip); if nothing was
 * there, insert; if a concurrent writer inserted first, increment theirs.
 */
export async function incrementTotal(store: Store, base: TotalKey, points: number): Promise<void> {
  const inc = { points: store.command.inc(points), entries: store.command.inc(1) }
  if ((await store.update(TOTALS, base._id, inc)) > 0) return
  try {
    await store.insert<TotalsDoc>(TOTALS, { ...base, points, entries: 1 })
  } catch (error) {
    if (!(error instanceof DuplicateIdError)) throw error
    await store.update(TOTALS, base._id, inc)
  }
}
