// The 发展党员 pipeline as a secretary lives it: the 细则's order and waiting times, what is missing,
// what falls due ('张三 预备期将于 30 天后届满'), the roster fields an admission writes, the bureau's counts.
import { voteVerdict } from '../../cloudfunctions/domain/lifecycle/branch-vote'
import { stageCounts, yearTotals } from '../../cloudfunctions/domain/lifecycle/development-counts'
import { dueItems } from '../../cloudfunctions/domain/lifecycle/development-due'
import { deadlinesOf, onTimeInYear } from '../../cloudfunctions/domain/lifecycle/development-on-time'
import { stepRefusal } from '../../cloudfunctions/domain/lifecycle/development-refusal'
import { rosterFieldsOf } from '../../cloudfunctions/domain/lifecycle/development-roster'
import { type FileFacts, stateOf } from '../../cloudfunctions/domain/lifecycle/development-state'
import { MATERIAL_NAMES, STEPS } from '../../cloudfunctions/domain/lifecycle/development-steps'
import {
  missingMaterials,
  nextSteps,
  reviewGaps,
  trainingShort,
} from '../../cloudfunctions/domain/lifecycle/development-timeline'
import {
  DEVELOPMENT_STEPS,
  type DevelopmentStep,
  MATERIALS,
  type StepInput,
  type StepRecord,
} from '../../types/lifecycle'

const CARRIED = { eligible: 9, present: 8, inFavour: 8 }

function detailsOf(step: DevelopmentStep, extra: Partial<Record<string, unknown>> = {}): StepInput {
  switch (step) {
    case 'contacts_assigned':
    case 'introducers_assigned':
      return { step, memberIds: ['m_li', 'm_wang'], ...extra } as StepInput
    case 'intensive_training':
      return { step, hours: 24, ...extra } as StepInput
    case 'pre_approval':
      return { step, noticeFrom: '2025-07-02', noticeTo: '2025-07-08', ...extra } as StepInput
    case 'admission_vote':
      return { step, vote: CARRIED, ...extra } as StepInput
    case 'conversion_vote':
      return { step, vote: CARRIED, outcome: 'convert', extensionMonths: null, ...extra } as StepInput
    default:
      return { step } as StepInput
  }
}

const rec = (step: DevelopmentStep, on: string, extra: Partial<Record<string, unknown>> = {}): StepRecord => ({
  step,
  on,
  details: detailsOf(step, extra),
  note: '',
  materials: STEPS[step].materials.map((material) => ({ material, fileIds: [`cloud://env/${step}.pdf`] })),
  recordedBy: 'm_sec',
  recordedAt: 0,
})

const file = (steps: StepRecord[], reviews: string[] = [], closed: FileFacts['closed'] = null): FileFacts => ({
  _id: 'df_zhang',
  name: '张三',
  steps,
  reviews: reviews.map((on) => ({ on })),
  closed,
})

// 张三's way in, step by step, as the fixtures below cut it.
const APPLIED = [rec('application', '2024-03-01'), rec('application_talk', '2024-03-20')]
const ACTIVIST = [
  ...APPLIED,
  rec('activist_decision', '2024-05-10'),
  rec('activist_filing', '2024-05-20'),
  rec('contacts_assigned', '2024-05-20'),
]
const CANDIDATE = [
  ...ACTIVIST,
  rec('candidate_decision', '2025-05-10'),
  rec('candidate_filing', '2025-05-20'),
  rec('introducers_assigned', '2025-05-20'),
  rec('political_review', '2025-06-10'),
  rec('intensive_training', '2025-06-15'),
  rec('committee_review', '2025-07-01'),
  rec('pre_approval', '2025-07-10'),
  rec('application_form', '2025-07-15'),
]
const VOTED = [...CANDIDATE, rec('admission_vote', '2025-07-20'), rec('approval_talk', '2025-08-01')]
const PROBATIONARY = [
  ...VOTED,
  rec('admission_approval', '2025-09-10'),
  rec('admission_filing', '2025-09-20'),
  rec('placement', '2025-09-20'),
  rec('oath', '2025-09-20'),
]
const CONVERSION_VOTED = [
  ...PROBATIONARY,
  rec('conversion_application', '2026-06-25'),
  rec('conversion_vote', '2026-07-20'),
]
const EXTENDED = [
  ...PROBATIONARY,
  rec('conversion_application', '2026-06-25'),
  rec('conversion_vote', '2026-07-25', { outcome: 'extend', extensionMonths: 6 }),
  rec('conversion_approval', '2026-08-10'),
]
const FORMAL = [...CONVERSION_VOTED, rec('conversion_approval', '2026-08-15')]

