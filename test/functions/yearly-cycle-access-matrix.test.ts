// Every yearly-cycle action as every persona, on the demo's year: refused exactly where the role table of
// docs/domains/yearly-cycle.md says (and then nothing written in any collection the domain keeps), let
// through everywhere else, where the answer is the action's own (ok, or the domain's refusal of that input).
// Own branch = 实验小学 (secretary, committee member, member); 城关小学 is nobody's but the bureau's;
// the 总支书记 runs 高中部 and 初中部; the instructor follows 职业中学 and 山区.
import { randomUUID } from 'node:crypto'
import type { FunctionMatrixCase } from './helpers/demo'
import { as, type DemoEmulator, type Persona, startDemoEmulator } from './helpers/demo'
import { addOpenRectification } from './helpers/yearly'

const NOW = new Date('2026-11-18T10:00:00+08:00').getTime()
const YEAR = 2026
const OWN = 'org_b_shiyan'
const OTHER = 'org_b_chengguan'
const SHIYAN = Array.from({ length: 10 }, (_, i) => `m_shiyan_${String(i + 1).padStart(2, '0')}`)
const REPORT_ROUND = `rr_${YEAR}_t_demo`
const RECTIFICATION = 'rect_matrix_shiyan'

let t: DemoEmulator
beforeAll(async () => {
  t = await startDemoEmulator({ at: NOW })
  await addOpenRectification(t, RECTIFICATION, NOW)
}, 60_000)
afterAll(() => t.stop())

type Outcome = string
const F = 'AUTH.FORBIDDEN'
type Row = Record<Exclude<Persona, 'unbound'>, Outcome>
type Case = FunctionMatrixCase<'yearly-cycle', [expected: Row]>

const allOk: Row = { bureau: 'ok', gbSecretary: 'ok', secretary: 'ok', committee: 'ok', member: 'ok', instructor: 'ok' }
const bureauOnly: Row = { bureau: 'ok', gbSecretary: F, secretary: F, committee: F, member: F, instructor: F }
/** Those who follow 实验小学: bureau, its secretary and committee member. */
const followsOwn: Row = { bureau: 'ok', gbSecretary: F, secretary: 'ok', committee: 'ok', member: F, instructor: F }

