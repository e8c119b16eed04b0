// One source for the bureau's figures: for the same data, the overview, the matrix (month cells and
// totals), its .xlsx export, the trend, the monthly report, each cell's 调阅 and the meetings
// function's compliance answer the same states. The demo seed at 3 July 2026, changed so the
// finished month (June) holds every state a month can end in: 已开展, 未开展 (城关小学's first 党小组),
// 未达法定人数 (职业中学's 党员大会 with most members marked absent) and 待补记录 (山区学校's 集中学习
// without minutes, inside a 30-day record window) — and July is running.

import { completionShare, countStates } from '../../cloudfunctions/domain/meeting-compliance/cells'
import { CELL_STATES, type CellState } from '../../types/compliance'
import { CELL_STATE_LABELS } from '../../types/labels'
import { columnByHeader, downloadedRows } from '../support/sheet-rows'
import { as, type DemoEmulator, startDemoEmulator } from './helpers/demo'

let t: DemoEmulator
const at = (iso: string) => new Date(`${iso}+08:00`).getTime()
const NOW = at('2026-07-03T10:00:00')
const JUNE = '2026-06'
const JULY = '2026-07'

beforeAll(async () => {
  t = await startDemoEmulator({ at: NOW })
  // 山区学校's June 集中学习 lost its minutes; the bureau allows 30 days for records.
  await t.db
    .collection('meetings')
    .doc('mt_demo_shanqu_study_1')
    .update({ data: { minutes: null } })
  const rules = await t.callOk(as.bureau, 'meetings', 'getRules')
  await t.callOk(as.bureau, 'meetings', 'updateRules', { ...rules, recordWithinDays: 30, backfillWithinDays: 30 })
  // 职业中学's Q2 党员大会 (held in May with a 党课): most members corrected to absent, below quorum.
  const general = await t.callOk('o_demo_m_zhizhong_01', 'meetings', 'get', { meetingId: 'mt_demo_zhizhong_general_2' })
  await t.callOk('o_demo_m_zhizhong_01', 'meetings', 'markAttendance', {
    meetingId: general.id,
    marks: (general.attendance ?? []).slice(2).map((row) => ({ memberId: row.memberId, status: 'absent' as const })),
  })
  // Data written before the evidence rules (and the minutes removed above) come under them.
  for (let cursor = 0, done = false; !done; ) {
    const rebuilt = await t.callOk(as.bureau, 'meetings', 'rebuildDigests', { year: 2026, cursor })
    ;({ cursor, done } = rebuilt)
  }
}, 90_000)
afterAll(() => t.stop())

async function matrixStates(period: string): Promise<Map<string, CellState>> {
  const matrix = await t.callOk(as.bureau, 'bureau', 'complianceMatrix', { year: 2026, pageSize: 100 })
  const index = matrix.periods.indexOf(period)
  return new Map(matrix.rows.map((row) => [row.branchName, row.cells[index].state]))
}

test('the finished month holds every state, and every screen, export and report says the same', async () => {
  const matrix = await t.callOk(as.bureau, 'bureau', 'complianceMatrix', { year: 2026, pageSize: 100 })
  const june = await matrixStates(JUNE)
  expect(Object.fromEntries(june)).toEqual({
    第一中学高中部党支部: 'held',
    第一中学初中部党支部: 'held',
    实验小学党支部: 'held',
    城关小学党支部: 'missing',
    职业中学党支部: 'no_quorum',
    山区学校联合支部: 'awaiting',
  })
  const counts = countStates(june.values())
  expect(matrix.totals.perPeriod.find((row) => row.period === JUNE)).toEqual({ period: JUNE, ...counts })

  // The overview's last month and its trend point.
  const overview = await t.callOk(as.bureau, 'bureau', 'overview')
  expect(overview.compliance.lastMonth).toEqual(counts)
  const trendJune = overview.trend.find((point) => point.period === JUNE)
  expect(trendJune).toMatchObject({ running: false, compliance: completionShare(counts) })
  expect(trendJune?.compliance).toBeCloseTo(3 / 6, 3)

  // The monthly report of June prints the same states, branch by branch.
  const report = await t.callOk(as.bureau, 'bureau', 'monthlyReport', { month: JUNE })
  expect(report).toMatchObject({ month: JUNE, running: false, states: counts })
  expect(new Map(report.branches.map((row) => [row.branchName, row.state]))).toEqual(june)

  // Each cell's 调阅 and the meetings function's compliance for the period.
  const compliance = await t.callOk(as.bureau, 'meetings', 'compliance', { period: JUNE })
  for (const row of matrix.rows) {
    const detail = await t.callOk(as.bureau, 'bureau', 'cellDetail', { branchId: row.branchId, period: JUNE })
    expect([row.branchName, detail.state]).toEqual([row.branchName, june.get(row.branchName)])
    const branch = compliance.branches.find((entry) => entry.branchId === row.branchId)
    expect([row.branchName, branch?.state]).toEqual([row.branchName, june.get(row.branchName)])
  }

  // The .xlsx export: the summary column of June and the 统计 sheet.
  const file = await t.callOk(as.bureau, 'bureau', 'exportSheet', { view: 'matrix', year: 2026 })
  const exported = columnByHeader(await downloadedRows(file.url, '汇总'), JUNE)
  expect(exported).toEqual(new Map([...june].map(([name, state]) => [name, CELL_STATE_LABELS[state]])))
  const totals = await downloadedRows(file.url, '统计')
  expect(totals.find((row) => row[0] === JUNE)?.slice(1)).toEqual(CELL_STATES.map((state) => String(counts[state])))
}, 60_000)

test('the running month is 进行中 everywhere, never 滞后, and left out of the completion line', async () => {
  const july = await matrixStates(JULY)
  const counts = countStates(july.values())
  expect(counts.open + counts.held).toBe(6)
  const overview = await t.callOk(as.bureau, 'bureau', 'overview')
  expect(overview.compliance.thisMonth).toEqual(counts)
  expect(overview.trend.at(-1)).toMatchObject({ period: JULY, running: true, compliance: null })
  const report = await t.callOk(as.bureau, 'bureau', 'monthlyReport', {})
  expect(report).toMatchObject({ month: JULY, running: true, states: counts })
  expect(new Map(report.branches.map((row) => [row.branchName, row.state]))).toEqual(july)
})

test('the rebuild reported the months it changed, and a second one changes nothing', async () => {
  const again = await t.callOk(as.bureau, 'meetings', 'rebuildDigests', { year: 2026 })
  expect(again).toMatchObject({ done: true, drifted: 0, changed: 0, changes: [] })
  expect(again.records.held).toBeGreaterThan(0)
  expect(again.records.no_quorum).toBe(1)
})
