import type { MeetingRecordState } from '../../types/compliance'
import type { AttendanceStatus, MeetingDoc, MeetingSummary } from '../../types/meetings'
import { recordOf } from '../domain/meeting-compliance/evidence'
import { countAttendance } from '../domain/meetings/attendance-summary'
import { digestEntryOf, digestId, digestYearOf, judgedMeetingsOf } from '../domain/meetings/digest'
import { standingLeave } from '../domain/meetings/leave'
import { COLLECTIONS } from '../runtime/collections'
import type { Store } from '../runtime/store'
import { loadRules } from '../shared/meeting-rules'

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

/**
 * The counts of a meeting's roll — 应到 the invited, then 出席/迟到/请假/缺席 and
 * those not yet marked (未签到) — the one source of the code panel, the roll,
 * the share card and the minutes: the same rule over the same rows.
 */
export async function countsOf(store: Store, meeting: MeetingDoc) {
  const rows = await store.findAll(
    COLLECTIONS.meetingAttendance,
    { meetingId: meeting._id },
    { fields: { memberId: true, status: true } },
  )
  return countAttendance(meeting.attendeeIds, new Map(rows.map((row) => [row.memberId, row.status])))
}

/**
 * Each meeting's record as the bureau's figures read it: from the digest
 * entries the compliance rule judges (the one source), or — for an entry not
 * there yet — from the meeting alone.
 */
export async function recordsOf(
  store: Store,
  meetings: readonly MeetingDoc[],
  now: number,
): Promise<Map<string, MeetingRecordState>> {
  if (meetings.length === 0) return new Map()
  const digestIds = [...new Set(meetings.map((meeting) => digestId(meeting.branchId, digestYearOf(meeting.startsAt))))]
  const [digests, rules] = await Promise.all([
    store.find(COLLECTIONS.meetingDigests, { _id: store.command.in(digestIds) }),
    loadRules(store, meetings[0].tenantId),
  ])
  const entries = new Map(digests.flatMap(judgedMeetingsOf).map((entry) => [entry._id, entry]))
  return new Map(
    meetings.map((meeting) => {
      const stored = entries.get(meeting._id)
      const entry = { ...digestEntryOf(meeting), recordedAt: stored?.recordedAt, quorate: stored?.quorate }
      return [meeting._id, recordOf(entry, meeting.type, now, rules)]
    }),
  )
}

export function toSummary(
  meeting: MeetingDoc,
  branchName: string,
  mine: { status: AttendanceStatus | null; leave: MeetingSummary['myLeave'] },
  record: MeetingRecordState,
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
    alsoCounts: meeting.alsoCounts ?? [],
    backfilled: Boolean(meeting.backfilled),
    record,
  }
}
