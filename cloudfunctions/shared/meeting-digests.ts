import type { JudgedMeeting } from '../domain/meeting-compliance/evidence'
import { digestYearsBetween, judgedMeetingsOf } from '../domain/meetings/digest'
import { COLLECTIONS } from '../runtime/collections'
import type { Store } from '../runtime/store'

/**
 * The meetings of a tenant in [start, end), as the compliance rule reads
 * them, grouped by branch — from the meetings function's per-branch-year
 * digests (one small document per branch and year), not the meetings and
 * rolls themselves: 500 branches are 500 documents a year, not 25,000
 * meetings and their attendance. With them, the tenant's earliest meeting on
 * record (any branch; a time before `start` when there are digests of
 * earlier years), null with none at all.
 */
export async function meetingsByBranch(
  store: Store,
  tenantId: string,
  start: number,
  end: number,
  branchIds: ReadonlySet<string>,
): Promise<{ byBranch: Map<string, JudgedMeeting[]>; earliest: number | null }> {
  const years = digestYearsBetween(start, end)
  const [digests, older] = await Promise.all([
    store.findAll(COLLECTIONS.meetingDigests, { tenantId, year: store.command.in(years) }),
    store.find(
      COLLECTIONS.meetingDigests,
      { tenantId, year: store.command.lt(years[0]) },
      { limit: 1, fields: { _id: true } },
    ),
  ])
  let earliest: number | null = older.length > 0 ? start - 1 : null
  const byBranch = new Map<string, JudgedMeeting[]>()
  for (const digest of digests) {
    const all = judgedMeetingsOf(digest)
    if (earliest === null || earliest >= start) {
      for (const entry of all) earliest = Math.min(earliest ?? entry.startsAt, entry.startsAt)
    }
    if (!branchIds.has(digest.branchId)) continue
    const held = all.filter((meeting) => meeting.startsAt >= start && meeting.startsAt < end)
    const list = byBranch.get(digest.branchId)
    if (list) list.push(...held)
    else byBranch.set(digest.branchId, held)
  }
  return { byBranch, earliest }
}
