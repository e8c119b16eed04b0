import type { AttendanceStatus, MeetingDoc, MeetingSummary } from '../../types/meetings'
import { countAttendance } from '../domain/meetings/attendance-summary'
import { standingLeave } from '../domain/meetings/leave'
import { COLLECTIONS } from '../runtime/collections'
import type { Store } from '../runtime/store'

export async function rollOf(store: Store, meeting: MeetingDoc) {
  const [attendance, allLeaves] = await Promise.all([
    store.findAll(COLLECTIONS.meetingAttendance, { meetingId: meeting._id }),
    store.findAll(COLLECTIONS.meetingLeaves, { meetingId: meeting._id }),
  ])
  const leaves = allLeaves.filter(standingLeave)
  const statuses = new Map<string, AttendanceStatus>(attendance.map((row) => [row.memberId, row.status]))
  return {
    attendance,
    leaves,
    statuses,
    counts: countAttendance(meeting.attendeeIds, statuses),
  }
}

export async function countsOf(store: Store, meeting: MeetingDoc) {
  const byStatus = await store.countBy(COLLECTIONS.meetingAttendance, { meetingId: meeting._id }, 'status')
  const marked = [...byStatus.values()].reduce((sum, n) => sum + n, 0)
  return {
    expected: meeting.attendeeIds.length,
    present: byStatus.get('present') ?? 0,
    late: byStatus.get('late') ?? 0,
    leave: byStatus.get('leave') ?? 0,
    absent: byStatus.get('absent') ?? 0,
    unmarked: Math.max(0, meeting.attendeeIds.length - marked),
  }
}

export function toSummary(
  meeting: MeetingDoc,
  branchName: string,
  mine: { status: AttendanceStatus | null; leave: MeetingSummary['myLeave'] },
): MeetingSummary {
  return {
    id: meeting._id,
    branchId: meeting.branchId,
    branchName,
    type: meeting.type,
    title: meeting.title,
    startsAt: meeting.startsAt,
    endsAt: meeting.endsAt,
    place: meeting.place,
    status: meeting.status,
    seriesId: meeting.seriesId,
    mine: mine.status,
    myLeave: mine.leave,
    hasMinutes: meeting.minutes !== null,
  }
}
