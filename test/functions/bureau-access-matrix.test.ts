// Every bureau action as every persona: allowed or refused, exactly; and which rows of the
// compliance matrix each one gets (bureau all six, an instructor the assigned two, a
// general-branch secretary the 总支's two, a secretary or committee member their own).
import { previousMonth } from '../../cloudfunctions/domain/bureau/rates'
import { periodKeyOf } from '../../cloudfunctions/domain/time'
import { as, type DemoEmulator, type Persona, startDemoEmulator } from './helpers/demo'

let t: DemoEmulator
let lastMonth: string
beforeAll(async () => {
  t = await startDemoEmulator()
  lastMonth = previousMonth(periodKeyOf(t.emu.clock.now(), 'month'))
}, 60_000)
afterAll(() => t.stop())

type Outcome = 'ok' | 'AUTH.FORBIDDEN' | 'AUTH.NOT_BOUND'
const F = 'AUTH.FORBIDDEN' as const
const N = 'AUTH.NOT_BOUND' as const

const ACTIONS = {
  overview: () => ({}),
  complianceMatrix: () => ({}),
  cellOther: () => ({ branchId: 'org_b_chengguan', period: lastMonth }),
  cellOwn: () => ({ branchId: 'org_b_shiyan', period: lastMonth }),
  leaderboard: () => ({}),
  studyTasks: () => ({}),
  exportMatrix: () => ({ view: 'matrix' }),
  monthlyReport: () => ({}),
} as const
type Case = keyof typeof ACTIONS
const actionOf = (name: Case) =>
  name === 'cellOther' || name === 'cellOwn' ? 'cellDetail' : name === 'exportMatrix' ? 'exportSheet' : name

const expected: Record<Persona, Record<Case, Outcome>> = {
  bureau: {
    overview: 'ok',
    complianceMatrix: 'ok',
    cellOther: 'ok',
    cellOwn: 'ok',
    leaderboard: 'ok',
    studyTasks: 'ok',
    exportMatrix: 'ok',
    monthlyReport: 'ok',
  },
  instructor: {
    overview: 'ok',
    complianceMatrix: 'ok',
    cellOther: F,
    cellOwn: F,
    leaderboard: 'ok',
    studyTasks: 'ok',
    exportMatrix: 'ok',
    monthlyReport: F,
  },
  gbSecretary: {
    overview: F,
    complianceMatrix: 'ok',
    cellOther: F,
    cellOwn: F,
    leaderboard: F,
    studyTasks: F,
    exportMatrix: 'ok',
    monthlyReport: F,
  },
  secretary: {
    overview: F,
    complianceMatrix: 'ok',
    cellOther: F,
    cellOwn: 'ok',
    leaderboard: F,
    studyTasks: F,
    exportMatrix: 'ok',
    monthlyReport: F,
  },
  committee: {
    overview: F,
    complianceMatrix: 'ok',
    cellOther: F,
    cellOwn: 'ok',
    leaderboard: F,
    studyTasks: F,
    exportMatrix: 'ok',
    monthlyReport: F,
  },
  member: {
    overview: F,
    complianceMatrix: F,
    cellOther: F,
    cellOwn: F,
    leaderboard: F,
    studyTasks: F,
    exportMatrix: F,
    monthlyReport: F,
  },
  unbound: {
    overview: N,
    complianceMatrix: N,
    cellOther: N,
    cellOwn: N,
    leaderboard: N,
    studyTasks: N,
    exportMatrix: N,
    monthlyReport: N,
  },
}

const cases = (Object.keys(expected) as Persona[]).flatMap((persona) =>
  (Object.keys(ACTIONS) as Case[]).map((name) => [persona, name, expected[persona][name]] as const),
)

test.each(cases)('%s × %s → %s', async (persona, name, outcome) => {
  const result = await t.call(as[persona], 'bureau', actionOf(name), ACTIONS[name]())
  expect(result.ok ? 'ok' : result.error.code).toBe(outcome)
})

const ROWS: Partial<Record<Persona, string[]>> = {
  bureau: ['org_b_yz_high', 'org_b_yz_junior', 'org_b_shiyan', 'org_b_chengguan', 'org_b_zhizhong', 'org_b_shanqu'],
  instructor: ['org_b_zhizhong', 'org_b_shanqu'],
  gbSecretary: ['org_b_yz_high', 'org_b_yz_junior'],
  secretary: ['org_b_shiyan'],
  committee: ['org_b_shiyan'],
}

test.each(Object.entries(ROWS))('%s sees the matrix rows of their branches', async (persona, rows) => {
  const result = await t.call(as[persona as Persona], 'bureau', 'complianceMatrix', {})
  if (!result.ok) throw new Error(JSON.stringify(result.error))
  expect(result.data.rows.map((row) => row.branchId).sort()).toEqual([...rows].sort())
})

test('an instructor reminds only an assigned branch; a secretary cannot remind', async () => {
  const other = await t.call(as.instructor, 'bureau', 'remindSecretary', {
    branchId: 'org_b_chengguan',
    period: lastMonth,
  })
  expect(other.ok ? 'ok' : other.error.code).toBe('AUTH.FORBIDDEN')
  const secretary = await t.call(as.secretary, 'bureau', 'remindSecretary', {
    branchId: 'org_b_shiyan',
    period: lastMonth,
  })
  expect(secretary.ok ? 'ok' : secretary.error.code).toBe('AUTH.FORBIDDEN')
})
