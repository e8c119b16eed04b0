// The demo bureau's lived year beyond meetings (issue #14 §5), read back through the actions the app
// calls: a year of study with believable participation and 集中学习日 bursts, the points those facts and
// the meetings paid under the catalogue's caps (reconcile finds no drift), leave requests, claims and a
// roster import finished months ago. Runs at the test instant (and at the date matrix's awkward ones).
import { addMonthsLocal, periodBounds, periodKeyOf } from '../../cloudfunctions/domain/time'
import { demoBureau } from '../../scripts/seed/demo-bureau'
import { demoLeave } from '../../scripts/seed/demo-leave'
import { AWAY_THIS_MONTH } from '../../scripts/seed/demo-meetings'
import { demoPoints } from '../../scripts/seed/demo-points'
import { DEMO_IMPORT_MONTHS_AGO } from '../../scripts/seed/demo-roster-import'
import { demoStudy } from '../../scripts/seed/demo-study'
import { STUDY_MONTHS } from '../../scripts/seed/demo-study-year'
import type { LedgerEntry } from '../../types/points'
import type { CheckinDoc } from '../../types/study'
import { allDocs, as, type DemoEmulator, startDemoEmulator } from './helpers/demo'

const HOUR = 3_600_000
const DAY = 24 * HOUR
let t: DemoEmulator
let now: number
let lastMonth: string
beforeAll(async () => {
  t = await startDemoEmulator()
  now = t.emu.clock.now()
  lastMonth = periodKeyOf(addMonthsLocal(periodBounds(periodKeyOf(now, 'month')).start, -1), 'month')
}, 60_000)
afterAll(() => t.stop())

const all = <T>(collection: string, where: Record<string, unknown>) => allDocs<T>(t, collection, where)

test('last month’s 集中学习日: most members studied, not everyone, most of them that afternoon', async () => {
  const taskId = `st_demo_${lastMonth}_day`
  const byBranch = await t.callOk(as.bureau, 'bureau', 'studyByBranch', { taskId })
  expect(byBranch.branches).toHaveLength(6)
  const targeted = byBranch.branches.reduce((n, row) => n + row.targeted, 0)
  const checkedIn = byBranch.branches.reduce((n, row) => n + row.checkedIn, 0)
  expect(checkedIn / targeted).toBeGreaterThan(0.6)
  expect(checkedIn).toBeLessThan(targeted)
  const checkins = await all<CheckinDoc>('study_checkins', { taskId })
  expect(checkins).toHaveLength(checkedIn)
  const onTheDay = checkins.filter((row) => row.day === `${lastMonth}-20`).length
  expect(onTheDay / checkins.length).toBeGreaterThan(0.75)
})

test('over the year most members study nearly every task and a few rarely', async () => {
  const tasks = await t.callOk(as.bureau, 'bureau', 'studyTasks', { page: 1, pageSize: 50 })
  expect(tasks.total).toBe(2 + 2 * STUDY_MONTHS)
  const year = tasks.items.filter((task) => task.taskId.startsWith('st_demo_2'))
  expect(year).toHaveLength(2 * STUDY_MONTHS)
  const members = (await all<{ _id: string; branchId: string | null }>('members', { tenantId: 't_demo' })).filter(
    (member) => member.branchId,
  )
  const checkins = await all<CheckinDoc>('study_checkins', { taskId: t.db.command.in(year.map((task) => task.taskId)) })
  const share = (memberId: string) => checkins.filter((row) => row.memberId === memberId).length / year.length
  const shares = members.map((member) => share(member._id))
  const branchMembers = shares.length
  expect(shares.filter((s) => s >= 0.75).length / branchMembers).toBeGreaterThan(0.55)
  expect(shares.filter((s) => s <= 0.4).length).toBeGreaterThanOrEqual(2)
})

test('the ledger is what the facts paid under the caps, and the totals agree with it', async () => {
  const entries = await all<LedgerEntry>('points_ledger', { tenantId: 't_demo', memberId: 'm_shiyan_06' })
  // 按时参加组织生活: 3 a meeting, at most 36 a year; beyond it the entry says it was capped.
  const byYear = new Map<string, number>()
  for (const entry of entries.filter((row) => row.ruleKey === 'meeting_present'))
    byYear.set(entry.year, (byYear.get(entry.year) ?? 0) + entry.points)
  for (const points of byYear.values()) expect(points).toBeLessThanOrEqual(36)
  expect(entries.some((row) => row.ruleKey === 'meeting_present' && row.capped && row.points === 0)).toBe(true)
  expect(entries.filter((row) => row.ruleKey === 'study_checkin').length).toBeGreaterThan(0)
  // Every paid fact is a processed event: the settle timer finds nothing to pay.
  expect(await t.count('domain_events', { tenantId: 't_demo', processedAt: t.db.command.exists(false) })).toBe(0)
  const report = await t.callOk(as.bureau, 'points', 'reconcile')
  expect(report).toMatchObject({ done: true, drift: [] })
  // The member sees a year of entries and a rank among the branch.
  const mine = await t.callOk(as.member, 'points', 'myPoints', { period: 'all' })
  expect(mine.points).toBe(entries.reduce((sum, entry) => sum + entry.points, 0))
  expect(mine.total).toBe(entries.length)
  expect(mine.rank).not.toBeNull()
})

