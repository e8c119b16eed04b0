import type { DuesSchedule } from '../../types/lifecycle'
import type { MeetingRules } from '../../types/meetings'
import type { MemberDoc, OrgDoc } from '../../types/roster'
import { isConfigured } from '../../types/subscribe-templates'
import { ARREARS_THRESHOLDS, arrearsSince } from '../domain/lifecycle/dues-arrears'
import { addMonthsToMonth } from '../domain/time'
import { COLLECTIONS } from '../runtime/collections'
import type { Ports } from '../runtime/ports'
import type { Store } from '../runtime/store'
import { loadRules } from '../shared/meeting-rules'
import { membersByIds } from '../shared/members'
import { sendToMembers } from '../shared/messaging/subscribe-send'
import { currentMonth, loadSchedule, put, rewriteBranch } from './dues-ledger'

/**
 * No batch starts after this and the next trigger of the morning goes on from the cursor; the timeout is
 * 20 s and a batch of 16 branches takes up to ≈ 4 s on a loaded emulator (test/bench/dues-monthly.bench.ts).
 */
const RUN_BUDGET_MS = 12_000
/** Branches recomputed side by side (CloudBase answers in parallel); the cursor moves a batch at a time. */
const BATCH = 16

/** The page a secretary's reminder opens: the branch's 党费收缴, with its arrears list. */
export const DUES_BRANCH_PAGE = 'subpackages/lifecycle/pages/dues-branch/index'
/** The page the bureau's reminder opens: 党费收缴率, with the county's 6-month list. */
export const DUES_BUREAU_PAGE = 'subpackages/lifecycle/pages/dues-bureau/index'

/**
 * The claims of the month's reminders: one per branch (to whoever is its
 * secretary) and one per bureau account, per month. One message lists every
 * member of the branch in arrears — a claim per member would spend one of the
 * secretary's one-time credits on each, and a second run still sends nothing.
 */
export const duesSendIdOfBranch = (running: string, branchId: string) => `dues:${running}:${branchId}`
export const duesSendIdOfBureau = (running: string, memberId: string) => `dues:${running}:bureau:${memberId}`

/**
 * The 'duesMonthly' timer, the 1st of each month from 02:00 (config.json: twelve
 * triggers 10 minutes apart; a county of a hundred branches is done by the
 * first, 10,000 members take five or six — test/bench/dues-monthly.bench.ts): for every
 * branch of every tenant, recompute each member's dues_status (the month that
 * just closed may start or lengthen a run of unpaid months; a member who left
 * is flagged to nobody) and the branch's dues_branch_months of that month's
 * year, from the live ledgers; then send the branch secretary one subscribe
 * message listing members at 3 months or more, and, once a tenant is through,
 * each bureau account one with the count at 6 or more (党章: never a status
 * change). Progress is kept in dues_runs by branch, so a county too big for one
 * run's 12 s is finished by the next trigger, and a run after it is done
 * does nothing.
 */
export async function duesMonthly(ports: Ports) {
  const { store, clock } = ports
  const started = Date.now()
  const deadline = started + RUN_BUDGET_MS
  const running = currentMonth(ports)
  const progress = await store.get(COLLECTIONS.duesRuns, running)
  if (progress?.done) return { month: running, done: true, branches: 0, written: 0, sent: 0, ms: 0 }
  const cursor = progress?.cursor ?? null
  const tenants = (await store.findAll(COLLECTIONS.tenants, {}, { fields: { _id: true } }))
    .map((tenant) => tenant._id)
    .sort()
    .filter((tenantId) => !cursor || tenantId >= cursor.tenantId)
  let branches = 0
  let written = 0
  let sent = 0
  let last = cursor
  let cut = false
  for (const tenantId of tenants) {
    const all = (await store.findAll(COLLECTIONS.orgs, { tenantId, kind: 'branch' })).sort((a, b) =>
      a._id.localeCompare(b._id),
    )
    const todo = all.filter((branch) => !cursor || tenantId > cursor.tenantId || branch._id > cursor.branchId)
    const [rules, schedule] = await Promise.all([loadRules(store, tenantId), loadSchedule(store, tenantId)])
    for (let i = 0; i < todo.length && !cut; i += BATCH) {
      if (Date.now() > deadline) {
        cut = true
        break
      }
      const batch = todo.slice(i, i + BATCH)
      const results = await Promise.all(
        batch.map((branch) => recomputeBranch(ports, branch, { rules, schedule }, running)),
      )
      for (const result of results) {
        written += result.written
        sent += result.sent
      }
      branches += batch.length
      last = { tenantId, branchId: batch[batch.length - 1]._id }
      await saveProgress(store, running, last, false, clock.now())
    }
    if (cut) break
    sent += await remindBureau(ports, tenantId, rules, running)
  }
  if (!cut) await saveProgress(store, running, last, true, clock.now())
  return { month: running, done: !cut, branches, written, sent, ms: Date.now() - started }
}

