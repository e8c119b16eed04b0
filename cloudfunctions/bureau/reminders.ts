import type { Store } from '../runtime/store'

export const REMINDERS = 'bureau_reminders'

/** bureau_reminders: `_id` = `${branchId}:${period}:${day}`, one reminder per branch, period and day. */
export interface ReminderDoc {
  _id: string
  tenantId: string
  branchId: string
  period: string
  owed: string[]
  secretaryId: string | null
  robotQueued: boolean
  by: string
  byName: string
  at: number
}

/** When each branch was last reminded about any period of a year. */
export async function lastReminders(store: Store, tenantId: string, year: number): Promise<Map<string, number>> {
  const docs = await store.findAll<ReminderDoc>(
    REMINDERS,
    { tenantId, period: store.regex(`^${year}`) },
    { fields: { _id: true, branchId: true, at: true } },
  )
  const last = new Map<string, number>()
  for (const doc of docs) last.set(doc.branchId, Math.max(doc.at, last.get(doc.branchId) ?? 0))
  return last
}
