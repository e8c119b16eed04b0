import type { api } from '../../types/api'
import type { AttendanceStatus, MeetingDoc } from '../../types/meetings'
import { recordOf } from '../domain/meeting-compliance/evidence'
import { countAttendance, summaryLine } from '../domain/meetings/attendance-summary'
import { digestEntryOf } from '../domain/meetings/digest'
import { shanghaiMinute } from '../domain/time'
import { COLLECTIONS } from '../runtime/collections'
import { DomainError } from '../runtime/domain-error'
import { isInFolder } from '../runtime/files'
import type { Handler } from '../runtime/router'
import { DuplicateIdError } from '../runtime/store'
import { writeAudit } from '../shared/audit'
import { loadRules } from '../shared/meeting-rules'
import { membersByIds } from '../shared/members'
import { refreshEvidence } from './digest'
import { insertRow } from './events'
import { attendanceId } from './ids'
import { minutesFolder } from './minutes'
import { newMeetingDoc, planMeeting } from './plan'

/** 补录 reaches back a year at most: the record book and the matrix look no further. */
const OLDEST = 366 * 86_400_000

/**
 * 补录: a meeting that took place, entered after the fact with its whole roll,
 * minutes and photos, marked 补录 in the record book and the audit log. It
 * counts as 已开展 when entered within the bureau's 补录时限 after it ended
 * (the rule reads when its record was made), and its absences are charged
 * like any meeting's. `requestId` is the meeting's id: the photos were
 * uploaded under it, and a retry completes what a cut-off first try left.
 */
export const backfill: Handler<typeof api.meetings.backfill> = async (input, ctx) => {
  const { caller, store, clock } = ctx
  const now = clock.now()
  if (input.meeting.endsAt > now) throw new DomainError('MEETING.NOT_PAST')
  if (input.meeting.startsAt < now - OLDEST) throw new DomainError('MEETING.TOO_OLD')
  const plan = await planMeeting(store, caller, input)
  const invited = new Set(plan.attendeeIds)
  if (input.marks.some((mark) => !invited.has(mark.memberId)))
    throw new DomainError('MEETING.NOT_ATTENDEE', '所选党员不在本次会议的参会范围内')
  // Separation of duties: nobody records their own attendance, here as in 考勤登记. The caller's row stays
  // 未签到 in their own 补录, for another manager of the branch or bureau staff to mark.
  if (input.marks.some((mark) => mark.memberId === caller.member._id))
    throw new DomainError('AUTH.SELF_DEALING', '补录时不能登记自己的考勤：保存后请由支部其他管理人员或教育局党委登记')
  const statuses = new Map<string, AttendanceStatus>(input.marks.map((mark) => [mark.memberId, mark.status]))
  if (plan.attendeeIds.some((id) => id !== caller.member._id && !statuses.has(id)))
    throw new DomainError('MEETING.ROLL_INCOMPLETE')
  const folder = minutesFolder(plan.branch.tenantId, input.requestId)
  if (input.minutes.photos.some((fileID) => !isInFolder(fileID, folder)))
    throw new DomainError('MEETING.FILE_NOT_YOURS')
  const names = await membersByIds(store, plan.attendeeIds)
  const who = (status: AttendanceStatus) =>
    plan.attendeeIds.filter((id) => statuses.get(id) === status).map((id) => names.get(id)?.name ?? '')
  const summary = summaryLine(
    countAttendance(plan.attendeeIds, statuses),
    { leave: who('leave'), absent: who('absent') },
    plan.guestIds.length,
  )
  const meeting: MeetingDoc = newMeetingDoc(plan, input.meeting, {
    _id: input.requestId,
    seriesId: null,
    makeUpFor: input.makeUpFor,
    createdBy: caller.member._id,
    createdAt: now,
    backfilled: { at: now, by: caller.member._id },
    minutes: {
      text: input.minutes.text,
      photos: input.minutes.photos,
      writtenBy: caller.member._id,
      writtenAt: now,
      firstWrittenAt: now,
      summary,
    },
    remindersDone: ['24h', '1h'],
    closedAt: now,
  })
  let resumed = false
  try {
    await store.insert(COLLECTIONS.meetings, meeting)
  } catch (error) {
    if (!(error instanceof DuplicateIdError)) throw error
    const earlier = await store.get(COLLECTIONS.meetings, meeting._id)
    if (!earlier?.backfilled || earlier.createdBy !== caller.member._id || earlier.branchId !== plan.branch._id)
      throw new DomainError('MEETING.ID_TAKEN')
    resumed = true
  }
  for (const mark of input.marks) {
    await insertRow(store, {
      _id: attendanceId(meeting._id, mark.memberId),
      tenantId: meeting.tenantId,
      meetingId: meeting._id,
      branchId: meeting.branchId,
      memberId: mark.memberId,
      status: mark.status,
      via: 'backfill',
      at: meeting.startsAt,
      recordedBy: caller.member._id,
      pendingEvent: { correction: false, at: meeting.startsAt, payableFrom: meeting.startsAt },
    })
  }
  const evidence = await refreshEvidence(store, meeting)
  if (!resumed) {
    await writeAudit(ctx, {
      action: 'meetings.backfill',
      targetId: meeting._id,
      summary: `补录${meeting.title}（${shanghaiMinute(meeting.startsAt)}）`,
      before: null,
      after: { branchId: meeting.branchId, startsAt: meeting.startsAt, marks: input.marks.length },
    })
  }
  const rules = await loadRules(store, meeting.tenantId)
  const record = recordOf(digestEntryOf(meeting, evidence ?? undefined), meeting.type, now, rules)
  return { id: meeting._id, record, summary }
}
