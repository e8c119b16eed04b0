// The bureau function's aggregates against the demo seed, each compared with what the seed
// makes true by hand: six branches; every branch held and recorded its monthly meetings in the
// last two months except the first 党小组 of 城关小学党支部 last month; 6 of 实验小学's members
// studied the past task.

import { previousMonth } from '../../cloudfunctions/domain/bureau/rates'
import { periodKeyOf } from '../../cloudfunctions/domain/time'
import { demoBureau } from '../../scripts/seed/demo-bureau'
import { STUDY_MONTHS } from '../../scripts/seed/demo-study-year'
import type { AnyActionName } from '../../types/api'
import { columnByHeader, downloadedRows } from '../support/sheet-rows'
import { as, type DemoEmulator, type InputArgs, startDemoEmulator } from './helpers/demo'

let t: DemoEmulator
let month: string
let lastMonth: string
beforeAll(async () => {
  t = await startDemoEmulator()
  month = periodKeyOf(t.emu.clock.now(), 'month')
  lastMonth = previousMonth(month)
}, 60_000)
afterAll(() => t.stop())

const ok = <A extends AnyActionName<'bureau'>>(openid: string, action: A, ...data: InputArgs<'bureau', A>) =>
  t.callOk(openid, 'bureau', action, ...data)

async function download(url: string): Promise<Buffer> {
  const res = await fetch(url)
  expect(res.ok).toBe(true)
  return Buffer.from(await res.arrayBuffer())
}

const CHENGGUAN = 'org_b_chengguan'

test('overview: counts, this month, last month’s gap, study and points activity', async () => {
  const seed = demoBureau(t.emu.clock.now())
  const members = seed.members.filter((member) => member.branchId && member.status === 'active').length
  const overview = await ok(as.bureau, 'overview')
  expect(overview.month).toBe(month)
  expect(overview.branches).toBe(6)
  expect(overview.members).toBe(members)
  // This month is running: each branch has its monthly meetings held or scheduled, none unscheduled.
  const thisMonth = overview.compliance.thisMonth
  expect(thisMonth.held + thisMonth.open).toBe(6)
  expect(overview.compliance.unscheduled).toBe(0)
  // Last month: 5 of 6 branches held and recorded everything; 城关小学's first 党小组 did not meet.
  expect(overview.compliance.lastMonth).toMatchObject({ held: 5, missing: 1, open: 0, awaiting: 0 })
  expect(overview.trend).toHaveLength(12)
  expect(overview.trend[11]).toMatchObject({ period: month, running: true, compliance: null })
  expect(overview.trend[10].compliance).toBeCloseTo(5 / 6, 3)
  expect(overview.points.activeMembers).toBe(overview.trend[11].pointsActive)
})

test('matrix: 城关小学’s first 党小组 missing its 党小组会 last month, the others held; totals per month', async () => {
  const matrix = await ok(as.bureau, 'complianceMatrix', { year: Number(lastMonth.slice(0, 4)) })
  expect(matrix.total).toBe(6)
  const cell = (branchId: string) =>
    matrix.rows.find((row) => row.branchId === branchId)?.cells.find((c) => c.period === lastMonth)
  expect(cell(CHENGGUAN)?.state).toBe('missing')
  expect(cell(CHENGGUAN)?.items).toEqual(
    expect.arrayContaining([
      { type: 'group_meeting', groupName: '第一党小组', period: lastMonth, status: 'missing' },
      { type: 'group_meeting', groupName: '第二党小组', period: lastMonth, status: 'held' },
      { type: 'committee_meeting', groupName: null, period: lastMonth, status: 'held' },
    ]),
  )
  expect(cell('org_b_shiyan')?.state).toBe('held')
  // 山区学校联合支部 has 6 full members: no committee, no 支委会 owed.
  const shanqu = matrix.rows.find((row) => row.branchId === 'org_b_shanqu')
  expect(shanqu?.hasCommittee).toBe(false)
  expect(shanqu?.cells.flatMap((c) => c.items).some((item) => item.type === 'committee_meeting')).toBe(false)
  const totals = matrix.totals.perPeriod.find((row) => row.period === lastMonth)
  expect(totals).toEqual({
    period: lastMonth,
    held: 5,
    late: 0,
    awaiting: 0,
    no_quorum: 0,
    missing: 1,
    not_required: 0,
    open: 0,
    future: 0,
    none: 0,
  })

  const behind = await ok(as.bureau, 'complianceMatrix', {
    year: Number(lastMonth.slice(0, 4)),
    behindOnly: true,
    schoolKind: 'primary',
  })
  expect(behind.rows.map((row) => row.branchId)).toContain(CHENGGUAN)
  expect(behind.rows.every((row) => row.schoolKind === 'primary')).toBe(true)

  const paged = await ok(as.bureau, 'complianceMatrix', { pageSize: 4, page: 2 })
  expect(paged.rows).toHaveLength(2)
  expect(paged.total).toBe(6)

  const quarters = await ok(as.bureau, 'complianceMatrix', { granularity: 'quarter' })
  expect(quarters.periods).toHaveLength(4)
})

