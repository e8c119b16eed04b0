import { groupMeetingMoves, meetingMoves } from '../domain/transfer/meeting-moves'
import { COLLECTIONS } from '../runtime/collections'
import { after } from '../runtime/range'
import type { Store } from '../runtime/store'

/**
 * A member's invitations follow their membership (组织关系转接, 停用): they
 * leave the attendee lists of their old branch's meetings not yet started —
 * so they are no longer reminded of them, cannot check in to them and are
 * never marked absent there — and join the new branch's meetings for the
 * whole branch or their new 党小组. Past meetings keep their rolls. The
 * roster calls it after writing the member; a lost write leaves the meetings
 * function's own checks (check-in, closing) to refuse or skip them.
 */
export async function followMembership(
  store: Store,
  member: { id: string; tenantId: string; toGroupId: string | null },
  fromBranchId: string,
  toBranchId: string | null,
  now: number,
): Promise<{ left: number; joined: number }> {
  return followMemberships(store, member.tenantId, [member], fromBranchId, toBranchId, now)
}

/**
 * Several members of one branch moving at once (a branch merged or closed):
 * the meetings are read once and each touched meeting written once, so the
 * moves do not overwrite each other's attendee lists.
 */
export async function followMemberships(
  store: Store,
  tenantId: string,
  members: readonly { id: string; toGroupId: string | null }[],
  fromBranchId: string,
  toBranchId: string | null,
  now: number,
): Promise<{ left: number; joined: number }> {
  if (members.length === 0) return { left: 0, joined: 0 }
  const branches = toBranchId ? [fromBranchId, toBranchId] : [fromBranchId]
  const upcoming = await store.findAll(
    COLLECTIONS.meetings,
    {
      tenantId,
      branchId: store.command.in(branches),
      status: 'scheduled',
      startsAt: after(store, now),
    },
    { fields: { _id: true, branchId: true, scope: true, attendeeIds: true, startsAt: true, status: true } },
  )
  // Working copies of the rolls: each member's moves are judged against the lists the earlier ones left.
  const rolls = upcoming.map((meeting) => ({ ...meeting, attendeeIds: [...meeting.attendeeIds] }))
  const touched = new Set<string>()
  let left = 0
  let joined = 0
  for (const member of members) {
    const moves = meetingMoves(member, fromBranchId, toBranchId ?? '', rolls, now)
    for (const meeting of rolls) {
      if (moves.leave.includes(meeting._id)) {
        meeting.attendeeIds = meeting.attendeeIds.filter((attendee) => attendee !== member.id)
        touched.add(meeting._id)
        left += 1
      } else if (moves.join.includes(meeting._id)) {
        meeting.attendeeIds.push(member.id)
        touched.add(meeting._id)
        joined += 1
      }
    }
  }
  for (const meeting of rolls) {
    if (touched.has(meeting._id))
      await store.update(COLLECTIONS.meetings, meeting._id, { attendeeIds: meeting.attendeeIds, updatedAt: now })
  }
  return { left, joined }
}

/** Members of a 党小组 merged or closed (same branch): out of its meetings not yet begun, into the new group's. */
export async function followGroup(
  store: Store,
  group: { id: string; tenantId: string; branchId: string },
  memberIds: readonly string[],
  toGroupId: string | null,
  now: number,
): Promise<void> {
  if (memberIds.length === 0) return
  const upcoming = await store.findAll(
    COLLECTIONS.meetings,
    { tenantId: group.tenantId, branchId: group.branchId, status: 'scheduled', startsAt: after(store, now) },
    { fields: { _id: true, branchId: true, scope: true, attendeeIds: true, startsAt: true, status: true } },
  )
  const moves = groupMeetingMoves(group.id, toGroupId, upcoming, now)
  const moving = new Set(memberIds)
  for (const meeting of upcoming) {
    const attendeeIds = moves.leave.includes(meeting._id)
      ? meeting.attendeeIds.filter((id) => !moving.has(id))
      : moves.join.includes(meeting._id)
        ? [...new Set([...meeting.attendeeIds, ...memberIds])]
        : null
    if (attendeeIds) await store.update(COLLECTIONS.meetings, meeting._id, { attendeeIds, updatedAt: now })
  }
}