describe('the 细则 as data', () => {
  it('has 25 steps in five stages, numbered in order, each after steps that come before it', () => {
    expect(DEVELOPMENT_STEPS).toHaveLength(25)
    DEVELOPMENT_STEPS.forEach((step, index) => {
      expect(STEPS[step].no).toBe(index + 1)
      for (const before of STEPS[step].after) expect(STEPS[before].no).toBeLessThan(STEPS[step].no)
    })
    expect(new Set(DEVELOPMENT_STEPS.map((step) => STEPS[step].stage))).toEqual(
      new Set(['applicant', 'activist', 'candidate', 'probationary', 'formal']),
    )
  })
  it('names every material in Chinese', () => {
    for (const material of MATERIALS) expect(MATERIAL_NAMES[material]).toMatch(/[\u4e00-\u9fa5]/)
  })
})

describe('支部大会 votes (more than half of those entitled: present, and in favour)', () => {
  it.each([
    ['9 entitled, 5 present, 5 in favour', { eligible: 9, present: 5, inFavour: 5 }, 'carried'],
    ['9 entitled, only 4 came', { eligible: 9, present: 4, inFavour: 4 }, 'no_quorum'],
    ['10 entitled, exactly half came', { eligible: 10, present: 5, inFavour: 5 }, 'no_quorum'],
    ['9 entitled, 8 came, 4 in favour', { eligible: 9, present: 8, inFavour: 4 }, 'too_few_in_favour'],
    ['10 entitled, 6 came, all 6 in favour', { eligible: 10, present: 6, inFavour: 6 }, 'carried'],
  ])('%s → %s', (_case, vote, verdict) => {
    expect(voteVerdict(vote)).toBe(verdict)
  })
})

