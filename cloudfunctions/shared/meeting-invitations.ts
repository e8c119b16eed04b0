import { meetingMoves } from '../domain/transfer/meeting-moves'
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
  const branches = toBranchId ? [fromBranchId, toBranchId] : [fromBranchId]
  const upcoming = await store.findAll(
    COLLECTIONS.meetings,
    {
      tenantId: member.tenantId,
      branchId: store.command.in(branches),
      status: 'scheduled',
      startsAt: after(store, now),
    },
    { fields: { _id: true, branchId: true, scope: true, attendeeIds: true, startsAt: true, status: true } },
  )
  const moves = meetingMoves(
    { id: member.id, toGroupId: member.toGroupId },
    fromBranchId,
    toBranchId ?? '',
    upcoming,
    now,
  )
  const byId = new Map(upcoming.map((meeting) => [meeting._id, meeting]))
  for (const id of moves.leave) {
    const attendeeIds = (byId.get(id)?.attendeeIds ?? []).filter((attendee) => attendee !== member.id)
    await store.update(COLLECTIONS.meetings, id, { attendeeIds, updatedAt: now })
  }
  for (const id of moves.join) {
    const attendeeIds = [...(byId.get(id)?.attendeeIds ?? []), member.id]
    await store.update(COLLECTIONS.meetings, id, { attendeeIds, updatedAt: now })
  }
  return { left: moves.leave.length, joined: moves.join.length }
}
