import type { api } from '../../types/api'
import { summaryLine } from '../domain/meetings/attendance-summary'
import { COLLECTIONS } from '../runtime/collections'
import { DomainError } from '../runtime/domain-error'
import { isInFolder } from '../runtime/files'
import type { Handler } from '../runtime/router'
import { writeAudit } from '../shared/audit'
import { membersByIds } from '../shared/members'
import { refreshEvidence } from './digest'
import { loadManagedMeeting, requireLive } from './meeting-access'
import { rollOf } from './views'

/** Photos go to meetings/<tenant>/<meeting>/ from the page, so a fileID from elsewhere is refused. */
export const minutesFolder = (tenantId: string, meetingId: string) => `meetings/${tenantId}/${meetingId}/`

/**
 * 会议记录: the attendance line is written from the roll as it stands (those
 * not yet marked are 未签到, not 缺席), the secretary writes the rest. The
 * first save is kept: it is when the record was made, whatever edits follow.
 */
export const writeMinutes: Handler<typeof api.meetings.writeMinutes> = async (input, ctx) => {
  const { caller, store, clock } = ctx
  const { meeting } = await loadManagedMeeting(store, caller, input.meetingId)
  requireLive(meeting)
  const now = clock.now()
  if (now < meeting.startsAt) throw new DomainError('MEETING.NOT_STARTED')
  const folder = minutesFolder(meeting.tenantId, meeting._id)
  if (input.photos.some((fileID) => !isInFolder(fileID, folder))) throw new DomainError('MEETING.FILE_NOT_YOURS')
  const roll = await rollOf(store, meeting)
  const names = await membersByIds(store, meeting.attendeeIds)
  const who = (status: 'leave' | 'absent') =>
    meeting.attendeeIds.filter((id) => roll.statuses.get(id) === status).map((id) => names.get(id)?.name ?? '')
  const summary = summaryLine(roll.counts, { leave: who('leave'), absent: who('absent') }, meeting.guestIds?.length)
  await store.update(COLLECTIONS.meetings, meeting._id, {
    minutes: {
      text: input.text,
      photos: input.photos,
      writtenBy: caller.member._id,
      writtenAt: now,
      firstWrittenAt: meeting.minutes?.firstWrittenAt ?? meeting.minutes?.writtenAt ?? now,
      summary,
    },
    updatedAt: now,
  })
  await refreshEvidence(store, meeting)
  await writeAudit(ctx, {
    action: 'meetings.writeMinutes',
    targetId: meeting._id,
    summary: `填写${meeting.title}会议记录`,
    before: meeting.minutes ? { writtenAt: meeting.minutes.writtenAt } : null,
    after: { writtenAt: now },
  })
  return { summary, counts: roll.counts }
}