describe('recording a step', () => {
  const FORMAL_MEMBERS = new Set(['m_li', 'm_wang'])
  it.each<[string, StepRecord[], DevelopmentStep, string, Partial<Record<string, unknown>>, string, string | null]>([
    ['the talk, 19 days after the application', [APPLIED[0]], 'application_talk', '2024-03-20', {}, '2024-03-25', null],
    ['the talk dated tomorrow', [APPLIED[0]], 'application_talk', '2024-03-26', {}, '2024-03-25', 'DATE.IN_FUTURE'],
    [
      'the talk dated before the application',
      [APPLIED[0]],
      'application_talk',
      '2024-02-28',
      {},
      '2024-03-25',
      'DATE.BEFORE_PREVIOUS',
    ],
    [
      '积极分子 before anyone talked with them',
      [APPLIED[0]],
      'activist_decision',
      '2024-03-20',
      {},
      '2024-03-25',
      'DEVELOPMENT.STEP_OUT_OF_ORDER',
    ],
    ['the talk a second time', APPLIED, 'application_talk', '2024-03-22', {}, '2024-03-25', 'DEVELOPMENT.STEP_DONE'],
    [
      '发展对象 a day short of a year of training',
      ACTIVIST,
      'candidate_decision',
      '2025-05-09',
      {},
      '2025-06-01',
      'DEVELOPMENT.STEP_TOO_EARLY',
    ],
    [
      '发展对象 on the anniversary (一年以上 counts the day)',
      ACTIVIST,
      'candidate_decision',
      '2025-05-10',
      {},
      '2025-06-01',
      null,
    ],
    [
      '发展对象 before the 积极分子 was filed',
      ACTIVIST.slice(0, 3),
      'candidate_decision',
      '2025-05-10',
      {},
      '2025-06-01',
      'DEVELOPMENT.STEP_OUT_OF_ORDER',
    ],
    [
      '入党介绍人 who are formal members',
      CANDIDATE.slice(0, 6),
      'introducers_assigned',
      '2025-05-20',
      {},
      '2025-06-01',
      null,
    ],
    [
      'an 入党介绍人 who is not a formal member',
      CANDIDATE.slice(0, 6),
      'introducers_assigned',
      '2025-05-20',
      { memberIds: ['m_li', 'm_new'] },
      '2025-06-01',
      'DEVELOPMENT.NOT_FORMAL_MEMBER',
    ],
    [
      '支委会审查 before the 集中培训',
      CANDIDATE.slice(0, 9),
      'committee_review',
      '2025-07-01',
      {},
      '2025-07-02',
      'DEVELOPMENT.STEP_OUT_OF_ORDER',
    ],
    [
      '预审 after a five-day 公示',
      CANDIDATE.slice(0, 11),
      'pre_approval',
      '2025-07-09',
      { noticeFrom: '2025-07-02', noticeTo: '2025-07-06' },
      '2025-07-10',
      null,
    ],
    [
      '预审 after a four-day 公示',
      CANDIDATE.slice(0, 11),
      'pre_approval',
      '2025-07-09',
      { noticeFrom: '2025-07-02', noticeTo: '2025-07-05' },
      '2025-07-10',
      'DEVELOPMENT.NOTICE_TOO_SHORT',
    ],
    [
      '预审 on the 公示’s last day',
      CANDIDATE.slice(0, 11),
      'pre_approval',
      '2025-07-06',
      { noticeFrom: '2025-07-02', noticeTo: '2025-07-06' },
      '2025-07-10',
      'DEVELOPMENT.NOTICE_TOO_SHORT',
    ],
    [
      '公示 begun before the 支委会审查',
      CANDIDATE.slice(0, 11),
      'pre_approval',
      '2025-07-09',
      { noticeFrom: '2025-06-30', noticeTo: '2025-07-06' },
      '2025-07-10',
      'DATE.BEFORE_PREVIOUS',
    ],
    [
      '接收 with 5 of 9 in favour',
      CANDIDATE,
      'admission_vote',
      '2025-07-20',
      { vote: { eligible: 9, present: 6, inFavour: 5 } },
      '2025-07-21',
      null,
    ],
    [
      '接收 with 4 of 9 in favour',
      CANDIDATE,
      'admission_vote',
      '2025-07-20',
      { vote: { eligible: 9, present: 8, inFavour: 4 } },
      '2025-07-21',
      'DEVELOPMENT.VOTE_FAILED',
    ],
    [
      '接收 without a quorum',
      CANDIDATE,
      'admission_vote',
      '2025-07-20',
      { vote: { eligible: 9, present: 4, inFavour: 4 } },
      '2025-07-21',
      'DEVELOPMENT.VOTE_FAILED',
    ],
    [
      '审批 before the 上级党委 talked with them',
      [...CANDIDATE, rec('admission_vote', '2025-07-20')],
      'admission_approval',
      '2025-08-01',
      {},
      '2025-08-02',
      'DEVELOPMENT.STEP_OUT_OF_ORDER',
    ],
    [
      '转正申请 31 days before the probation ends',
      PROBATIONARY,
      'conversion_application',
      '2026-06-19',
      {},
      '2026-06-25',
      'DEVELOPMENT.STEP_TOO_EARLY',
    ],
    ['转正申请 30 days before it ends', PROBATIONARY, 'conversion_application', '2026-06-20', {}, '2026-06-25', null],
    [
      '转正 discussed the day before the probation ends',
      [...PROBATIONARY, rec('conversion_application', '2026-06-25')],
      'conversion_vote',
      '2026-07-19',
      {},
      '2026-07-25',
      'DEVELOPMENT.STEP_TOO_EARLY',
    ],
    [
      '转正 discussed the day it ends',
      [...PROBATIONARY, rec('conversion_application', '2026-06-25')],
      'conversion_vote',
      '2026-07-20',
      {},
      '2026-07-25',
      null,
    ],
    [
      'a second 延长预备期',
      [...EXTENDED, rec('conversion_application', '2026-12-25')],
      'conversion_vote',
      '2027-01-20',
      { outcome: 'extend', extensionMonths: 6 },
      '2027-01-25',
      'DEVELOPMENT.EXTENSION_USED',
    ],
    [
      '转正 after the extension, on its new end',
      [...EXTENDED, rec('conversion_application', '2026-12-25')],
      'conversion_vote',
      '2027-01-20',
      {},
      '2027-01-25',
      null,
    ],
    [
      '转正 after the extension, on the old end',
      [...EXTENDED, rec('conversion_application', '2026-12-25')],
      'conversion_vote',
      '2026-12-30',
      {},
      '2027-01-25',
      'DEVELOPMENT.STEP_TOO_EARLY',
    ],
    [
      'another 转正申请 once converted',
      FORMAL,
      'conversion_application',
      '2026-09-01',
      {},
      '2026-09-02',
      'DEVELOPMENT.STEP_DONE',
    ],
    ['归档 once converted', FORMAL, 'archiving', '2026-09-01', {}, '2026-09-02', null],
    ['anything on a closed file', ACTIVIST, 'candidate_decision', '2025-05-10', {}, '2025-06-01', 'DEVELOPMENT.CLOSED'],
  ])('%s', (name, steps, step, on, extra, today, refusal) => {
    const closed = name.includes('closed file') ? { on: '2024-12-01', reason: '调离本校' } : null
    expect(stepRefusal(file(steps, [], closed), { on, details: detailsOf(step, extra) }, today, FORMAL_MEMBERS)).toBe(
      refusal,
    )
  })
  it('refuses every step of a cancelled file', () => {
    const cancelled = [
      ...PROBATIONARY,
      rec('conversion_application', '2026-06-25'),
      rec('conversion_vote', '2026-07-20', { outcome: 'cancel' }),
      rec('conversion_approval', '2026-08-01'),
    ]
    expect(stateOf(file(cancelled)).stage).toBe('cancelled')
    expect(
      stepRefusal(file(cancelled), { on: '2026-08-02', details: detailsOf('archiving') }, '2026-08-03', new Set()),
    ).toBe('DEVELOPMENT.CLOSED')
  })
})

