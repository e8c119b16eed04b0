import { MEETING_TYPE_LABELS } from '../../types/labels'
import type { MeetingDoc } from '../../types/meetings'
import { shanghaiMinute, shanghaiShort } from '../domain/time'
import type { Ports } from '../runtime/ports'
import { loadRules } from '../shared/meeting-rules'
import { queueRobot } from '../shared/messaging/robot-queue'
import { sendToMembers } from '../shared/messaging/subscribe-send'
import { MEETING_PAGE } from './ids'

/** The reminder template's fields: 会议名称 thing1, 会议时间 time2, 会议地点 thing3, 备注 thing4. */
export function reminderFields(meeting: Pick<MeetingDoc, 'title' | 'startsAt' | 'place'>, note: string) {
  return { thing1: meeting.title, time2: shanghaiMinute(meeting.startsAt), thing3: meeting.place, thing4: note }
}

export function robotMarkdown(
  meeting: Pick<MeetingDoc, 'title' | 'startsAt' | 'place' | 'type'>,
  headline: string,
  extra = '',
) {
  return [
    `**${headline}**`,
    `> 会议：<font color="warning">${meeting.title}</font>（${MEETING_TYPE_LABELS[meeting.type]}）`,
    `> 时间：${shanghaiShort(meeting.startsAt)}`,
    `> 地点：${meeting.place}`,
    extra,
  ]
    .filter(Boolean)
    .join('\n')
}

/**
 * Tells some attendees something about a meeting through every channel they
 * have: a subscribe message where they hold a credit, and the branch robot.
 * `key` makes each notice once per member (a retry sends nothing twice).
 */
export async function notifyMembers(
  ports: Pick<Ports, 'store' | 'clock' | 'messaging'>,
  meeting: MeetingDoc,
  memberIds: readonly string[],
  note: string,
  key: string,
  robotText?: string,
): Promise<{ subscribeSent: number; robotQueued: boolean }> {
  const { store } = ports
  const now = ports.clock.now()
  const rules = await loadRules(store, meeting.tenantId)
  const { sent: subscribeSent } = await sendToMembers(
    ports,
    {
      tenantId: meeting.tenantId,
      rules,
      templateId: rules.templates.meetingReminder,
      members: memberIds,
      memberIdOf: (memberId) => memberId,
      width: 10,
    },
    (memberId) => ({
      sendId: `${meeting._id}:${memberId}:${key}`,
      meetingId: meeting._id,
      slot: key,
      page: `${MEETING_PAGE}?id=${meeting._id}`,
      fields: reminderFields(meeting, note),
      now,
    }),
  )
  const robotQueued = await queueRobot(store, {
    id: `${meeting._id}:${key}`,
    tenantId: meeting.tenantId,
    branchId: meeting.branchId,
    markdown: robotMarkdown(meeting, note, robotText),
    now,
  })
  return { subscribeSent, robotQueued }
}

/** A change or cancellation, told to everyone expected; answers how many could be reached by message. */
export async function tellAttendees(
  ctx: Pick<Ports, 'store' | 'clock' | 'messaging'>,
  meeting: MeetingDoc,
  note: string,
  kind: 'changed' | 'cancelled',
): Promise<number> {
  const { subscribeSent } = await notifyMembers(ctx, meeting, meeting.attendeeIds, note, `${kind}-${ctx.clock.now()}`)
  return subscribeSent
}
