// Indicators from the lifecycle and yearly-cycle data, through the real SDK against the demo county on
// 2026-12-10: 党费收缴率 reads a branch's closed months' member-months from the dues branch-months and rises
// when the secretary records the months a member was behind on; 谈心谈话, 组织生活会 and 民主评议 read the
// yearly cycle's digests and agree, branch by branch, with the bureau's year view.
import type { BranchScore, Scheme } from '../../types/assessment'
import { indicatorOf as indicator } from '../fixtures/assessment'
import { as, type DemoEmulator, startDemoEmulator } from './helpers/demo'

let t: DemoEmulator
const NOW = new Date('2026-12-10T10:00:00+08:00').getTime()
const BRANCH = 'org_b_shiyan'
// The demo's 实验小学 member four months behind (August to November): see scripts/seed/demo-dues.ts.
const BEHIND = 'm_shiyan_08'

beforeAll(async () => {
  t = await startDemoEmulator({ at: NOW })
  for (const collection of ['assessment_schemes', 'assessment_rounds', 'assessment_entries', 'assessment_results']) {
    await t.db.collection(collection).where({ tenantId: 't_demo' }).remove()
  }
})
afterAll(() => t.stop())

const SCHEME: Scheme = {
  year: 2026,
  name: '2026年度五星支部创建考核细则',
  areas: [
    {
      key: 'base',
      name: '基础保障',
      indicators: [
        {
          key: 'org_life',
          name: '组织生活会',
          kind: 'computed',
          source: 'org_life',
          scoring: { method: 'ratio', target: 1 },
          maxScore: 5,
          guidance: '',
        },
        {
          key: 'appraisal',
          name: '民主评议党员',
          kind: 'computed',
          source: 'appraisal',
          scoring: { method: 'ratio', target: 1 },
          maxScore: 5,
          guidance: '',
        },
        {
          key: 'dues',
          name: '按时足额交纳党费',
          kind: 'computed',
          source: 'dues_collection',
          scoring: { method: 'ratio', target: 1 },
          maxScore: 10,
          guidance: '',
        },
      ],
    },
  ],
  stars: [{ stars: 5, minScore: 9 }],
}

const dues = (score: BranchScore) => indicator(score, 'dues')
let roundId = ''

test('党费收缴率 is offered, and a branch’s score rises when the months a member was behind are recorded', async () => {
  const { sources } = await t.callOk(as.bureau, 'assessment', 'offeredSources', {})
  expect(sources.map((offered) => offered.source)).toContain('dues_collection')
  expect(sources.map((offered) => offered.source)).toContain('development_on_time')
  await t.callOk(as.bureau, 'assessment', 'saveScheme', SCHEME)
  ;({ roundId } = await t.callOk(as.bureau, 'assessment', 'openRound', {
    year: 2026,
    deadline: new Date('2026-12-20T18:00:00+08:00').getTime(),
  }))
  const before = dues((await t.callOk(as.secretary, 'assessment', 'branchScore', { roundId, branchId: BRANCH })).score)
  const owed = before.figure?.denominator ?? 0
  // January to November closed; December is still being collected and not yet counted.
  expect(owed % 11).toBe(0)
  expect(before.figure?.numerator).toBe(owed - 4)
  expect(before.figure?.text).toBe(`应交党费 ${owed} 人月，已交 ${owed - 4} 人月`)
  expect(before.score).toBeLessThan(10)

  await t.callOk(as.secretary, 'lifecycle', 'recordDuesPayment', {
    requestId: 'pay-behind-1',
    memberId: BEHIND,
    months: ['2026-08', '2026-09', '2026-10', '2026-11'],
    method: 'cash',
    reference: '',
    paidOn: '2026-12-09',
  })
  const after = dues((await t.callOk(as.secretary, 'assessment', 'branchScore', { roundId, branchId: BRANCH })).score)
  expect(after.figure).toMatchObject({ numerator: owed, denominator: owed })
  expect(after.score).toBe(10)
})

test('组织生活会 and 民主评议 read as the bureau’s year view reads each branch', async () => {
  const view = await t.callOk(as.bureau, 'yearly-cycle', 'yearOverview', { year: 2026, pageSize: 50 })
  expect(view.items.length).toBeGreaterThan(1)
  for (const row of view.items) {
    const score = (await t.callOk(as.bureau, 'assessment', 'branchScore', { roundId, branchId: row.branchId })).score
    expect(indicator(score, 'org_life').figure).toMatchObject({ numerator: row.orgLife.done, denominator: 7 })
    expect(indicator(score, 'appraisal').figure?.numerator).toBe(row.appraisal.phase === 'decided' ? 1 : 0)
  }
})
