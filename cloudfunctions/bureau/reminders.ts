import { COLLECTIONS } from '../runtime/collections'
import type { Store } from '../runtime/store'

/** When each branch was last reminded about any period of a year. */
export async function lastReminders(store: Store, tenantId: string, year: number): Promise<Map<string, number>> {
  const docs = await store.findAll(
    COLLECTIONS.bureauReminders,
    { tenantId, period: store.regex(`^${year}`) },
    { fields: { _id: true, branchId: true, at: true } },
  )
  const last = new Map<string, number>()
  for (const doc of docs) last.set(doc.branchId, Math.max(doc.at, last.get(doc.branchId) ?? 0))
  return last
}