describe('the timeline', () => {
  it.each<[string, StepRecord[], string, [DevelopmentStep, string, string | null][]]>([
    [
      'a fresh applicant: talk within a month',
      [APPLIED[0]],
      'applicant',
      [['application_talk', '2024-03-01', '2024-04-01']],
    ],
    [
      'a new 积极分子: filing and 培养联系人 in any order',
      ACTIVIST.slice(0, 3),
      'activist',
      [
        ['activist_filing', '2024-05-10', null],
        ['contacts_assigned', '2024-05-10', null],
      ],
    ],
    [
      'a 积极分子 in training: 发展对象 after a year',
      ACTIVIST,
      'activist',
      [['candidate_decision', '2025-05-10', null]],
    ],
    [
      'a 发展对象: four steps in any order',
      CANDIDATE.slice(0, 6),
      'candidate',
      [
        ['candidate_filing', '2025-05-10', null],
        ['introducers_assigned', '2025-05-10', null],
        ['political_review', '2025-05-10', null],
        ['intensive_training', '2025-05-10', null],
      ],
    ],
    [
      'accepted, waiting for approval within three months',
      VOTED,
      'candidate',
      [['admission_approval', '2025-08-01', '2025-10-20']],
    ],
    [
      'a 预备党员: 转正申请 in the last month',
      PROBATIONARY,
      'probationary',
      [['conversion_application', '2026-06-20', null]],
    ],
    [
      '转正 voted: approval within three months',
      CONVERSION_VOTED,
      'probationary',
      [['conversion_approval', '2026-07-20', '2026-10-20']],
    ],
    [
      'extended six months: 转正 again for the new end',
      EXTENDED,
      'probationary',
      [['conversion_application', '2026-12-21', null]],
    ],
    ['converted: only 归档 remains', FORMAL, 'formal', [['archiving', '2026-08-15', null]]],
  ])('%s', (_case, steps, stage, next) => {
    expect(stateOf(file(steps)).stage).toBe(stage)
    expect(nextSteps(file(steps)).map((item) => [item.step, item.earliestOn, item.latestOn])).toEqual(next)
  })

  it('counts a year of training from a leap day to the last day of February', () => {
    const leap = [...APPLIED, rec('activist_decision', '2024-02-29'), rec('activist_filing', '2024-03-01')]
    const withContacts = [...leap, rec('contacts_assigned', '2024-03-01')]
    expect(nextSteps(file(withContacts)).find((item) => item.step === 'candidate_decision')?.earliestOn).toBe(
      '2025-02-28',
    )
  })

  it('ends the probation a year after the 支部大会, later by an approved extension', () => {
    expect(stateOf(file(VOTED)).probationEndsOn).toBe('2026-07-20')
    expect(stateOf(file(EXTENDED)).probationEndsOn).toBe('2027-01-20')
    const extendedByAYear = [
      ...PROBATIONARY,
      rec('conversion_application', '2026-06-25'),
      rec('conversion_vote', '2026-07-25', { outcome: 'extend', extensionMonths: 12 }),
      rec('conversion_approval', '2026-08-10'),
    ]
    expect(stateOf(file(extendedByAYear)).probationEndsOn).toBe('2027-07-20')
  })

  it('lists the checklist materials not yet uploaded, step by step', () => {
    const bare = ACTIVIST.map((record) => ({ ...record, materials: [] }))
    expect(missingMaterials(bare)).toEqual([
      { step: 'application', material: 'application_letter' },
      { step: 'application_talk', material: 'talk_record' },
      { step: 'activist_decision', material: 'recommendation' },
      { step: 'activist_decision', material: 'committee_minutes' },
      { step: 'activist_filing', material: 'filing_form' },
    ])
    expect(missingMaterials(ACTIVIST)).toEqual([])
  })

  it.each([
    ['24 学时', 24, false],
    ['20 学时', 20, true],
  ])('集中培训 of %s is short: %s', (_case, hours, short) => {
    expect(trainingShort(file([...CANDIDATE.slice(0, 9), rec('intensive_training', '2025-06-15', { hours })]))).toBe(
      short,
    )
  })

  it.each<[string, StepRecord[], string[], string, string[]]>([
    ['a note every quarter', ACTIVIST, ['2024-08-01', '2024-11-01', '2025-02-01'], '2025-04-15', []],
    ['no note in the fourth quarter', ACTIVIST, ['2024-08-01', '2025-02-01'], '2025-04-15', ['2024-Q4']],
    ['the quarter the training began in is not owed', ACTIVIST, [], '2024-09-29', []],
    ['a quarter ends without a note', ACTIVIST, [], '2024-10-01', ['2024-Q3']],
    [
      'training over: only its own quarters count',
      CANDIDATE.slice(0, 6),
      ['2024-08-01', '2024-11-01'],
      '2026-01-01',
      ['2025-Q1'],
    ],
    [
      'probation watched quarter by quarter too',
      PROBATIONARY,
      ['2024-08-01', '2024-11-01', '2025-02-01', '2025-10-10'],
      '2026-04-02',
      ['2026-Q1'],
    ],
  ])('%s', (_case, steps, reviews, today, gaps) => {
    expect(reviewGaps(file(steps, reviews), today)).toEqual(gaps)
  })
})