const CASES: [name: string, ...Case][] = [
  // 谈心谈话
  [
    'recordTalk',
    'yearly-cycle',
    'recordTalk',
    () => ({
      withMemberId: 'm_shiyan_09',
      on: '2026-11-10',
      topic: '教学与党性',
      summary: '交流了本学期的教学和思想情况',
      requestId: randomUUID(),
    }),
    { ...allOk, bureau: 'TALK.OTHER_BRANCH', gbSecretary: 'TALK.OTHER_BRANCH', instructor: 'TALK.OTHER_BRANCH' },
  ],
  ['listTalks (mine)', 'yearly-cycle', 'listTalks', () => ({ year: YEAR }), allOk],
  ['listTalks (a branch)', 'yearly-cycle', 'listTalks', () => ({ year: YEAR, branchId: OWN }), followsOwn],
  ['talkPartners', 'yearly-cycle', 'talkPartners', () => ({}), allOk],
  ['talkCoverage', 'yearly-cycle', 'talkCoverage', () => ({ branchId: OWN, year: YEAR }), followsOwn],
  ['talkCoverage (other branch)', 'yearly-cycle', 'talkCoverage', () => ({ branchId: OTHER, year: YEAR }), bureauOnly],
  [
    'remindTalks',
    'yearly-cycle',
    'remindTalks',
    () => ({ branchId: OWN, year: YEAR }),
    { ...followsOwn, committee: F, secretary: 'CYCLE.REMINDED_TODAY' },
  ],
  // 组织生活会
  [
    'publishOrgLifeTheme',
    'yearly-cycle',
    'publishOrgLifeTheme',
    () => ({ year: YEAR, theme: '学习贯彻党的创新理论', guidance: '' }),
    bureauOnly,
  ],
  ['openOrgLife (other branch)', 'yearly-cycle', 'openOrgLife', () => ({ branchId: OTHER, year: YEAR }), bureauOnly],
  [
    'openOrgLife (own, begun)',
    'yearly-cycle',
    'openOrgLife',
    () => ({ branchId: OWN, year: YEAR }),
    { ...followsOwn, bureau: 'ORG_LIFE.EXISTS', secretary: 'ORG_LIFE.EXISTS', committee: F },
  ],
  [
    'submitOpinion',
    'yearly-cycle',
    'submitOpinion',
    () => ({ requestId: randomUUID(), orgLifeId: `${OWN}:${YEAR}`, text: '希望支部活动更贴近教学实际' }),
    { ...allOk, bureau: F, gbSecretary: F, instructor: F },
  ],
  [
    'submitOpinion (from the public)',
    'yearly-cycle',
    'submitOpinion',
    () => ({ requestId: randomUUID(), orgLifeId: `${OWN}:${YEAR}`, text: '家长希望加强课后服务', fromPublic: true }),
    { ...allOk, gbSecretary: F, committee: F, member: F, instructor: F },
  ],
  [
    'closeOpinions (高中部, closed)',
    'yearly-cycle',
    'closeOpinions',
    () => ({ orgLifeId: `org_b_yz_high:${YEAR}` }),
    {
      bureau: 'ORG_LIFE.OPINIONS_CLOSED',
      gbSecretary: 'ORG_LIFE.OPINIONS_CLOSED',
      secretary: F,
      committee: F,
      member: F,
      instructor: F,
    },
  ],
  ['listOpinions', 'yearly-cycle', 'listOpinions', () => ({ orgLifeId: `${OWN}:${YEAR}` }), followsOwn],
  [
    'submitSelfExamination',
    'yearly-cycle',
    'submitSelfExamination',
    () => ({
      orgLifeId: `${OWN}:${YEAR}`,
      text: '对照党章党规，查找了理论学习不够系统、联系服务学生家长不够主动等问题，提出了坚持每周自学、每学期家访不少于十次的整改措施。',
    }),
    { ...allOk, bureau: F, gbSecretary: F, instructor: F },
  ],
  [
    'linkOrgLifeMeeting (a 集中学习)',
    'yearly-cycle',
    'linkOrgLifeMeeting',
    () => ({ orgLifeId: `${OWN}:${YEAR}`, meetingId: 'mt_demo_shiyan_study_1' }),
    { ...followsOwn, bureau: 'ORG_LIFE.WRONG_MEETING', secretary: 'ORG_LIFE.WRONG_MEETING', committee: F },
  ],
  [
    'addRectification (meeting not held)',
    'yearly-cycle',
    'addRectification',
    () => ({
      requestId: randomUUID(),
      orgLifeId: `${OWN}:${YEAR}`,
      problem: '理论学习不够系统',
      measure: '每月集中学习一次并交流',
      ownerId: 'm_shiyan_02',
      dueOn: '2026-12-31',
    }),
    {
      ...followsOwn,
      bureau: 'ORG_LIFE.MEETING_NOT_HELD',
      secretary: 'ORG_LIFE.MEETING_NOT_HELD',
      committee: F,
    },
  ],
  [
    'closeRectification (the member owns it)',
    'yearly-cycle',
    'closeRectification',
    () => ({
      rectificationId: RECTIFICATION,
      closedOn: '2026-11-18',
      evidence: '本学期已家访十二次，有记录',
      fileIds: [],
    }),
    // The bureau closes it first; the secretary and the owner are let through and find it closed.
    {
      bureau: 'ok',
      gbSecretary: F,
      secretary: 'ORG_LIFE.RECTIFICATION_CLOSED',
      committee: F,
      member: 'ORG_LIFE.RECTIFICATION_CLOSED',
      instructor: F,
    },
  ],
  [
    'submitOrgLifeReport (meeting not held)',
    'yearly-cycle',
    'submitOrgLifeReport',
    () => ({ orgLifeId: `${OWN}:${YEAR}`, text: '支部召开了年度组织生活会，'.repeat(5) }),
    {
      ...followsOwn,
      bureau: 'ORG_LIFE.MEETING_NOT_HELD',
      secretary: 'ORG_LIFE.MEETING_NOT_HELD',
      committee: F,
    },
  ],
  ['orgLifeProgress', 'yearly-cycle', 'orgLifeProgress', () => ({ branchId: OWN, year: YEAR }), followsOwn],
  ['myOrgLife', 'yearly-cycle', 'myOrgLife', () => ({ year: YEAR }), allOk],
  [
    'listRectifications',
    'yearly-cycle',
    'listRectifications',
    () => ({ orgLifeId: `${OWN}:${YEAR}` }),
    { ...allOk, gbSecretary: F, instructor: F },
  ],
  // 民主评议党员
  ['getAppraisalPolicy', 'yearly-cycle', 'getAppraisalPolicy', () => ({}), allOk],
  ['setAppraisalPolicy', 'yearly-cycle', 'setAppraisalPolicy', () => ({ excellentCapPercent: 30 }), bureauOnly],
  [
    'openAppraisal (other branch)',
    'yearly-cycle',
    'openAppraisal',
    () => ({ branchId: OTHER, year: YEAR, votingOpensAt: NOW, votingClosesAt: NOW + 3 * 86_400_000 }),
    bureauOnly,
  ],
  [
    'openAppraisal (own, opened)',
    'yearly-cycle',
    'openAppraisal',
    () => ({ branchId: OWN, year: YEAR, votingOpensAt: NOW, votingClosesAt: NOW + 3 * 86_400_000 }),
    { ...followsOwn, bureau: 'APPRAISAL.EXISTS', secretary: 'APPRAISAL.EXISTS', committee: F },
  ],
  [
    'submitSelfReview',
    'yearly-cycle',
    'submitSelfReview',
    () => ({
      roundId: `ar_${YEAR}_${OWN}`,
      text: '本年度认真学习党的创新理论，按时参加组织生活，完成教育教学任务，在师德师风方面严格要求自己；不足之处是理论学习还不够深入，今后将加强学习。',
    }),
    {
      ...allOk,
      bureau: 'APPRAISAL.NOT_APPRAISEE',
      gbSecretary: 'APPRAISAL.NOT_APPRAISEE',
      instructor: 'APPRAISAL.NOT_APPRAISEE',
    },
  ],
  [
    'castBallot',
    'yearly-cycle',
    'castBallot',
    () => ({ roundId: `ar_${YEAR}_${OWN}`, marks: Object.fromEntries(SHIYAN.map((id) => [id, 'qualified' as const])) }),
    {
      bureau: 'APPRAISAL.NOT_VOTER',
      gbSecretary: 'APPRAISAL.NOT_VOTER',
      secretary: 'APPRAISAL.ALREADY_VOTED',
      committee: 'APPRAISAL.ALREADY_VOTED',
      member: 'ok',
      instructor: 'APPRAISAL.NOT_VOTER',
    },
  ],
  ['myAppraisal', 'yearly-cycle', 'myAppraisal', () => ({ year: YEAR }), allOk],
  ['appraisalRound', 'yearly-cycle', 'appraisalRound', () => ({ branchId: OWN, year: YEAR }), followsOwn],
  [
    'remindVoters',
    'yearly-cycle',
    'remindVoters',
    () => ({ roundId: `ar_${YEAR}_${OWN}` }),
    { ...followsOwn, committee: F, secretary: 'CYCLE.REMINDED_TODAY' },
  ],
  [
    'appraisalParticipation',
    'yearly-cycle',
    'appraisalParticipation',
    () => ({ roundId: `ar_${YEAR}_${OWN}` }),
    followsOwn,
  ],
  [
    'appraisalTally (职业中学, counting)',
    'yearly-cycle',
    'appraisalTally',
    () => ({ roundId: `ar_${YEAR}_org_b_zhizhong` }),
    { ...bureauOnly, instructor: 'ok' },
  ],
  [
    'decideAppraisal (职业中学, one member missing)',
    'yearly-cycle',
    'decideAppraisal',
    () => ({
      roundId: `ar_${YEAR}_org_b_zhizhong`,
      decisions: [{ memberId: 'm_zhizhong_01', grade: 'qualified' as const }],
    }),
    { ...bureauOnly, bureau: 'APPRAISAL.DECISIONS_INCOMPLETE' },
  ],
  // 书记述职
  [
    'openReportRound (opened)',
    'yearly-cycle',
    'openReportRound',
    () => ({ year: YEAR, deadline: NOW + 86_400_000 }),
    { ...bureauOnly, bureau: 'REPORT.ROUND_EXISTS' },
  ],
  [
    'submitSecretaryReport',
    'yearly-cycle',
    'submitSecretaryReport',
    () => ({
      roundId: REPORT_ROUND,
      branchId: OWN,
      text: '支部坚持以党建引领学校发展，认真落实三会一课制度。'.repeat(10),
      problems: ['理论学习不够系统'],
    }),
    { ...bureauOnly, bureau: F, secretary: 'ok' },
  ],
  [
    'rateSecretaryReport (高中部)',
    'yearly-cycle',
    'rateSecretaryReport',
    () => ({ reportId: `${REPORT_ROUND}:org_b_yz_high`, rating: 'good' as const }),
    { ...bureauOnly, bureau: 'REPORT.ALREADY_RATED', gbSecretary: 'REPORT.OWN_REPORT' },
  ],
  [
    'rateSecretaryReport (实验小学)',
    'yearly-cycle',
    'rateSecretaryReport',
    () => ({ reportId: `${REPORT_ROUND}:${OWN}`, rating: 'fairly_good' as const }),
    { ...allOk, gbSecretary: F, secretary: 'REPORT.OWN_REPORT', instructor: F },
  ],
  [
    'reportRoundResults',
    'yearly-cycle',
    'reportRoundResults',
    () => ({ roundId: REPORT_ROUND }),
    { ...bureauOnly, gbSecretary: 'ok', secretary: 'ok' },
  ],
  [
    'closeReportRound (no such round)',
    'yearly-cycle',
    'closeReportRound',
    () => ({ roundId: 'rr_1999_t_demo' }),
    { ...bureauOnly, bureau: 'REPORT.ROUND_NOT_FOUND' },
  ],
  ['myReport', 'yearly-cycle', 'myReport', () => ({ year: YEAR }), allOk],
  [
    'getSecretaryReport',
    'yearly-cycle',
    'getSecretaryReport',
    () => ({ reportId: `${REPORT_ROUND}:${OWN}` }),
    { ...allOk, gbSecretary: F, instructor: F },
  ],
  [
    'exportReportRound',
    'yearly-cycle',
    'exportReportRound',
    () => ({ roundId: REPORT_ROUND, format: 'xlsx' as const }),
    bureauOnly,
  ],
  // the bureau's view of the year
  [
    'yearOverview',
    'yearly-cycle',
    'yearOverview',
    () => ({ year: YEAR }),
    { ...bureauOnly, gbSecretary: 'ok', instructor: 'ok' },
  ],
  [
    'remindYearItem (城关小学)',
    'yearly-cycle',
    'remindYearItem',
    () => ({ branchId: OTHER, year: YEAR, item: 'report' as const }),
    bureauOnly,
  ],
  [
    'remindYearItem (山区, the instructor’s)',
    'yearly-cycle',
    'remindYearItem',
    () => ({ branchId: 'org_b_shanqu', year: YEAR, item: 'appraisal' as const }),
    // The bureau asks first; the instructor is let through, and finds it already asked today.
    { ...bureauOnly, instructor: 'CYCLE.REMINDED_TODAY' },
  ],
  [
    'exportYearOverview',
    'yearly-cycle',
    'exportYearOverview',
    () => ({ year: YEAR }),
    { ...bureauOnly, gbSecretary: 'ok', instructor: 'ok' },
  ],
]

