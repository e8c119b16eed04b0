import type { LeaveDoc } from '../../../types/meetings'

/** A request that still stands: a withdrawn one (撤回) counts as never asked. */
export function standingLeave(
  leave: LeaveDoc,
): leave is LeaveDoc & { status: Exclude<LeaveDoc['status'], 'withdrawn'> } {
  return leave.status !== 'withdrawn'
}

/** 请假 is asked for before the meeting starts; after that the secretary marks attendance instead. */
export function leaveRefusal(meeting: { startsAt: number }, now: number): 'MEETING.STARTED' | null {
  return now >= meeting.startsAt ? 'MEETING.STARTED' : null
}
