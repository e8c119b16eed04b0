// 五星支部 scoring on a hand-built year of 第一小学党支部: each computed indicator from its figure, caps,
// what happens with nothing owed or no data, self-assessed items, totals and stars, and "why points were lost".
import { branchScore, starsOf } from '../../cloudfunctions/domain/assessment/branch-score'
import { scoreComputed } from '../../cloudfunctions/domain/assessment/computed-score'
import { type BranchYearData, figureOf } from '../../cloudfunctions/domain/assessment/figures'
import {
  entryComplete,
  type SelfEntry,
  scoreSelf,
  selfScoreRefusal,
} from '../../cloudfunctions/domain/assessment/self-score'
import { offeredSources, unavailableIndicators } from '../../cloudfunctions/domain/assessment/sources'
import { type Indicator, Scheme, type Scoring, SOURCE_KEYS, type SourceKey } from '../../types/assessment'
import type { ComplianceItem } from '../../types/meetings'

type Status = ComplianceItem['status']
const items = (type: ComplianceItem['type'], statuses: Status[]) => statuses.map((status) => ({ type, status }))
const times = (status: Status, n: number): Status[] => Array(n).fill(status)

/** 第一小学党支部's 2026, as each domain reports it on 2027-01-05 (every period of 2026 has ended). */
const YEAR_2026: BranchYearData = {
  meetings: {
    compliance: [
      ...items('general_meeting', ['held', 'held', 'held_late', 'missing']),
      ...items('committee_meeting', [...times('held', 11), 'missing']),
      ...items('group_meeting', times('held', 12)),
      ...items('lecture', times('held', 4)),
      ...items('theme_day', [...times('held', 10), 'missing', 'missing']),
      ...items('study', times('held', 12)),
    ],
  },
  study: { targeted: 240, checkedIn: 216 },
  points: { members: 20, withEntries: 18 },
  yearlyCycle: { talks: { required: 26, covered: 26 }, orgLife: { done: 6, of: 7 }, appraisalDecided: true },
  lifecycle: { dues: { owedMonths: 240, settledMonths: 228 }, development: { due: 4, onTime: 3 } },
  assessment: { members: 20, volunteerHalfHours: 172, designatedMembers: 3 },
}

const computed = (source: SourceKey, maxScore: number, scoring: Scoring): Extract<Indicator, { kind: 'computed' }> => ({
  key: source,
  name: source,
  maxScore,
  guidance: '',
  kind: 'computed',
  source,
  scoring,
})
const FULL_RATIO: Scoring = { method: 'ratio', target: 1 }

describe('each computed indicator on the year', () => {
  it.each<[SourceKey, number, Scoring, number, string]>([
    [
      'meetings_compliance',
      10,
      FULL_RATIO,
      9.4,
      '应开三会一课 32 次，已开 30 次（其中补开 1 次）；三会一课达标率 93.8%，达到 100% 得满分，按比例计分，得 9.4 分，失 0.6 分',
    ],
    [
      'theme_days',
      6,
      { method: 'per_miss', points: 1 },
      4,
      '应开主题党日 12 次，已开 10 次；缺 2 项，每项扣 1 分，得 4 分，失 2 分',
    ],
    [
      'theme_days',
      5,
      { method: 'per_unit', points: 0.5 },
      5,
      '应开主题党日 12 次，已开 10 次；每项 0.5 分，最多 5 分，得满分',
    ],
    [
      'study_participation',
      8,
      { method: 'ratio', target: 0.9 },
      8,
      '应学 240 人次，已学 216 人次；学习打卡参与率 90%，达到 90% 得满分，按比例计分，得满分',
    ],
    [
      'points_activity',
      5,
      FULL_RATIO,
      4.5,
      '党员 20 名，本年有积分记录 18 名；积分活跃党员占比 90%，达到 100% 得满分，按比例计分，得 4.5 分，失 0.5 分',
    ],
    [
      'talk_coverage',
      5,
      FULL_RATIO,
      5,
      '应开展谈心谈话 26 人次，已完成 26 人次；谈心谈话覆盖率 100%，达到 100% 得满分，按比例计分，得满分',
    ],
    [
      'org_life',
      7,
      { method: 'per_unit', points: 1 },
      6,
      '组织生活会 7 个步骤已完成 6 个；每项 1 分，最多 7 分，得 6 分，失 1 分',
    ],
    [
      'appraisal',
      5,
      FULL_RATIO,
      5,
      '民主评议党员已确定等次；民主评议党员完成 100%，达到 100% 得满分，按比例计分，得满分',
    ],
    [
      'dues_collection',
      5,
      FULL_RATIO,
      4.8,
      '应交党费 240 人月，已交 228 人月；党费收缴率 95%，达到 100% 得满分，按比例计分，得 4.8 分，失 0.2 分',
    ],
    [
      'development_on_time',
      4,
      { method: 'per_miss', points: 2 },
      2,
      '发展党员应按期办理 4 项，按期办理 3 项；缺 1 项，每项扣 2 分，得 2 分，失 2 分',
    ],
    [
      'volunteer_hours',
      6,
      { method: 'ratio', target: 8 },
      3.2,
      '志愿服务共 86 小时，党员 20 名，人均 4.3 小时；志愿服务人均时长 人均 4.3 小时，达到 人均 8 小时 得满分，按比例计分，得 3.2 分，失 2.8 分',
    ],
    [
      'model_posts',
      3,
      { method: 'per_unit', points: 1.5 },
      3,
      '党员 20 名，设岗定责 3 名；每项 1.5 分，最多 3 分，得满分',
    ],
  ])('%s (max %i) → %d', (source, max, scoring, score, reason) => {
    const result = scoreComputed(computed(source, max, scoring), figureOf(source, YEAR_2026))
    expect(result.score).toBe(score)
    expect(result.lost).toBe(Math.round((max - score) * 10) / 10)
    expect(result.reason).toBe(reason)
    expect(result.state).toBe('computed')
  })

  it('covers every source the scheme may use', () => {
    for (const source of SOURCE_KEYS) expect(figureOf(source, YEAR_2026)).not.toBeNull()
  })
})

