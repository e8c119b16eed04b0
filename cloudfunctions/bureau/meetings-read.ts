import type { MeetingDigestDoc } from '../../types/meeting-digest'
import type { HeldMeeting } from '../domain/meetings/compliance'
import { digestYearsBetween, heldMeetingsOf } from '../domain/meetings/digest'
import { DIGESTS } from '../meetings/collections'
import type { Store } from '../runtime/store'

export type BranchMeeting = HeldMeeting & { branchId: string }

/** Make-ups (补开) for a period are held up to a year after it, as the meetings function counts them. */
export const MAKE_UP_HORIZON = 366 * 86_400_000

/**
 * The meetings of a tenant in [start, end), as the compliance rule reads
 * them, grouped by branch — from the meetings function's per-branch-year
 * digests (one small document per branch and year), not the meetings
 * themselves: 500 branches are 500 documents a year, not 25,000.
 */
export async function meetingsByBranch(
  store: Store,
  tenantId: string,
  start: number,
  end: number,
  branchIds: ReadonlySet<string>,
): Promise<Map<string, BranchMeeting[]>> {
  const digests = await store.findAll<MeetingDigestDoc>(DIGESTS, {
    tenantId,
    year: store.command.in(digestYearsBetween(start, end)),
  })
  const byBranch = new Map<string, BranchMeeting[]>()
  for (const digest of digests) {
    if (!branchIds.has(digest.branchId)) continue
    const held = heldMeetingsOf(digest)
      .filter((meeting) => meeting.startsAt >= start && meeting.startsAt < end)
      .map((meeting) => ({ ...meeting, branchId: digest.branchId }))
    const list = byBranch.get(digest.branchId)
    if (list) list.push(...held)
    else byBranch.set(digest.branchId, held)
  }
  return byBranch
}
