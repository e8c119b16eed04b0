import type { LedgerEntry, TotalsDoc } from '../../types/points'
import type { HandlerContext } from '../runtime/router'
import { LEDGER } from './ledger'
import { TOTALS, totalsOf } from './totals'

const DRIFT_SHOWN = 200

/**
 * 对账: rebuilds every total of the tenant from the ledger (the source of
 * truth) and repairs those that drifted, e.g. after a crash between a ledger
 * insert and its increments. Run it when no awards are being written.
 */
export async function reconcile(_input: object, { caller, store }: HandlerContext) {
  const tenantId = caller.member.tenantId
  const fields = {
    _id: true,
    tenantId: true,
    memberId: true,
    branchId: true,
    ruleKey: true,
    points: true,
    at: true,
    day: true,
    month: true,
    year: true,
  } as const
  const [entries, stored] = await Promise.all([
    store.findAll<LedgerEntry>(LEDGER, { tenantId }, { fields }),
    store.findAll<TotalsDoc>(TOTALS, { tenantId }),
  ])
  const expected = totalsOf(entries)
  const storedById = new Map(stored.map((doc) => [doc._id, doc]))
  const drift: { id: string; was: number; is: number }[] = []
  for (const doc of expected.values()) {
    const current = storedById.get(doc._id)
    if (!current) {
      await store.insert(TOTALS, doc)
      drift.push({ id: doc._id, was: 0, is: doc.points })
    } else if (current.points !== doc.points || current.entries !== doc.entries) {
      await store.update(TOTALS, doc._id, { points: doc.points, entries: doc.entries })
      drift.push({ id: doc._id, was: current.points, is: doc.points })
    }
  }
  for (const doc of stored) {
    if (expected.has(doc._id) || (doc.points === 0 && doc.entries === 0)) continue
    await store.update(TOTALS, doc._id, { points: 0, entries: 0 })
    drift.push({ id: doc._id, was: doc.points, is: 0 })
  }
  return { entries: entries.length, totals: expected.size, drift: drift.slice(0, DRIFT_SHOWN) }
}