describe('caps and edges', () => {
  it.each<[string, SourceKey, number, Scoring, BranchYearData, number, string]>([
    [
      'a ratio beyond its target stays at the maximum',
      'study_participation',
      8,
      { method: 'ratio', target: 0.5 },
      YEAR_2026,
      8,
      'computed',
    ],
    [
      'per unit never exceeds the maximum',
      'theme_days',
      3,
      { method: 'per_unit', points: 1 },
      YEAR_2026,
      3,
      'computed',
    ],
    ['per miss never goes below zero', 'theme_days', 2, { method: 'per_miss', points: 5 }, YEAR_2026, 0, 'computed'],
    [
      'no study task all year: nothing missed, full marks',
      'study_participation',
      8,
      FULL_RATIO,
      { study: { targeted: 0, checkedIn: 0 } },
      8,
      'computed',
    ],
    [
      'January: no meeting owed yet, full marks so far',
      'meetings_compliance',
      10,
      FULL_RATIO,
      { meetings: { compliance: items('committee_meeting', ['due']) } },
      10,
      'computed',
    ],
    [
      'no dues bases entered: no data, no marks',
      'dues_collection',
      5,
      FULL_RATIO,
      { lifecycle: { dues: { owedMonths: 0, settledMonths: 0 }, development: { due: 0, onTime: 0 } } },
      0,
      'no_data',
    ],
    [
      'no steps fell due: full marks',
      'development_on_time',
      4,
      { method: 'per_miss', points: 2 },
      { lifecycle: { dues: { owedMonths: 0, settledMonths: 0 }, development: { due: 0, onTime: 0 } } },
      4,
      'computed',
    ],
    [
      'the domain is not there: no data',
      'dues_collection',
      5,
      FULL_RATIO,
      { meetings: { compliance: [] } },
      0,
      'no_data',
    ],
  ])('%s', (_case, source, max, scoring, data, score, state) => {
    const result = scoreComputed(computed(source, max, scoring), figureOf(source, data))
    expect([result.score, result.state]).toEqual([score, state])
  })

  it('rounds to the tenth, half up', () => {
    const third = scoreComputed(computed('study_participation', 10, FULL_RATIO), {
      numerator: 1,
      denominator: 3,
      text: '',
    })
    expect(third.score).toBe(3.3)
    const half = scoreComputed(computed('study_participation', 1, FULL_RATIO), {
      numerator: 1,
      denominator: 4,
      text: '',
    })
    expect(half.score).toBe(0.3)
  })
})

