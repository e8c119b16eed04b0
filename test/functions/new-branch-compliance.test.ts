// A branch made today in 组织管理 is judged for 三会一课 from the period it began in: its earlier months are
// 无记录 (not 未开展), so creating a branch does not add a "missed last month" to the bureau's dashboard.
import { as, type DemoEmulator, startDemoEmulator } from './helpers/demo'

const NOW = new Date('2026-11-18T10:00:00+08:00').getTime()
let t: DemoEmulator

beforeAll(async () => {
  t = await startDemoEmulator({ at: NOW })
}, 60_000)
afterAll(() => t.stop())

it('a new branch is not judged for the months before it existed', async () => {
  const before = await t.callOk(as.bureau, 'bureau', 'overview')
  const made = await t.callOk(as.bureau, 'roster', 'createOrg', {
    requestId: 'rq_new_branch_compliance',
    kind: 'branch',
    parentId: 'org_committee',
    name: '新城小学党支部',
    schools: [{ name: '新城小学', type: 'primary' }],
  })
  const after = await t.callOk(as.bureau, 'bureau', 'overview')
  expect(after.branches).toBe(before.branches + 1)
  // Last month's figures are those of the branches that existed then.
  expect(after.compliance.lastMonth).toEqual({
    ...before.compliance.lastMonth,
    none: before.compliance.lastMonth.none + 1,
  })
  const matrix = await t.callOk(as.bureau, 'bureau', 'complianceMatrix', { year: 2026 })
  const row = matrix.rows.find((entry) => entry.branchId === made.id)
  expect(row?.cells.find((cell) => cell.period === '2026-10')?.state).toBe('none')
  // This month it is judged like any branch: its requirements are running.
  expect(row?.cells.find((cell) => cell.period === '2026-11')?.state).toBe('open')
}, 60_000)
