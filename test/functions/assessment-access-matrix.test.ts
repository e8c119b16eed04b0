// Every assessment action as every persona: allowed or refused, exactly (roles by the router, branches by the
// handlers). A refusal writes nothing: the schemes, rounds, entries, submissions and results stay as they were.
import { demoScheme } from '../../scripts/seed/demo-assessment'
import { schemeWorkbook } from '../fixtures/scheme-workbook'
import { as, type DemoEmulator, describeMatrix, type MatrixCase, type Persona, startDemoEmulator } from './helpers/demo'

let t: DemoEmulator
let importFile: string
const NOW = new Date('2026-11-18T10:00:00+08:00').getTime()
const ROUND = 't_demo_2026' // the demo's open round
const COLLECTIONS = [
  'assessment_schemes',
  'assessment_rounds',
  'assessment_entries',
  'assessment_submissions',
  'assessment_results',
]

beforeAll(async () => {
  t = await startDemoEmulator({ at: NOW })
  importFile = (
    (await t.cloud.uploadFile({
      cloudPath: `imports/t_demo/m_bureau_01/${process.pid}-matrix.xlsx`,
      fileContent: await schemeWorkbook([
        ['组织生活', '三会一课', 60, '数据', '三会一课达标率', '按比例', '100%', ''],
        ['作用发挥', '党建品牌', 40, '自评', '', '需佐证材料', '', ''],
        ['星级', '五星', 90, '', '', '', '', ''],
      ]),
    })) as { fileID: string }
  ).fileID
  // A scheme for a year with no round yet, so openRound has something to open (once, by bureau staff).
  await t.callOk(as.bureau, 'assessment', 'saveScheme', demoScheme(2027))
})
afterAll(() => t.stop())

type Outcome =
  | 'ok'
  | 'AUTH.FORBIDDEN'
  | 'AUTH.NOT_BOUND'
  | 'ASSESSMENT.EVIDENCE_MISSING'
  | 'ASSESSMENT.NOT_SUBMITTED'
  | 'ASSESSMENT.PUBLISHED'
const personas = Object.keys(as) as Persona[]
const only = (allowed: Persona[], otherwise: Outcome = 'AUTH.FORBIDDEN'): Record<Persona, Outcome> =>
  Object.fromEntries(
    personas.map((p) => [p, p === 'unbound' ? 'AUTH.NOT_BOUND' : allowed.includes(p) ? 'ok' : otherwise]),
  ) as Record<Persona, Outcome>
const EVERYONE = only(['bureau', 'gbSecretary', 'secretary', 'committee', 'member', 'instructor'])

const SELF = {
  roundId: ROUND,
  branchId: 'org_b_shiyan',
  indicatorKey: 'a3_1',
  text: '打造“红烛先锋”党建品牌，党员示范课12节。',
}

/** [action, data for the call, expected outcome per persona] — bureau staff go first (personas' order). */
const cases: MatrixCase<'assessment', [expected: Record<Persona, Outcome>]>[] = [
  ['offeredSources', () => ({}), only(['bureau'])],
  ['getScheme', () => ({ year: 2026 }), EVERYONE],
  ['saveScheme', () => demoScheme(2027), only(['bureau'])],
  ['previewSchemeImport', () => ({ fileID: importFile, year: 2027 }), only(['bureau'])],
  ['exportScheme', () => ({ year: 2026 }), only(['bureau'])],
  ['openRound', () => ({ year: 2027, deadline: NOW + 86_400_000 }), only(['bureau'])],
  ['getRound', () => ({ year: 2026 }), EVERYONE],
  // A branch's score: its own secretary and committee, bureau staff; not another 总支's secretary nor an instructor elsewhere.
  ['branchScore', () => ({ roundId: ROUND, branchId: 'org_b_shiyan' }), only(['bureau', 'secretary', 'committee'])],
  ['branchScore', () => ({ roundId: ROUND, branchId: 'org_b_shanqu' }), only(['bureau', 'instructor'])],
  ['saveSelfAssessment', () => SELF, only(['bureau', 'secretary'])],
  // 城关小学 has drafts without photos: whoever may submit for it is told what is missing.
  [
    'submitBranch',
    () => ({ roundId: ROUND, branchId: 'org_b_chengguan' }),
    { ...only([]), bureau: 'ASSESSMENT.EVIDENCE_MISSING' },
  ],
  [
    'scoreSelfAssessment',
    () => ({ roundId: ROUND, branchId: 'org_b_chengguan', indicatorKey: 'a3_1', score: 10, comment: '' }),
    { ...only([]), bureau: 'ASSESSMENT.NOT_SUBMITTED' },
  ],
  ['publishRound', () => ({ roundId: 't_demo_2025' }), { ...only([]), bureau: 'ASSESSMENT.PUBLISHED' }],
  ['roundResults', () => ({ roundId: ROUND }), only(['bureau', 'gbSecretary', 'instructor'])],
  ['exportResults', () => ({ roundId: ROUND }), only(['bureau'])],
]

async function snapshot(): Promise<string> {
  const all = await Promise.all(
    COLLECTIONS.map(async (name) => ((await t.db.collection(name).where({}).get()) as { data: unknown[] }).data),
  )
  return JSON.stringify(all)
}

describeMatrix(() => t, 'assessment', cases, snapshot)

test('bad input is coded in Chinese and writes nothing', async () => {
  const before = await snapshot()
  const bad: [string, unknown, string][] = [
    ['saveScheme', { ...demoScheme(2026), stars: [{ stars: 5, minScore: 200 }] }, '星级分数线不能高于总分'],
    ['openRound', { year: 1999, deadline: NOW + 1 }, '年份应在2000年至2100年之间'],
    [
      'saveSelfAssessment',
      { ...SELF, fileIds: Array.from({ length: 10 }, (_, i) => `cloud://x/${i}-file`) },
      '最多上传9个文件',
    ],
    ['scoreSelfAssessment', { ...SELF, text: undefined, score: 8.25, comment: '扣分' }, '分值最多保留一位小数'],
  ]
  for (const [action, input, message] of bad) {
    const res = await t.callUnchecked(as.bureau, 'assessment', action, input)
    expect(res.ok ? 'ok' : res.error.code).toBe('INPUT.INVALID')
    expect(JSON.stringify(res.ok ? null : res.error.details)).toContain(message)
  }
  expect(await snapshot()).toBe(before)
})
