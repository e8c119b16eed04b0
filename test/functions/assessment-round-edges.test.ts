// The round's edges through the real SDK over the demo county (this year's round open, last year's published):
// the ranking by school type, the trend against last year's published totals, and the deadline — after it the
// branch can neither write nor submit, with a coded refusal that writes nothing.
import { as, type DemoEmulator, startDemoEmulator } from './helpers/demo'

let t: DemoEmulator
const NOW = new Date('2026-11-18T10:00:00+08:00').getTime()
const ROUND = 't_demo_2026'
const LAST = 't_demo_2025'
const BRANCH = 'org_b_shiyan'

beforeAll(async () => {
  t = await startDemoEmulator({ at: NOW })
})
afterAll(() => t.stop())

const code = (res: { ok: boolean; error?: { code: string } }) => (res.ok ? 'ok' : res.error?.code)
const all = (schoolKind: 'primary' | 'secondary' | null) =>
  t.callOk(as.bureau, 'assessment', 'roundResults', { roundId: ROUND, schoolKind, page: 1, pageSize: 50 })

test('考核排名 by school type: only that type’s branches, ranked among themselves', async () => {
  const everyone = await all(null)
  expect(everyone.total).toBe(everyone.items.length)
  const kinds = new Set(everyone.items.map((row) => row.schoolKind))
  // The demo county has primary and secondary schools at least: a filter that kept everyone would fail here.
  expect(kinds.has('primary')).toBe(true)
  expect(kinds.has('secondary')).toBe(true)
  for (const kind of ['primary', 'secondary'] as const) {
    const ranked = await all(kind)
    expect(ranked.items.length).toBeGreaterThan(0)
    expect(ranked.items.every((row) => row.schoolKind === kind)).toBe(true)
    expect(ranked.items.map((row) => row.branchId).sort()).toEqual(
      everyone.items
        .filter((row) => row.schoolKind === kind)
        .map((row) => row.branchId)
        .sort(),
    )
    // Ranked within the type: the first is 1, ranks follow the totals (ties share a rank).
    expect(ranked.items[0].rank).toBe(1)
    for (let i = 1; i < ranked.items.length; i++) {
      const [above, row] = [ranked.items[i - 1], ranked.items[i]]
      expect(row.total).toBeLessThanOrEqual(above.total)
      expect(row.rank).toBe(row.total === above.total ? above.rank : i + 1)
    }
  }
})

test('the trend: each branch’s row carries last year’s published total, none for a branch without one', async () => {
  const last = (await t.db.collection('assessment_results').where({ roundId: LAST }).get()).data as {
    branchId: string
    score: { total: number }
  }[]
  expect(last.length).toBeGreaterThan(0)
  const lastTotal = new Map(last.map((result) => [result.branchId, result.score.total]))
  const rows = (await all(null)).items
  for (const row of rows) expect(row.lastYear).toBe(lastTotal.get(row.branchId) ?? null)
  expect(rows.some((row) => row.lastYear !== null)).toBe(true)
  // A published result that vanished is no trend: the row says none rather than 0.
  await t.db.collection('assessment_results').where({ roundId: LAST, branchId: BRANCH }).remove()
  expect((await all(null)).items.find((row) => row.branchId === BRANCH)?.lastYear).toBeNull()
})

test('after the deadline the branch can neither write nor submit; nothing is written', async () => {
  const round = (await t.db.collection('assessment_rounds').doc(ROUND).get()) as unknown as {
    data: { deadline: number }
  }
  const entry = {
    roundId: ROUND,
    branchId: BRANCH,
    indicatorKey: 'a3_1',
    text: '打造“红烛先锋”党建品牌，开展示范课12节。',
  }
  // Before the deadline the page offers editing; one minute after it, it does not.
  t.emu.clock.set(round.data.deadline - 60_000)
  expect(
    (await t.callOk(as.secretary, 'assessment', 'branchScore', { roundId: ROUND, branchId: BRANCH })).canEdit,
  ).toBe(true)
  t.emu.clock.set(round.data.deadline + 60_000)
  const before = JSON.stringify([
    (await t.db.collection('assessment_entries').where({ roundId: ROUND }).get()).data,
    (await t.db.collection('assessment_submissions').where({ roundId: ROUND }).get()).data,
  ])
  expect(code(await t.call(as.secretary, 'assessment', 'saveSelfAssessment', entry))).toBe('ASSESSMENT.PAST_DEADLINE')
  expect(code(await t.call(as.secretary, 'assessment', 'submitBranch', { roundId: ROUND, branchId: BRANCH }))).toBe(
    'ASSESSMENT.PAST_DEADLINE',
  )
  expect(
    (await t.callOk(as.secretary, 'assessment', 'branchScore', { roundId: ROUND, branchId: BRANCH })).canEdit,
  ).toBe(false)
  expect(
    JSON.stringify([
      (await t.db.collection('assessment_entries').where({ roundId: ROUND }).get()).data,
      (await t.db.collection('assessment_submissions').where({ roundId: ROUND }).get()).data,
    ]),
  ).toBe(before)
})