describe('self-assessed items', () => {
  const indicator = {
    key: 'brand',
    name: '党建品牌创建',
    maxScore: 10,
    guidance: '',
    kind: 'self' as const,
    evidenceRequired: true,
  }
  const entry = (over: Partial<SelfEntry>): SelfEntry => ({
    text: '创建“红烛先锋”党建品牌，开展送教下乡12次',
    fileIds: ['cloud://env/brand.jpg'],
    claimedScore: null,
    score: null,
    comment: null,
    ...over,
  })
  it.each<[string, SelfEntry | undefined, number | null, string, string]>([
    ['not written', undefined, 0, 'not_submitted', '未填写自评材料'],
    ['written, waiting', entry({}), null, 'claimed', '已填写，待教育局党委评分'],
    ['written with a claimed 9', entry({ claimedScore: 9 }), 9, 'claimed', '自评 9 分，待教育局党委评分'],
    ['scored in full', entry({ claimedScore: 9, score: 10, comment: '' }), 10, 'scored', '得满分'],
    [
      'scored 7.5 with the reason',
      entry({ score: 7.5, comment: '品牌特色不够鲜明，佐证材料不全' }),
      7.5,
      'scored',
      '失 2.5 分：品牌特色不够鲜明，佐证材料不全',
    ],
  ])('%s', (_case, given, score, state, reason) => {
    expect(scoreSelf(indicator, given)).toMatchObject({ score, state, reason })
  })
  it.each<[string, Indicator, number, string | null, string | null]>([
    ['a full score without comment', indicator, 10, '', null],
    ['a deduction with its reason', indicator, 8, '材料不全', null],
    ['a deduction without a reason', indicator, 8, '  ', 'ASSESSMENT.COMMENT_REQUIRED'],
    ['above the maximum', indicator, 10.5, '好', 'ASSESSMENT.SCORE_OVER_MAX'],
    ['a branch claiming less than full (no comment needed)', indicator, 8, null, null],
    ['scoring a computed indicator', computed('dues_collection', 5, FULL_RATIO), 5, '', 'ASSESSMENT.NOT_SELF_ASSESSED'],
  ])('%s', (_case, target, score, comment, refusal) => {
    expect(selfScoreRefusal(target, score, comment)).toBe(refusal)
  })
  it.each<[string, SelfEntry | undefined, boolean]>([
    ['written with a photo', entry({}), true],
    ['written without the evidence asked for', entry({ fileIds: [] }), false],
    ['not written', undefined, false],
  ])('ready to submit: %s → %s', (_case, given, ready) => {
    expect(entryComplete(indicator, given)).toBe(ready)
  })
})

const SCHEME: Scheme = Scheme.parse({
  year: 2026,
  name: '2026年度五星支部创建考核细则',
  areas: [
    {
      key: 'a1',
      name: '组织生活',
      indicators: [
        {
          key: 'a1_1',
          name: '三会一课',
          maxScore: 10,
          kind: 'computed',
          source: 'meetings_compliance',
          scoring: FULL_RATIO,
        },
        {
          key: 'a1_2',
          name: '主题党日',
          maxScore: 6,
          kind: 'computed',
          source: 'theme_days',
          scoring: { method: 'per_miss', points: 1 },
        },
      ],
    },
    {
      key: 'a2',
      name: '作用发挥',
      indicators: [
        { key: 'a2_1', name: '党建品牌', maxScore: 10, kind: 'self' },
        {
          key: 'a2_2',
          name: '志愿服务',
          maxScore: 4,
          kind: 'computed',
          source: 'volunteer_hours',
          scoring: { method: 'ratio', target: 8 },
        },
      ],
    },
  ],
  stars: [
    { stars: 3, minScore: 20 },
    { stars: 4, minScore: 25 },
    { stars: 5, minScore: 28 },
  ],
})

describe('a branch’s total and stars', () => {
  it.each([
    [19.9, 0],
    [20, 3],
    [24.9, 3],
    [25, 4],
    [28, 5],
    [30, 5],
  ])('%d points → %i stars', (total, stars) => {
    expect(starsOf(total, SCHEME.stars)).toBe(stars)
  })

  it('adds areas and indicators in tenths and stays provisional until the bureau scores', () => {
    const waiting = branchScore(SCHEME, YEAR_2026, new Map())
    expect(waiting.areas.map((area) => [area.name, area.score, area.maxScore])).toEqual([
      ['组织生活', 13.4, 16],
      ['作用发挥', 2.2, 14],
    ])
    expect(waiting).toMatchObject({ total: 15.6, maxScore: 30, stars: 0, provisional: true })

    const scored = branchScore(
      SCHEME,
      YEAR_2026,
      new Map([
        ['a2_1', { text: '创建党建品牌', fileIds: ['f'], claimedScore: 10, score: 9, comment: '特色不够鲜明' }],
      ]),
    )
    expect(scored).toMatchObject({ total: 24.6, stars: 3, provisional: false })
    expect(scored.areas[1].indicators[0]).toMatchObject({ score: 9, lost: 1, reason: '失 1 分：特色不够鲜明' })
  })
})

describe('sources offered', () => {
  it.each<[string, string[], SourceKey[]]>([
    [
      'today’s functions',
      ['roster', 'meetings', 'study', 'points', 'bureau'],
      ['meetings_compliance', 'theme_days', 'study_participation', 'points_activity'],
    ],
    [
      'with the yearly cycle',
      ['meetings', 'yearly-cycle'],
      ['meetings_compliance', 'theme_days', 'talk_coverage', 'org_life', 'appraisal'],
    ],
    ['everything', ['meetings', 'study', 'points', 'yearly-cycle', 'lifecycle', 'assessment'], SOURCE_KEYS],
  ])('%s', (_case, deployed, offered) => {
    expect(offeredSources(new Set(deployed))).toEqual(offered)
  })
  it('names the indicators a scheme may not use yet', () => {
    expect(unavailableIndicators(SCHEME, offeredSources(new Set(['meetings'])))).toEqual(['a2_2'])
    expect(unavailableIndicators(SCHEME, SOURCE_KEYS)).toEqual([])
  })
})
