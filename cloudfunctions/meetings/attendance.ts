import type { api } from '../../types/api'
import type { AttendanceDoc } from '../../types/meetings'
import { windowOf } from '../domain/meetings/check-in-window'
import { COLLECTIONS } from '../runtime/collections'
import { DomainError } from '../runtime/domain-error'
import type { Handler } from '../runtime/router'
import { DuplicateIdError } from '../runtime/store'
import { writeAudit } from '../shared/audit'
import { loadRules } from '../shared/meeting-rules'
import { refreshEvidence } from './digest'
import { settleRow } from './events'
import { attendanceId } from './ids'
import { loadManagedMeeting, requireLive } from './meeting-access'
import { refreshShareCard } from './share-card'
import { countsOf } from './views'

/**
 * 手动登记考勤: for members without phones, or to correct a status; from the
 * moment check-in opens. Each row and the points fact it owes are one
 * document write (the row's `pendingEvent`); the fact is then recorded and
 * the mark cleared, so a crash between the two is settled by the next
 * reminder run instead of losing the fact.
 */
export const markAttendance: Handler<typeof api.meetings.markAttendance> = async (input, ctx) => {
  const { caller, store, clock } = ctx
  const { meeting } = await loadManagedMeeting(store, caller, input.meetingId)
  requireLive(meeting)
  const now = clock.now()
  const rules = await loadRules(store, meeting.tenantId)
  if (now < windowOf(meeting, rules).opensAt) throw new DomainError('MEETING.NOT_OPEN', '会议签到开放后才能登记考勤')
  const strangers = input.marks.filter((mark) => !meeting.attendeeIds.includes(mark.memberId))
  if (strangers.length > 0) throw new DomainError('MEETING.NOT_ATTENDEE', '所选党员不在本次会议的参会名单中')
  // Separation of duties: one's own attendance is checked in, or marked by another manager.
  if (input.marks.some((mark) => mark.memberId === caller.member._id))
    throw new DomainError('AUTH.SELF_DEALING', '不能为自己登记考勤，请签到或由支部其他管理人员登记')
  const before = new Map(
    (
      await store.findAll(
        COLLECTIONS.meetingAttendance,
        { meetingId: meeting._id, memberId: store.command.in(input.marks.map((mark) => mark.memberId)) },
        { fields: { memberId: true, status: true } },
      )
    ).map((row) => [row.memberId, row.status]),
  )
  for (const mark of input.marks) {
    const previous = before.get(mark.memberId)
    const pendingEvent = {
      correction: previous !== undefined && previous !== mark.status,
      at: now,
      payableFrom: meeting.startsAt,
    }
    const row: AttendanceDoc & { pendingEvent: typeof pendingEvent } = {
      _id: attendanceId(meeting._id, mark.memberId),
      tenantId: meeting.tenantId,
      meetingId: meeting._id,
      branchId: meeting.branchId,
      memberId: mark.memberId,
      status: mark.status,
      via: 'hand',
      at: now,
      recordedBy: caller.member._id,
      pendingEvent,
    }
    const change = { status: row.status, via: 'hand', recordedBy: row.recordedBy, pendingEvent }
    if ((await store.update(COLLECTIONS.meetingAttendance, row._id, change)) === 0) {
      try {
        await store.insert(COLLECTIONS.meetingAttendance, row)
      } catch (error) {
        if (!(error instanceof DuplicateIdError)) throw error
        await store.update(COLLECTIONS.meetingAttendance, row._id, change)
      }
    }
    await settleRow(store, row)
  }
  await refreshEvidence(store, meeting)
  await writeAudit(ctx, {
    action: 'meetings.markAttendance',
    targetId: meeting._id,
    summary: `登记${meeting.title}考勤${input.marks.length}人`,
    before: null,
    after: { marks: input.marks },
  })
  // A shared card counts people marked present by hand too.
  await refreshShareCard(ctx, meeting, now)
  return { marked: input.marks.length, counts: await countsOf(store, meeting) }
}
