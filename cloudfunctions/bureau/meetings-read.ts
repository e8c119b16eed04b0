import type { HeldMeeting } from '../domain/meetings/compliance'
import { within } from '../meetings/range'
import type { Store } from '../runtime/store'

export type BranchMeeting = HeldMeeting & { branchId: string }

/** Make-ups (补开) for a period are held up to a year after it, as the meetings function counts them. */
export const MAKE_UP_HORIZON = 366 * 86_400_000

const FIELDS = { _id: true, branchId: true, type: true, startsAt: true, status: true, makeUpFor: true } as const

/**
 * The meetings of a tenant in [start, end), only the fields the compliance
 * rule reads, grouped by branch. Read month slice by month slice in parallel
 * so no one read pages far past the 1,000-document cap.
 */
export async function meetingsByBranch(
  store: Store,
  tenantId: string,
  start: number,
  end: number,
  branchIds: ReadonlySet<string>,
): Promise<Map<string, BranchMeeting[]>> {
  const slices: [number, number][] = []
  const step = 31 * 86_400_000
  for (let from = start; from < end; from += step) slices.push([from, Math.min(end, from + step)])
  const parts = await Promise.all(
    slices.map(([from, to]) =>
      store.findAll<BranchMeeting>('meetings', { tenantId, startsAt: within(store, from, to) }, { fields: FIELDS }),
    ),
  )
  const byBranch = new Map<string, BranchMeeting[]>()
  for (const part of parts) {
    for (const meeting of part) {
      if (!branchIds.has(meeting.branchId)) continue
      const list = byBranch.get(meeting.branchId)
      if (list) list.push(meeting)
      else byBranch.set(meeting.branchId, [meeting])
    }
  }
  return byBranch
}
