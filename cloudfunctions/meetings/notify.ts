import { MEETING_TYPE_LABELS } from '../../types/labels'
import type { MeetingDoc } from '../../types/meetings'
import { shanghaiMinute, shanghaiShort } from '../domain/time'
import type { HandlerContext } from '../runtime/router'
import { inParallel, isLongTerm, membersWithCredit, openidsOf, sendOnce } from '../shared/messaging/subscribe-send'
import { MEETING_PAGE } from './collections'
import { queueRobot } from './robot'
import { loadRules } from './rules'

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
  { store, clock }: Pick<HandlerContext, 'store' | 'clock'>,
  meeting: MeetingDoc,
  memberIds: readonly string[],
  note: string,
  key: string,
  robotText?: string,
): Promise<{ subscribeSent: number; robotQueued: boolean }> {
  const now = clock.now()
  const rules = await loadRules(store, meeting.tenantId)
  const templateId = rules.templates.meetingReminder
  const longTerm = isLongTerm(rules, templateId)
  const withCredit = [...(await membersWithCredit(store, memberIds, templateId, longTerm))]
  const openids = await openidsOf(store, withCredit)
  let subscribeSent = 0
  await inParallel(withCredit, 10, async (memberId) => {
    const openid = openids.get(memberId)
    if (!openid) return
    const outcome = await sendOnce(store, {
      sendId: `${meeting._id}:${memberId}:${key}`,
      tenantId: meeting.tenantId,
      meetingId: meeting._id,
      slot: key,
      memberId,
      openid,
      templateId,
      page: `${MEETING_PAGE}?id=${meeting._id}`,
      fields: reminderFields(meeting, note),
      now,
      longTerm,
    })
    if (outcome === 'sent') subscribeSent++
  })
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
  ctx: Pick<HandlerContext, 'store' | 'clock'>,
  meeting: MeetingDoc,
  note: string,
  kind: 'changed' | 'cancelled',
): Promise<number> {
  const { subscribeSent } = await notifyMembers(ctx, meeting, meeting.attendeeIds, note, `${kind}-${ctx.clock.now()}`)
  return subscribeSent
}
