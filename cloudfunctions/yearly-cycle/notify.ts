import type { Ports } from '../runtime/ports'
import { loadRules } from '../shared/meeting-rules'
import { sendToMembers } from '../shared/messaging/subscribe-send'

/** The yearly cycle's pages a reminder opens (the subscribe message's `page`). */
export const CYCLE_PAGES = {
  talks: 'subpackages/yearly-cycle/pages/talks/index',
  orgLife: 'subpackages/yearly-cycle/pages/org-life/index',
  rectify: 'subpackages/yearly-cycle/pages/rectify/index',
  appraisal: 'subpackages/yearly-cycle/pages/appraisal/index',
  report: 'subpackages/yearly-cycle/pages/report/index',
} as const

/** One reminder of the yearly cycle, as a subscribe message and as a line to the branch's group robot. */
export interface Notice {
  /** Deterministic per recipient: the claim that makes a rerun send nothing twice. */
  sendId: (memberId: string) => string
  slot: string
  page: string
  /** 名称 (≤ 20 characters), 时间, 地点 (the branch), 备注 — the tenant's reminder template. */
  title: string
  when: string
  note: string
}

/**
 * Sends a notice to members through the existing reminder channels: a
 * subscribe message under the tenant's reminder template to each who holds a
 * credit (once per send id), keyed by member so the template's 地点 names
 * their branch. Answers how many went out, and whether `deadline` (a timer's) cut the sends.
 */
export async function notifyMembers(
  ports: Pick<Ports, 'store' | 'messaging'>,
  tenantId: string,
  recipients: readonly { memberId: string; branchName: string }[],
  notice: Notice,
  now: number,
  deadline?: number,
): Promise<{ sent: number; cut: boolean }> {
  if (recipients.length === 0) return { sent: 0, cut: false }
  const rules = await loadRules(ports.store, tenantId)
  const { sent, cut } = await sendToMembers(
    ports,
    {
      tenantId,
      rules,
      // The tenant's 会议提醒 template carries the cycle's reminders too (名称, 时间, 地点, 备注).
      use: 'meetingReminder',
      members: recipients,
      memberIdOf: (recipient) => recipient.memberId,
      width: 10,
      ...(deadline !== undefined && { deadline }),
    },
    (recipient) => ({
      sendId: notice.sendId(recipient.memberId),
      meetingId: null,
      slot: notice.slot,
      page: notice.page,
      values: {
        meetingTitle: notice.title,
        meetingType: '年度工作',
        meetingTime: notice.when,
        place: recipient.branchName,
        note: notice.note,
      },
      now,
    }),
  )
  return { sent, cut }
}