test('the branches’ yearly ranking spreads: different averages, every branch with points', async () => {
  const board = await t.callOk(as.bureau, 'points', 'leaderboard', { of: 'branches', period: 'all', sort: 'average' })
  expect(board.branches).toHaveLength(6)
  expect(board.branches.every((row) => row.total > 0)).toBe(true)
  expect(new Set(board.branches.map((row) => row.average)).size).toBeGreaterThan(1)
})

test('leave: approved with the absences, one declined per branch, one waiting for next week’s 党课', async () => {
  const next = await t.callOk(as.secretary, 'meetings', 'listLeaves', { meetingId: 'mt_demo_shiyan_lecture_next' })
  expect(next.items).toEqual([expect.objectContaining({ memberId: AWAY_THIS_MONTH, status: 'pending' })])
  const declined = await t.callOk(as.secretary, 'meetings', 'listLeaves', { meetingId: 'mt_demo_shiyan_theme_day_3' })
  expect(declined.items).toContainEqual(
    expect.objectContaining({ status: 'rejected', decisionNote: expect.stringContaining('主题党日') }),
  )
  // Every excused absence of a held meeting has its approved request.
  const excused = await t.count('meeting_attendance', { tenantId: 't_demo', status: 'leave' })
  expect(await t.count('meeting_leaves', { tenantId: 't_demo', status: 'approved' })).toBe(excused)
})

test('claims: decided over the year, one refused with its reason, one waiting for the secretary', async () => {
  const pending = await t.callOk(as.secretary, 'points', 'listClaims', { branchId: 'org_b_shiyan', status: 'pending' })
  expect(pending.items.map((claim) => claim.memberName)).toHaveLength(1)
  const refused = await t.callOk(as.secretary, 'points', 'listClaims', { branchId: 'org_b_shiyan', status: 'rejected' })
  expect(refused.items).toEqual([expect.objectContaining({ decisionReason: expect.stringContaining('本职工作') })])
  const approved = await t.count('points_claims', { tenantId: 't_demo', status: 'approved' })
  expect(
    await t.count('points_ledger', { tenantId: 't_demo', ruleKey: 'volunteer', grantedBy: t.db.command.neq('seed') }),
  ).toBe(approved)
})

test('the secretary’s last roster import finished months ago and is shown as such', async () => {
  const { latest } = await t.callOk(as.secretary, 'roster', 'latestImport', { branchId: 'org_b_shiyan' })
  expect(latest).toMatchObject({ status: 'done', created: 10, skipped: 0, error: null })
  const importedIn = addMonthsLocal(periodBounds(periodKeyOf(now, 'month')).start, -DEMO_IMPORT_MONTHS_AGO)
  expect(periodKeyOf(latest?.updatedAt ?? now, 'month')).toBe(periodKeyOf(importedIn, 'month'))
})

test('the same instant seeds the same year; history:false seeds this month’s study and points only', () => {
  const bureau = demoBureau(now)
  const year = { history: true }
  expect(demoStudy(bureau, now, year)).toEqual(demoStudy(demoBureau(now), now, year))
  expect(demoPoints(bureau, now, year)).toEqual(demoPoints(demoBureau(now), now, year))
  expect(demoLeave(bureau, now, year)).toEqual(demoLeave(demoBureau(now), now, year))
  const monthStart = periodBounds(periodKeyOf(now, 'month')).start
  const [[, tasks]] = demoStudy(bureau, now, { history: false })
  expect(tasks.map((task) => task._id)).toEqual(['st_demo_open', 'st_demo_past'])
  const ledger = demoPoints(bureau, now, { history: false }).find(([name]) => name === 'points_ledger')?.[1] ?? []
  // This month's facts, and this week's volunteer service (two days ago, which may be last month's).
  expect((ledger as LedgerEntry[]).every((entry) => entry.at >= Math.min(monthStart, now - 2 * DAY))).toBe(true)
})
