import type { api } from '../../types/api'
import { configuredId, isConfigured } from '../../types/subscribe-templates'
import { windowOf } from '../domain/meetings/check-in-window'
import { COLLECTIONS } from '../runtime/collections'
import type { Files } from '../runtime/files'
import type { Handler } from '../runtime/router'
import { loadRules } from '../shared/meeting-rules'
import { membersByIds } from '../shared/members'
import { creditId, isLongTerm } from '../shared/messaging/subscribe-send'
import { loadMeeting } from './meeting-access'
import { recordsOf, rollOf, toSummary } from './views'

/** How long a minutes photo link lasts: a page stays open for a while, a reload asks again. */
const PHOTO_LINK_SECONDS = 2 * 3600

/** Temporary links of saved photos (云存储 temp URLs work in the weapp <Image> and in the H5 build alike). */
async function photoLinks(files: Files, photos: readonly string[]): Promise<(string | null)[]> {
  return Promise.all(photos.map((fileID) => files.link(fileID, PHOTO_LINK_SECONDS).catch(() => null)))
}

/** 会议详情: attendees see the meeting and their own attendance; readers of the branch also the roll. */
export const getMeeting: Handler<typeof api.meetings.get> = async (input, { caller, store, files, clock }) => {
  const { meeting, branch, access, attendee } = await loadMeeting(store, caller, input.meetingId)
  const now = clock.now()
  const rulesRead = loadRules(store, meeting.tenantId)
  const [rules, roll, photoUrls, records, group, guests, credit] = await Promise.all([
    rulesRead,
    rollOf(store, meeting),
    photoLinks(files, meeting.minutes?.photos ?? []),
    recordsOf(store, [meeting], now),
    meeting.scope.kind === 'group' ? store.get(COLLECTIONS.orgs, meeting.scope.groupId) : null,
    access !== 'none' && meeting.guestIds?.length
      ? store.find(
          COLLECTIONS.developmentFiles,
          { _id: store.command.in(meeting.guestIds) },
          { fields: { _id: true, name: true } },
        )
      : [],
    // The caller's credits of the tenant's reminder template, read as soon as the rules name it.
    rulesRead.then((read) =>
      isConfigured(read.templates.meetingReminder)
        ? store.get(
            COLLECTIONS.subscribeCredits,
            creditId(caller.member._id, read.templates.meetingReminder.templateId),
          )
        : null,
    ),
  ])
  const reminderTemplate = configuredId(rules.templates.meetingReminder)
  const people = await membersByIds(store, [
    ...(access === 'none' ? [] : meeting.attendeeIds),
    ...[meeting.hostId, meeting.noteTakerId, meeting.minutes?.writtenBy].filter((id): id is string => Boolean(id)),
  ])
  const leaveOf = new Map(roll.leaves.map((leave) => [leave.memberId, leave.status]))
  const atOf = new Map(roll.attendance.map((row) => [row.memberId, row.at]))
  const me = caller.member._id
  const window = windowOf(meeting, rules)
  return {
    ...toSummary(
      meeting,
      branch.name,
      { status: roll.statuses.get(me) ?? null, leave: leaveOf.get(me) ?? null },
      records.get(meeting._id) ?? 'upcoming',
    ),
    agenda: meeting.agenda,
    scope: meeting.scope,
    groupName: group?.name ?? null,
    location: meeting.location,
    hostId: meeting.hostId,
    hostName: meeting.hostId ? (people.get(meeting.hostId)?.name ?? null) : null,
    noteTakerId: meeting.noteTakerId,
    noteTakerName: meeting.noteTakerId ? (people.get(meeting.noteTakerId)?.name ?? null) : null,
    cancelReason: meeting.cancelReason,
    makeUpFor: meeting.makeUpFor,
    attendee,
    canManage: access === 'manage',
    counts: roll.counts,
    attendance:
      access === 'none'
        ? null
        : meeting.attendeeIds.map((memberId) => ({
            memberId,
            name: people.get(memberId)?.name ?? '（已调离）',
            status: roll.statuses.get(memberId) ?? null,
            at: atOf.get(memberId) ?? null,
            leave: leaveOf.get(memberId) ?? null,
          })),
    guests: access === 'none' ? null : guests.map((file) => ({ id: file._id, name: file.name })),
    markingClosed: meeting.closedAt !== null,
    minutes: meeting.minutes
      ? {
          text: meeting.minutes.text,
          photos: meeting.minutes.photos,
          photoUrls,
          writtenAt: meeting.minutes.writtenAt,
          writtenByName: people.get(meeting.minutes.writtenBy)?.name ?? '',
        }
      : null,
    checkInOpensAt: window.opensAt,
    lateAfter: window.lateAfter,
    checkInClosesAt: window.closesAt,
    reminder: {
      templateId: reminderTemplate,
      credits: credit?.credits ?? 0,
      longTerm: reminderTemplate !== null && isLongTerm(rules, reminderTemplate),
    },
    leaveTemplateId: configuredId(rules.templates.leaveDecision),
  }
}