async function saveProgress(
  store: Store,
  running: string,
  cursor: { tenantId: string; branchId: string } | null,
  done: boolean,
  now: number,
) {
  await put(store, COLLECTIONS.duesRuns, { _id: running, cursor, done, updatedAt: now })
}

/**
 * One branch: everyone who owed it dues in the closed month's year, their
 * statuses and the branch's months rewritten where they changed, and the
 * secretary's reminder of the members now 3 months or more behind.
 */
async function recomputeBranch(
  ports: Ports,
  branch: OrgDoc,
  { rules, schedule }: { rules: MeetingRules; schedule: DuesSchedule },
  running: string,
) {
  const year = Number(addMonthsToMonth(running, -1).slice(0, 4))
  const { written, current } = await rewriteBranch(ports, branch, schedule, [year])
  const behind = current.flatMap(({ member, status }) => {
    const arrears = arrearsSince(status.unpaidFrom, running)
    return arrears.months >= ARREARS_THRESHOLDS.secretary ? [{ member, months: arrears.months }] : []
  })
  const sent = behind.length ? await remindSecretary(ports, branch, rules, running, behind) : 0
  return { written, sent }
}

/** 周晓梅、李强等3人连续3个月以上未交党费: the longest runs first, as many names as the message shows. */
function arrearsText(behind: readonly { member: MemberDoc; months: number }[], threshold: number) {
  const names = [...behind]
    .sort((a, b) => b.months - a.months || a.member.name.localeCompare(b.member.name, 'zh-CN'))
    .slice(0, 2)
    .map((each) => each.member.name)
  const who = behind.length > names.length ? `${names.join('、')}等${behind.length}人` : names.join('、')
  return `${who}连续${threshold}个月以上未交党费`
}

/** The branch's secretary, once this month, if the tenant configured the 欠缴党费提醒 template. */
async function remindSecretary(
  ports: Ports,
  branch: OrgDoc,
  rules: MeetingRules,
  running: string,
  behind: readonly { member: MemberDoc; months: number }[],
): Promise<number> {
  if (!isConfigured(rules.templates.duesArrears)) return 0
  const secretaries = await ports.store.find(
    COLLECTIONS.members,
    { tenantId: branch.tenantId, branchId: branch._id, status: 'active', committeePosition: 'secretary' },
    { fields: { _id: true }, limit: 1 },
  )
  if (secretaries.length === 0) return 0
  const result = await sendToMembers(
    ports,
    {
      tenantId: branch.tenantId,
      rules,
      use: 'duesArrears',
      members: [secretaries[0]._id],
      memberIdOf: (id) => id,
      width: 1,
    },
    () => ({
      sendId: duesSendIdOfBranch(running, branch._id),
      meetingId: null,
      slot: `dues-${running}`,
      page: `${DUES_BRANCH_PAGE}?branchId=${encodeURIComponent(branch._id)}`,
      values: {
        item: arrearsText(behind, ARREARS_THRESHOLDS.secretary),
        count: behind.length,
        month: addMonthsToMonth(running, -1),
        branchName: branch.name,
      },
      now: ports.clock.now(),
    }),
  )
  return result.sent
}

/** Each bureau account of the tenant, once this month, with the members 6 months or more behind. */
async function remindBureau(ports: Ports, tenantId: string, rules: MeetingRules, running: string): Promise<number> {
  const { store } = ports
  if (!isConfigured(rules.templates.duesArrears)) return 0
  const latestStart = addMonthsToMonth(running, -ARREARS_THRESHOLDS.bureau)
  const statuses = await store.findAll(COLLECTIONS.duesStatus, { tenantId, unpaidFrom: store.command.lte(latestStart) })
  if (statuses.length === 0) return 0
  const members = await membersByIds(
    store,
    statuses.map((status) => status._id),
  )
  const behind = statuses.flatMap((status) => {
    const member = members.get(status._id)
    return member && member.status === 'active'
      ? [{ member, months: arrearsSince(status.unpaidFrom, running).months }]
      : []
  })
  if (behind.length === 0) return 0
  const staff = await store.findAll(
    COLLECTIONS.members,
    { tenantId, status: 'active', 'grants.role': 'bureau_staff' },
    { fields: { _id: true } },
  )
  const tenant = await store.get(COLLECTIONS.tenants, tenantId)
  const result = await sendToMembers(
    ports,
    { tenantId, rules, use: 'duesArrears', members: staff.map((each) => each._id), memberIdOf: (id) => id, width: 4 },
    (memberId) => ({
      sendId: duesSendIdOfBureau(running, memberId),
      meetingId: null,
      slot: `dues-${running}`,
      page: DUES_BUREAU_PAGE,
      values: {
        item: arrearsText(behind, ARREARS_THRESHOLDS.bureau),
        count: behind.length,
        month: addMonthsToMonth(running, -1),
        branchName: tenant?.name ?? '',
      },
      now: ports.clock.now(),
    }),
  )
  return result.sent
}
