import { MEETING_TYPE_LABELS } from '../../types/labels'
import type { MeetingDoc } from '../../types/meetings'
import type { TemplateValues } from '../../types/subscribe-templates'
import { shanghaiShort } from '../domain/time'
import type { Ports } from '../runtime/ports'
import { loadRules } from '../shared/meeting-rules'
import { queueRobot } from '../shared/messaging/robot-queue'
import { sendToMembers } from '../shared/messaging/subscribe-send'
import { MEETING_PAGE } from './ids'

/** What a meeting reminder (会议提醒) offers its template; the tenant's table picks the keywords. */
export function reminderValues(
  meeting: Pick<MeetingDoc, 'title' | 'type' | 'startsAt' | 'place'>,
  note: string,
): TemplateValues<'meetingReminder'> {
  return {
    meetingTitle: meeting.title,
    meetingType: MEETING_TYPE_LABELS[meeting.type],
    meetingTime: meeting.startsAt,
    place: meeting.place,
    note,
  }
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
      use: 'meetingReminder',
      members: memberIds,
      memberIdOf: (memberId) => memberId,
      width: 10,
    },
    (memberId) => ({
      sendId: `${meeting._id}:${memberId}:${key}`,
      meetingId: meeting._id,
      slot: key,
      page: `${MEETING_PAGE}?id=${meeting._id}`,
      values: reminderValues(meeting, note),
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

/** 请假审批结果: the member who asked hears the decision, where they accepted the template when asking. */
export async function tellLeaveDecision(
  ports: Pick<Ports, 'store' | 'clock' | 'messaging'>,
  meeting: MeetingDoc,
  decision: { memberId: string; approved: boolean; note: string; approverName: string },
): Promise<number> {
  const now = ports.clock.now()
  const rules = await loadRules(ports.store, meeting.tenantId)
  const { sent } = await sendToMembers(
    ports,
    {
      tenantId: meeting.tenantId,
      rules,
      use: 'leaveDecision',
      members: [decision.memberId],
      memberIdOf: (memberId) => memberId,
      width: 1,
    },
    (memberId) => ({
      sendId: `leave:${meeting._id}:${memberId}:${now}`,
      meetingId: meeting._id,
      slot: 'leave-decision',
      page: `${MEETING_PAGE}?id=${meeting._id}`,
      values: {
        meetingTitle: meeting.title,
        meetingTime: meeting.startsAt,
        result: decision.approved ? '已批准' : '未批准',
        note: decision.note || (decision.approved ? '请假已批准，请会后补学会议内容' : '请按时参会'),
        approver: decision.approverName,
      },
      now,
    }),
  )
  return sent
}