const PERSONAS = ['bureau', 'gbSecretary', 'secretary', 'committee', 'member', 'instructor'] as const
const expectations = CASES.flatMap(([name, fn, action, data, row]) => [
  ...PERSONAS.map((persona) => ({ name, fn, action, data, persona: persona as Persona, expected: row[persona] })),
  { name, fn, action, data, persona: 'unbound' as Persona, expected: 'AUTH.NOT_BOUND' },
])
const refused = expectations.filter((row) => row.expected === F || row.expected === 'AUTH.NOT_BOUND')
const through = expectations.filter((row) => !refused.includes(row))

/** Every document of the collections the yearly cycle (and its reminders, events and audit) writes. */
const WRITTEN = [
  'talks',
  'org_life_themes',
  'org_life',
  'org_life_opinions',
  'self_examinations',
  'rectifications',
  'appraisal_policy',
  'appraisal_rounds',
  'self_reviews',
  'ballot_voters',
  'ballots',
  'appraisal_results',
  'report_rounds',
  'secretary_reports',
  'report_ratings',
  'cycle_digests',
  'cycle_reminders',
  'audit_log',
  'domain_events',
  'robot_queue',
  'reminder_sends',
]
async function snapshot(): Promise<string> {
  const parts: unknown[] = []
  for (const name of WRITTEN) {
    const docs = (await t.db.collection(name).where({}).limit(1000).get()) as { data: { _id: string }[] }
    parts.push(
      name,
      docs.data.sort((a, b) => a._id.localeCompare(b._id)),
    )
  }
  return JSON.stringify(parts)
}

describe('refused by role or branch, and nothing written', () => {
  let before = ''
  beforeAll(async () => {
    before = await snapshot()
  })
  test.each(refused.map((row) => [row.persona, row.name, row.expected, row] as const))(
    '%s × %s → %s',
    async (_persona, _name, expected, row) => {
      const res = await t.callUnchecked(as[row.persona], row.fn, row.action, await row.data(row.persona))
      expect(res.ok ? 'ok' : res.error.code).toBe(expected)
    },
  )
  test('every collection the domain writes is as it was', async () => {
    expect(await snapshot()).toBe(before)
  })
})

describe('let through, answered by the action itself', () => {
  test.each(through.map((row) => [row.persona, row.name, row.expected, row] as const))(
    '%s × %s → %s',
    async (_persona, _name, expected, row) => {
      const res = await t.callUnchecked(as[row.persona], row.fn, row.action, await row.data(row.persona))
      expect(res.ok ? 'ok' : res.error.code).toBe(expected)
    },
  )
})
