import { branchesWithoutThemeDay, themeDayMonthDue } from '../domain/meetings/theme-day'
import { periodBounds, shanghaiDate } from '../domain/time'
import { COLLECTIONS } from '../runtime/collections'
import type { Ports } from '../runtime/ports'
import { within } from '../runtime/range'
import { loadRules } from '../shared/meeting-rules'
import { queueRobot } from '../shared/messaging/robot-queue'
import { sendToMembers } from '../shared/messaging/subscribe-send'
import { eachTenant } from '../shared/timer-items'

const SCHEDULE_PAGE = 'subpackages/meetings/pages/schedule/index'
const NOTICE = '本月主题党日尚未安排'

/**
 * The daily timer's 主题党日 check: from the tenant's reminder day (default
 * the 20th), each branch with no theme party day scheduled this month is told
 * "本月主题党日尚未安排" — its secretary by subscribe message (with a credit
 * for the reminder template) and its WeCom robot — once per branch and month
 * (`themeday:<branch>:<month>` keys on the send and the queued message).
 * A branch that has one scheduled needs nothing extra: the 24 h and 1 h
 * reminders cover the day itself.
 */
export async function themeDayReminders(ports: Ports, deadline: number) {
  const { store, clock } = ports
  const now = clock.now()
  const today = shanghaiDate(now)
  const branches = await store.findAll(
    COLLECTIONS.orgs,
    { kind: 'branch', status: 'active' },
    { fields: { tenantId: true, name: true } },
  )
  let branchesTold = 0
  let themeDaySent = 0
  // Tenant by tenant until the deadline, each failing alone (logged; the morning's later runs resume it).
  const run = await eachTenant('daily theme day', branches, deadline, async (tenantId, tenantBranches) => {
    const rules = await loadRules(store, tenantId)
    const month = themeDayMonthDue(today, rules)
    if (!month) return true
    const { start, end } = periodBounds(month)
    const meetings = await store.findAll(
      COLLECTIONS.meetings,
      { tenantId, type: 'theme_day', startsAt: within(store, start, end) },
      { fields: { branchId: true, type: true, status: true, makeUpFor: true } },
    )
    const missing = new Set(
      branchesWithoutThemeDay(
        tenantBranches.map((branch) => branch._id),
        meetings,
        month,
      ),
    )
    const lacking = tenantBranches.filter((branch) => missing.has(branch._id))
    if (lacking.length === 0) return true
    const secretaries = await store.findAll(
      COLLECTIONS.members,
      { tenantId, status: 'active', committeePosition: 'secretary' },
      { fields: { branchId: true, name: true } },
    )
    const told = secretaries.filter((member) => member.branchId && missing.has(member.branchId))
    const names = new Map(lacking.map((branch) => [branch._id, branch.name]))
    const { sent, cut } = await sendToMembers(
      ports,
      {
        tenantId,
        rules,
        use: 'themeDay',
        members: told,
        memberIdOf: (secretary) => secretary._id,
        width: 10,
        deadline,
      },
      (secretary) =>
        secretary.branchId
          ? {
              sendId: `themeday:${secretary.branchId}:${month}:${secretary._id}`,
              meetingId: null,
              slot: `themeday-${month}`,
              page: SCHEDULE_PAGE,
              values: {
                branchName: names.get(secretary.branchId) ?? '',
                month,
                note: `${NOTICE}，请尽快安排`,
              },
              now,
            }
          : null,
    )
    themeDaySent += sent
    for (const branch of lacking) {
      await queueRobot(store, {
        id: `themeday:${branch._id}:${month}`,
        tenantId,
        branchId: branch._id,
        markdown: [
          `**${NOTICE}**`,
          `> 支部：${branch.name}`,
          `> 月份：${month.replace('-', '年')}月`,
          '请支部书记尽快安排本月主题党日活动',
        ].join('\n'),
        now,
      })
    }
    branchesTold += lacking.length
    return !cut
  })
  return { themeDayBranches: branchesTold, themeDaySent, run }
}