describe("the secretary's due list", () => {
  const texts = (steps: StepRecord[], today: string, reviews: string[] = []) =>
    dueItems(file(steps, reviews), today).map((item) => [item.kind, item.days, item.overdue, item.text])

  it.each<[string, StepRecord[], string, [string, number, boolean, string][]]>([
    [
      'a talk due within the month',
      [rec('application', '2026-03-01')],
      '2026-03-10',
      [['talk', 22, false, '张三 的入党申请谈话应在 4月1日 前完成']],
    ],
    [
      'a talk a month late',
      [rec('application', '2026-03-01')],
      '2026-04-05',
      [['talk', -4, true, '张三 递交入党申请已超过一个月，尚未谈话']],
    ],
    [
      'training nearly a year long',
      ACTIVIST,
      '2025-04-20',
      [['candidate_ready', 20, false, '张三 培养期将于 20 天后满一年，届时可确定为发展对象']],
    ],
    [
      'training over a year: ready, never overdue',
      ACTIVIST,
      '2025-07-01',
      [['candidate_ready', -52, false, '张三 培养期已满一年，可确定为发展对象']],
    ],
    [
      'admission waiting for approval',
      VOTED,
      '2025-10-01',
      [['admission_approval', 19, false, '张三 接收预备党员的决议待上级党委审批，应在 10月20日 前审批']],
    ],
    [
      'admission approval past three months',
      VOTED,
      '2025-10-25',
      [['admission_approval', -5, true, '张三 接收预备党员的审批已超过三个月期限 5 天']],
    ],
    ['probation ends in 31 days: not yet', PROBATIONARY, '2026-06-19', []],
    [
      'probation ends in 30 days',
      PROBATIONARY,
      '2026-06-20',
      [['probation_end', 30, false, '张三 预备期将于 30 天后届满']],
    ],
    ['probation ends today', PROBATIONARY, '2026-07-20', [['probation_end', 0, false, '张三 预备期今天届满']]],
    [
      'probation ended five days ago',
      PROBATIONARY,
      '2026-07-25',
      [['conversion_vote', 25, false, '张三 预备期已于 7月20日 届满，请在 8月19日 前召开支部大会讨论转正']],
    ],
    [
      'probation ended 36 days ago without a vote',
      PROBATIONARY,
      '2026-08-25',
      [['conversion_vote', -6, true, '张三 预备期已于 7月20日 届满，已超过 36 天未讨论转正']],
    ],
    [
      'extended: the new end falls due',
      EXTENDED,
      '2026-12-21',
      [['probation_end', 30, false, '张三 预备期将于 30 天后届满']],
    ],
    ['converted: nothing more', FORMAL, '2026-08-20', []],
  ])('%s', (_case, steps, today, expected) => {
    const reviewed = ['2025-10-10', '2025-12-20', '2026-02-10', '2026-04-10', '2026-06-10', '2026-08-10', '2026-12-10']
    expect(texts(steps, today, [...reviewed, '2024-08-01', '2025-02-01', '2025-04-01', '2025-07-01'])).toEqual(expected)
  })

  it('asks for this quarter’s 考察记录 in its last 30 days', () => {
    expect(texts(ACTIVIST, '2024-12-10', ['2024-08-01'])).toEqual([
      ['review', 21, false, '张三 本季度还没有考察记录（21 天后季度结束）'],
    ])
    expect(texts(ACTIVIST, '2024-12-10', ['2024-11-01'])).toEqual([])
    expect(texts(ACTIVIST, '2024-11-30', ['2024-08-01'])).toEqual([])
  })
})