test('cell detail: the record book entries of the period, each 已开展 with its minutes, one 党小组会 only', async () => {
  const detail = await ok(as.bureau, 'cellDetail', { branchId: CHENGGUAN, period: lastMonth })
  expect(detail.state).toBe('missing')
  const types = detail.meetings.map((meeting) => meeting.type)
  expect(types.filter((type) => type === 'group_meeting')).toHaveLength(1)
  expect(types).toEqual(expect.arrayContaining(['committee_meeting', 'study', 'theme_day']))
  expect(detail.meetings.every((meeting) => meeting.minutes !== null && meeting.record === 'held')).toBe(true)
})

test('remind the secretary: recorded once a day, refused when nothing is owed', async () => {
  const first = await ok(as.bureau, 'remindSecretary', { branchId: CHENGGUAN, period: lastMonth })
  expect(first.reminded).toBe(true)
  expect(first.owed).toEqual(['group_meeting'])
  expect(first.secretaryName).not.toBeNull()
  const again = await ok(as.bureau, 'remindSecretary', {
    branchId: CHENGGUAN,
    period: lastMonth,
  })
  expect(again.reminded).toBe(false)
  const none = await t.call(as.bureau, 'bureau', 'remindSecretary', { branchId: 'org_b_shiyan', period: lastMonth })
  expect(none.ok ? null : none.error.code).toBe('BUREAU.NOTHING_OWED')
  const matrix = await ok(as.bureau, 'complianceMatrix', { year: Number(lastMonth.slice(0, 4)) })
  expect(matrix.rows.find((row) => row.branchId === CHENGGUAN)?.remindedAt).not.toBeNull()
})

test('leaderboard: the same fair branch ranking the points function gives, for the period', async () => {
  // 累计 (all time): the seed's entries count whatever day the suite runs on (in the first minute
  // of a year this year has none yet).
  const ours = await ok(as.bureau, 'leaderboard', { period: 'all', sort: 'average' })
  const points = await t.call(as.bureau, 'points', 'leaderboard', {
    of: 'branches',
    period: 'all',
    sort: 'average',
  })
  if (!points.ok) throw new Error(JSON.stringify(points.error))
  expect(ours.branches).toEqual(points.data.branches)
  expect(ours.members.length).toBeGreaterThan(0)
  for (let i = 1; i < ours.members.length; i++) {
    expect(ours.members[i].points).toBeLessThanOrEqual(ours.members[i - 1].points)
  }
})

test('study: per task by branch — 6 of 实验小学’s members studied the past task', async () => {
  const tasks = await ok(as.bureau, 'studyTasks', {})
  // Newest first: this month's two, then the year's (two a month for the eleven before, STUDY_MONTHS).
  expect(tasks.items.slice(0, 2).map((task) => task.taskId)).toEqual(['st_demo_open', 'st_demo_past'])
  expect(tasks.total).toBe(2 + 2 * STUDY_MONTHS)
  const past = await ok(as.bureau, 'studyByBranch', {
    taskId: 'st_demo_past',
  })
  expect(past.branches).toHaveLength(1)
  const [shiyan] = past.branches
  const seed = demoBureau(t.emu.clock.now())
  const targeted = seed.members.filter((m) => m.branchId === 'org_b_shiyan' && m.status === 'active').length
  expect(shiyan).toEqual({
    branchId: 'org_b_shiyan',
    branchName: '实验小学党支部',
    targeted,
    checkedIn: 6,
    rate: Math.round((6 / targeted) * 1000) / 1000,
  })
})

test('exports: the matrix .xlsx holds the page’s states; PDFs carry the Chinese font subset', async () => {
  const year = Number(lastMonth.slice(0, 4))
  const file = await ok(as.bureau, 'exportSheet', { view: 'matrix', year })
  expect(file.fileName).toMatch(/^三会一课落实情况-\d{4}-.*\.xlsx$/)
  const rows = columnByHeader(await downloadedRows(file.url, '汇总'), lastMonth)
  expect(rows.get('城关小学党支部')).toBe('未开展')
  expect(rows.get('实验小学党支部')).toBe('已开展')

  const board = await ok(as.bureau, 'exportSheet', { view: 'leaderboard' })
  await download(board.url)

  const started = performance.now()
  const book = await ok(as.bureau, 'recordBookPdf', {
    branchId: CHENGGUAN,
    period: lastMonth,
  })
  console.log(`record book PDF in ${Math.round(performance.now() - started)} ms`)
  const pdf = await download(book.url)
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
  expect(pdf.toString('latin1')).toMatch(/FontFile2|FontFile3/)
  // Subset: far smaller than the 1.5 MB font.
  expect(pdf.length).toBeLessThan(300_000)

  const report = await ok(as.bureau, 'monthlyReport', {})
  expect(report.fileName).toMatch(/^党建工作月报-/)
  expect((await download(report.url)).subarray(0, 5).toString()).toBe('%PDF-')
}, 60_000)
