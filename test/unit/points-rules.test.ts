import { applyCaps } from '../../cloudfunctions/domain/points/caps'
import { DEFAULT_CATALOGUE } from '../../cloudfunctions/domain/points/default-rules'
import { gradeOf } from '../../cloudfunctions/domain/points/grades'
import { catalogueProblems, judgeGrant } from '../../cloudfunctions/domain/points/grant'
import { periodKey, periodKeysOf } from '../../cloudfunctions/domain/points/period'
import { rankBranches, rankBy } from '../../cloudfunctions/domain/ranking'
import type { PointsRule } from '../../types/points'

const at = (iso: string) => new Date(iso).getTime()

describe('periods in Asia/Shanghai', () => {
  it.each([
    ['2026-03-31T23:30:00+08:00', '2026-03', '2026-Q1', '2026'],
    ['2026-04-01T00:10:00+08:00', '2026-04', '2026-Q2', '2026'],
    ['2026-03-31T16:10:00Z', '2026-04', '2026-Q2', '2026'], // 00:10 on 1 April in Shanghai
    ['2026-12-31T23:59:59+08:00', '2026-12', '2026-Q4', '2026'],
    ['2026-12-31T16:00:00Z', '2027-01', '2027-Q1', '2027'], // midnight of new year's day in Shanghai
  ])('%s → %s %s %s', (instant, month, quarter, year) => {
    expect(periodKeysOf(at(instant))).toEqual([month, quarter, year, 'all'])
    expect(periodKey('month', at(instant))).toBe(month)
    expect(periodKey('quarter', at(instant))).toBe(quarter)
    expect(periodKey('year', at(instant))).toBe(year)
    expect(periodKey('all', at(instant))).toBe('all')
  })
})

describe('caps at award time', () => {
  const caps = { day: 2, month: 20, year: null }
  it.each([
    ['first study of the day', 1, { day: 0, month: 0, year: 0 }, 1, false],
    ['second study of the day', 1, { day: 1, month: 1, year: 1 }, 1, false],
    ['third study of the day pays nothing', 1, { day: 2, month: 2, year: 2 }, 0, true],
    ['3 asked, 1 left today', 3, { day: 1, month: 1, year: 1 }, 1, true],
    ['month cap bites before the day cap', 2, { day: 0, month: 19, year: 19 }, 1, true],
    ['no year cap: a big year is fine', 1, { day: 0, month: 0, year: 500 }, 1, false],
  ])('%s', (_case, requested, usage, points, capped) => {
    expect(applyCaps(requested, caps, usage)).toEqual({ points, capped })
  })
  it('caps a deduction by its size', () => {
    expect(applyCaps(-3, { day: null, month: null, year: 4 }, { day: 0, month: 0, year: 2 })).toEqual({
      points: -2,
      capped: true,
    })
  })
  it('never caps a rule without caps', () => {
    expect(applyCaps(-2, { day: null, month: null, year: null }, { day: 99, month: 99, year: 99 })).toEqual({
      points: -2,
      capped: false,
    })
  })
})

describe('ranking with ties', () => {
  it.each([
    [
      [10, 8, 8, 5],
      [1, 2, 2, 4],
    ],
    [
      [7, 7, 7],
      [1, 1, 1],
    ],
    [
      [0, 3, 3, 9],
      [1, 2, 2, 4],
    ],
    [[], []],
  ])('%j → ranks %j', (scores, ranks) => {
    expect(
      rankBy(
        scores.map((points) => ({ points })),
        (row) => row.points,
      ).map((row) => row.rank),
    ).toEqual(ranks)
  })
})