describe('the roster without retyping', () => {
  it.each<[string, StepRecord[], unknown]>([
    ['accepted but not yet approved: not on the roster', VOTED, null],
    [
      'approved: a 预备党员 who joined the day of the 支部大会',
      PROBATIONARY,
      { memberType: 'probationary', joinedOn: '2025-07-20', probationEndsOn: '2026-07-20' },
    ],
    [
      'extended: the expected 转正 date moves',
      EXTENDED,
      { memberType: 'probationary', joinedOn: '2025-07-20', probationEndsOn: '2027-01-20' },
    ],
    ['converted: a 正式党员', FORMAL, { memberType: 'formal', joinedOn: '2025-07-20', probationEndsOn: null }],
  ])('%s', (_case, steps, fields) => {
    expect(rosterFieldsOf(file(steps))).toEqual(fields)
  })
})

describe("the bureau's pipeline figures", () => {
  const files = [
    file([rec('application', '2026-02-01')]),
    file(ACTIVIST),
    file(CANDIDATE),
    file(PROBATIONARY),
    file(FORMAL),
    file(ACTIVIST, [], { on: '2025-01-01', reason: '调离' }),
  ]
  it('counts people per stage', () => {
    expect(stageCounts(files)).toEqual({
      applicant: 1,
      activist: 1,
      candidate: 1,
      probationary: 1,
      formal: 1,
      cancelled: 0,
      closed: 1,
    })
  })
  it.each([
    [2024, { applications: 5, activists: 5, candidates: 0, admitted: 0, converted: 0 }],
    [2025, { applications: 0, activists: 0, candidates: 3, admitted: 2, converted: 0 }],
    [2026, { applications: 1, activists: 0, candidates: 0, admitted: 0, converted: 1 }],
  ])('counts who entered each stage in %i', (year, totals) => {
    expect(yearTotals(files, year)).toEqual(totals)
  })
})

