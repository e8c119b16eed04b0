import type { LedgerEntry, TotalsDoc } from '../../types/points'
import { periodKeysOf } from '../domain/points/period'
import { COLLECTIONS } from '../runtime/collections'
import { DuplicateIdError, type Store } from '../runtime/store'

export const memberTotalId = (tenantId: string, memberId: string, period: string) =>
  `${tenantId}:m:${memberId}:${period}`
export const branchTotalId = (tenantId: string, branchId: string, period: string) =>
  `${tenantId}:b:${branchId}:${period}`
/** One member's entries in one branch and period: created by the first, which adds the member to the branch's `members`. */
export const presenceId = (tenantId: string, memberId: string, branchId: string, period: string) =>
  `${tenantId}:p:${memberId}:${branchId}:${period}`
/** What one member has had from one rule in a cap period (absolute points), for caps. */
const usageId = (tenantId: string, memberId: string, ruleKey: string, period: string) =>
  `${tenantId}:u:${memberId}:${ruleKey}:${period}`

export type TotalKey = Omit<TotalsDoc, 'points' | 'entries'>

/** The ledger key of the entry that reverses a payment (考勤更正): the processor writes it, usage gives room back for it. */
export const reversalKey = (paymentKey: string) => `rev:${paymentKey}`
export const isReversal = (entryId: string) => entryId.startsWith(reversalKey(''))

/** The usage total of a member's awards under one rule in one cap period (day, month or year). */
export function usageKey(
  fact: Pick<LedgerEntry, 'tenantId' | 'memberId' | 'branchId' | 'ruleKey'>,
  period: string,
): TotalKey {
  return {
    _id: usageId(fact.tenantId, fact.memberId, fact.ruleKey, period),
    tenantId: fact.tenantId,
    scope: 'usage',
    subjectId: fact.memberId,
    branchId: fact.branchId,
    period,
  }
}

type EntryFacts = Pick<
  LedgerEntry,
  '_id' | 'tenantId' | 'memberId' | 'branchId' | 'ruleKey' | 'points' | 'at' | 'day' | 'month' | 'year'
>

/**
 * Every total one ledger entry moves, and by how much: the member's, the
 * branch's and the member's presence in the branch for each period (month,
 * quarter, year, all time), and the member's use of the rule per cap period
 * (day, month, year; absolute points). The one statement of it, shared by
 * the ledger's increments and by reconcile.
 */
export function totalsTouchedBy(entry: EntryFacts): { key: TotalKey; points: number }[] {
  const { tenantId, memberId, branchId, points } = entry
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
    {
      key: {
        _id: presenceId(tenantId, memberId, branchId, period),
        tenantId,
        scope: 'presence',
        subjectId: memberId,
        branchId,
        period,
      },
      points,
    },
  ]) as { key: TotalKey; points: number }[]
  for (const period of [entry.day, entry.month, entry.year]) {
    moves.push({
      key: usageKey(entry, period),
      // A reversal gives back the cap room its payment took; anything else uses |points| of it.
      points: isReversal(entry._id) ? -Math.abs(points) : Math.abs(points),
    })
  }
  return moves
}

/** The totals a set of ledger entries implies, as the increments would have kept them. */
export function totalsOf(entries: Iterable<EntryFacts>): Map<string, TotalsDoc> {
  const totals = new Map<string, TotalsDoc>()
  for (const entry of entries) addToTotals(totals, entry)
  return withMembers(totals)
}

/** Adds one entry's moves (of the scopes kept) to totals being built (see totalsOf; finish with withMembers). */
export function addToTotals(
  totals: Map<string, TotalsDoc>,
  entry: EntryFacts,
  keep: (scope: TotalsDoc['scope']) => boolean = () => true,
): void {
  for (const { key, points } of totalsTouchedBy(entry)) {
    if (!keep(key.scope)) continue
    const doc = totals.get(key._id) ?? { ...key, points: 0, entries: 0 }
    doc.points += points
    doc.entries += 1
    totals.set(key._id, doc)
  }
}

/** Sets each branch total's `members`: how many presence totals it has. */
export function withMembers(totals: Map<string, TotalsDoc>): Map<string, TotalsDoc> {
  for (const doc of totals.values()) if (doc.scope === 'branch') doc.members = 0
  for (const doc of totals.values()) {
    if (doc.scope !== 'presence') continue
    const branch = totals.get(branchTotalId(doc.tenantId, doc.branchId, doc.period))
    if (branch) branch.members = (branch.members ?? 0) + 1
  }
  return totals
}

/**
 * Adds to a total with the database's atomic `_.inc`, creating the document
 * on first use: update first (the common case, one round trip); if nothing was
 * there, insert; if a concurrent writer inserted first, increment theirs.
 * Answers whether this call created it.
 */
export async function incrementTotal(store: Store, base: TotalKey, points: number): Promise<boolean> {
  const inc = { points: store.command.inc(points), entries: store.command.inc(1) }
  if ((await store.update(COLLECTIONS.pointsTotals, base._id, inc)) > 0) return false
  try {
    await store.insert(COLLECTIONS.pointsTotals, { ...base, points, entries: 1 })
    return true
  } catch (error) {
    if (!(error instanceof DuplicateIdError)) throw error
    await store.update(COLLECTIONS.pointsTotals, base._id, inc)
    return false
  }
}

/**
 * Applies one entry's moves (less the cap usage already claimed): every
 * total incremented at once, then — for each presence this entry created,
 * i.e. the member's first entry in the branch and period — one more member
 * on the branch's total, which exists by then.
 */
export async function applyTotals(store: Store, entry: EntryFacts, claimed: ReadonlySet<string>): Promise<void> {
  const moves = totalsTouchedBy(entry).filter(({ key }) => !claimed.has(key._id))
  const created = await Promise.all(moves.map(({ key, points }) => incrementTotal(store, key, points)))
  await Promise.all(
    moves
      .filter(({ key }, index) => created[index] && key.scope === 'presence')
      .map(({ key }) =>
        store.update(COLLECTIONS.pointsTotals, branchTotalId(key.tenantId, key.branchId, key.period), {
          members: store.command.inc(1),
        }),
      ),
  )
}
