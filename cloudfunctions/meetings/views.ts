import type { AttendanceDoc, AttendanceStatus, LeaveDoc, MeetingDoc, MeetingSummary } from '../../types/meetings'
import type { MemberDoc } from '../../types/roster'
import { countAttendance } from '../domain/meetings/attendance-summary'
import { standingLeave } from '../domain/meetings/leave'
import type { Store } from '../runtime/store'
import { ATTENDANCE, LEAVES } from './collections'

export async function rollOf(store: Store, meeting: MeetingDoc) {
  const [attendance, allLeaves] = await Promise.all([
    store.findAll<AttendanceDoc>(ATTENDANCE, { meetingId: meeting._id }),
    store.findAll<LeaveDoc>(LEAVES, { meetingId: meeting._id }),
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
  const byStatus = await store.countBy(ATTENDANCE, { meetingId: meeting._id }, 'status')
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

export async function membersByIds(store: Store, ids: readonly string[]): Promise<Map<string, MemberDoc>> {
  const unique = [...new Set(ids)]
  const found: MemberDoc[] = []
  for (let i = 0; i < unique.length; i += 500) {
    found.push(...(await store.find<MemberDoc>('members', { _id: store.command.in(unique.slice(i, i + 500)) })))
  }
  return new Map(found.map((member) => [member._id, member]))
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