describe('steps on time (for the assessment)', () => {
  it('lists each deadline the 细则 sets, with the day it was met', () => {
    expect(deadlinesOf(EXTENDED).map((d) => [d.step, d.latestOn, d.doneOn])).toEqual([
      ['application_talk', '2024-04-01', '2024-03-20'],
      ['admission_approval', '2025-10-20', '2025-09-10'],
      ['conversion_vote', '2026-08-19', '2026-07-25'],
      ['conversion_approval', '2026-10-25', '2026-08-10'],
      ['conversion_vote', '2027-02-19', null],
    ])
  })
  it.each<[string, FileFacts[], number, string, { due: number; onTime: number }]>([
    ['converted on time: two deadlines in 2026, both met', [file(FORMAL)], 2026, '2027-01-05', { due: 2, onTime: 2 }],
    ['the admission approved within three months', [file(FORMAL)], 2025, '2026-01-05', { due: 1, onTime: 1 }],
    [
      'a talk five weeks after the application',
      [file([rec('application', '2026-03-01'), rec('application_talk', '2026-04-05')])],
      2026,
      '2026-12-31',
      { due: 1, onTime: 0 },
    ],
    [
      'a talk still not held after the month',
      [file([rec('application', '2026-03-01')])],
      2026,
      '2026-04-02',
      { due: 1, onTime: 0 },
    ],
    [
      'a talk whose month is not over: not judged yet',
      [file([rec('application', '2026-03-01')])],
      2026,
      '2026-03-15',
      { due: 0, onTime: 0 },
    ],
    [
      'a talk held early in its month: judged and met',
      [file(APPLIED.map((r) => ({ ...r, on: r.step === 'application' ? '2026-03-01' : '2026-03-10' })))],
      2026,
      '2026-03-15',
      { due: 1, onTime: 1 },
    ],
    [
      'a file closed before the deadline owes nothing',
      [file([rec('application', '2026-03-01')], [], { on: '2026-03-20', reason: '调离本校' })],
      2026,
      '2026-12-31',
      { due: 0, onTime: 0 },
    ],
    [
      'the extended probation’s vote falls in the next year',
      [file(EXTENDED)],
      2027,
      '2027-03-01',
      { due: 1, onTime: 0 },
    ],
  ])('%s', (_case, files, year, today, expected) => {
    expect(onTimeInYear(files, year, today)).toEqual(expected)
  })
})
