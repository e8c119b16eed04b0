import type { Scope } from '../../../types/meetings'

export interface UpcomingMeeting {
  _id: string
  branchId: string
  scope: Scope
  attendeeIds: readonly string[]
  startsAt: number
  status: 'scheduled' | 'cancelled'
}

/**
 * What a transfer within the county (组织关系转接) changes in meetings not yet
 * started: the member leaves the attendee lists of the old branch's meetings
 * and joins the new branch's meetings for the whole branch or for the party
 * group they join. Past meetings keep their rolls (history stays); a
 * committee meeting of the new branch waits until they hold a position there.
 * Reminders follow the attendee lists, so they move too.
 */
export function meetingMoves(
  member: { id: string; toGroupId: string | null },
  fromBranchId: string,
  toBranchId: string,
  meetings: readonly UpcomingMeeting[],
  now: number,
): { leave: string[]; join: string[] } {
  const upcoming = meetings.filter((meeting) => meeting.status === 'scheduled' && meeting.startsAt > now)
  const leave = upcoming
    .filter((meeting) => meeting.branchId === fromBranchId && meeting.attendeeIds.includes(member.id))
    .map((meeting) => meeting._id)
  const join = upcoming
    .filter(
      (meeting) =>
        meeting.branchId === toBranchId &&
        !meeting.attendeeIds.includes(member.id) &&
        (meeting.scope.kind === 'branch' ||
          (meeting.scope.kind === 'group' && member.toGroupId !== null && meeting.scope.groupId === member.toGroupId)),
    )
    .map((meeting) => meeting._id)
  return { leave, join }
}

/**
 * A 党小组 merged or closed: its members leave the group's meetings not yet
 * started and join those of the group they go to (none when they go to no
 * group); the branch's other meetings are theirs as before.
 */
export function groupMeetingMoves(
  fromGroupId: string,
  toGroupId: string | null,
  meetings: readonly UpcomingMeeting[],
  now: number,
): { leave: string[]; join: string[] } {
  const upcoming = meetings.filter((meeting) => meeting.status === 'scheduled' && meeting.startsAt > now)
  const ofGroup = (groupId: string | null) =>
    upcoming
      .filter((meeting) => groupId !== null && meeting.scope.kind === 'group' && meeting.scope.groupId === groupId)
      .map((meeting) => meeting._id)
  return { leave: ofGroup(fromGroupId), join: ofGroup(toGroupId) }
}