describe('fair branch ranking', () => {
  const branches = [
    { branchId: 'big', name: '大支部', members: 50, activeMembers: 48, total: 480, participants: 24 },
    { branchId: 'small', name: '小支部', members: 6, activeMembers: 5, total: 80, participants: 5 },
    { branchId: 'empty', name: '全部病休', members: 2, activeMembers: 0, total: 0, participants: 0 },
  ]
  it('by total the big branch leads', () => {
    expect(rankBranches(branches, 'total').map((row) => row.branchId)).toEqual(['big', 'small', 'empty'])
  })
  it('by average per active non-exempt member the small branch leads', () => {
    const rows = rankBranches(branches, 'average')
    expect(rows.map((row) => [row.branchId, row.average, row.rank])).toEqual([
      ['small', 16, 1],
      ['big', 10, 2],
      ['empty', 0, 3],
    ])
  })
  it('by participation: share of members with any activity', () => {
    expect(rankBranches(branches, 'participation').map((row) => [row.branchId, row.participation])).toEqual([
      ['small', 1],
      ['big', 0.5],
      ['empty', 0],
    ])
  })
  it('two branches with the same average share a rank', () => {
    const rows = rankBranches(
      [
        { branchId: 'a', name: 'A', members: 10, activeMembers: 10, total: 100, participants: 10 },
        { branchId: 'b', name: 'B', members: 5, activeMembers: 5, total: 50, participants: 5 },
      ],
      'average',
    )
    expect(rows.map((row) => row.rank)).toEqual([1, 1])
  })
})

describe('grade bands', () => {
  const bands = { excellent: 90, qualified: 60, basic: 40 }
  it.each([
    [95, 'excellent'],
    [90, 'excellent'],
    [89, 'qualified'],
    [60, 'qualified'],
    [40, 'basic'],
    [39, 'unqualified'],
    [-5, 'unqualified'],
  ] as const)('%i → %s', (points, grade) => {
    expect(gradeOf(points, bands)).toBe(grade)
  })
})

describe('hand awards', () => {
  const rule = (key: string) => DEFAULT_CATALOGUE.rules.find((r) => r.key === key) as PointsRule
  it.each([
    [
      'a secretary records volunteer service with a reason',
      'volunteer',
      ['member', 'branch_secretary'],
      3,
      '社区义务家访',
      { ok: true, points: 3 },
    ],
    [
      'volunteer service without a reason',
      'volunteer',
      ['branch_secretary'],
      2,
      '',
      { ok: false, code: 'POINTS.REASON_REQUIRED' },
    ],
    ['a plain member granting', 'volunteer', ['member'], 2, '帮忙', { ok: false, code: 'POINTS.NOT_GRANTABLE' }],
    [
      'a deduction without a reason',
      'manual_deduction',
      ['bureau_staff'],
      -2,
      ' ',
      { ok: false, code: 'POINTS.REASON_REQUIRED' },
    ],
    [
      'a deduction given as a positive number',
      'manual_deduction',
      ['bureau_staff'],
      2,
      '迟交材料',
      { ok: false, code: 'POINTS.BAD_VALUE' },
    ],
    [
      'study points by hand (events only)',
      'study_checkin',
      ['bureau_staff'],
      1,
      '补录',
      { ok: false, code: 'POINTS.NOT_GRANTABLE' },
    ],
    ['an unknown rule', 'nope', ['bureau_staff'], 1, '原因', { ok: false, code: 'POINTS.RULE_NOT_FOUND' }],
  ] as const)('%s', (_case, key, roles, points, reason, verdict) => {
    expect(judgeGrant(rule(key), roles, points, reason)).toEqual(verdict)
  })
})

describe('the default catalogue', () => {
  it('has unique keys and one rule per automatic event', () => {
    expect(catalogueProblems(DEFAULT_CATALOGUE)).toEqual([])
    const autos = DEFAULT_CATALOGUE.rules.map((rule) => rule.auto).filter(Boolean)
    expect(autos.sort()).toEqual([
      'appraisal.voted',
      'meeting.absent',
      'meeting.late',
      'meeting.present',
      'post.deed',
      'study.checkin',
      'volunteer.hours',
    ])
  })
  it('finds a duplicated key', () => {
    const [first] = DEFAULT_CATALOGUE.rules
    expect(catalogueProblems({ ...DEFAULT_CATALOGUE, rules: [first, first] })).toHaveLength(2)
  })
})
