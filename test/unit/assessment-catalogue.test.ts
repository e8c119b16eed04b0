// The indicator catalogue a bureau edits: schema rules, the .xlsx sheet both ways; 示范岗 periods;
// 志愿服务 sign-up and hours.
import { designatedInYear, inForce, overlapsExisting } from '../../cloudfunctions/domain/assessment/designation'
import { schemeFromRows, schemeRows } from '../../cloudfunctions/domain/assessment/scheme-sheet'
import { SOURCE_DEFINITIONS } from '../../cloudfunctions/domain/assessment/sources'
import { creditRefusal, lengthInHalfHours, signUpRefusal } from '../../cloudfunctions/domain/assessment/volunteer'
import { type DesignationDoc, Scheme, SOURCE_KEYS } from '../../types/assessment'

const at = (iso: string) => new Date(`${iso}+08:00`).getTime()

const SCHEME = Scheme.parse({
  year: 2026,
  name: '五星支部创建',
  areas: [
    {
      key: 'a1',
      name: '组织建设',
      indicators: [
        {
          key: 'a1_1',
          name: '三会一课',
          maxScore: 10,
          kind: 'computed',
          source: 'meetings_compliance',
          scoring: { method: 'ratio', target: 0.9 },
          guidance: '按达标率计分',
        },
        {
          key: 'a1_2',
          name: '党费收缴',
          maxScore: 5,
          kind: 'computed',
          source: 'dues_collection',
          scoring: { method: 'ratio', target: 1 },
        },
      ],
    },
    {
      key: 'a2',
      name: '作用发挥',
      indicators: [
        { key: 'a2_1', name: '党建品牌', maxScore: 10.5, kind: 'self', evidenceRequired: true },
        {
          key: 'a2_2',
          name: '志愿服务',
          maxScore: 4,
          kind: 'computed',
          source: 'volunteer_hours',
          scoring: { method: 'ratio', target: 8 },
        },
        {
          key: 'a2_3',
          name: '主题党日',
          maxScore: 3,
          kind: 'computed',
          source: 'theme_days',
          scoring: { method: 'per_miss', points: 0.5 },
        },
        { key: 'a2_4', name: '谈心谈话记录', maxScore: 2, kind: 'self', evidenceRequired: false },
      ],
    },
  ],
  stars: [
    { stars: 4, minScore: 26 },
    { stars: 5, minScore: 31 },
  ],
})

describe('the scheme schema', () => {
  const refusal = (value: unknown) => {
    const parsed = Scheme.safeParse(value)
    return parsed.success ? null : parsed.error.issues.map((issue) => issue.message)
  }
  it.each<[string, unknown, string]>([
    [
      'two indicators with one code',
      { ...SCHEME, areas: [SCHEME.areas[0], { ...SCHEME.areas[1], key: 'a1' }] },
      '方面和指标的编码不能重复',
    ],
    [
      'star lines out of order',
      {
        ...SCHEME,
        stars: [
          { stars: 5, minScore: 31 },
          { stars: 4, minScore: 26 },
        ],
      },
      '星级分数线应按星级从低到高排列，且星级越高分数线越高',
    ],
    [
      'a higher star on a lower line',
      {
        ...SCHEME,
        stars: [
          { stars: 4, minScore: 31 },
          { stars: 5, minScore: 26 },
        ],
      },
      '星级分数线应按星级从低到高排列，且星级越高分数线越高',
    ],
    [
      'a star line above the total (34.5)',
      { ...SCHEME, stars: [{ stars: 5, minScore: 35 }] },
      '星级分数线不能高于总分',
    ],
    [
      'an indicator worth nothing',
      { ...SCHEME, areas: [{ ...SCHEME.areas[0], indicators: [{ ...SCHEME.areas[0].indicators[1], maxScore: 0 }] }] },
      '满分应大于0',
    ],
    [
      'a score of 2.25',
      {
        ...SCHEME,
        areas: [{ ...SCHEME.areas[0], indicators: [{ ...SCHEME.areas[0].indicators[1], maxScore: 2.25 }] }],
      },
      '分值最多保留一位小数',
    ],
    ['an empty area', { ...SCHEME, areas: [{ ...SCHEME.areas[0], indicators: [] }] }, '每个方面至少有一项指标'],
    [
      'a zero target',
      {
        ...SCHEME,
        areas: [
          {
            ...SCHEME.areas[0],
            indicators: [{ ...SCHEME.areas[0].indicators[1], scoring: { method: 'ratio', target: 0 } }],
          },
        ],
      },
      '目标值应大于0',
    ],
  ])('refuses %s', (_case, value, message) => {
    expect(refusal(value)).toContain(message)
  })
  it('names every source in Chinese, once', () => {
    const names = SOURCE_KEYS.map((key) => SOURCE_DEFINITIONS[key].name)
    expect(new Set(names).size).toBe(names.length)
    for (const name of names) expect(name).toMatch(/^[\u4e00-\u9fa5]+$/)
  })
})

describe('the catalogue sheet', () => {
  const meta = { year: 2026, name: '五星支部创建' }
  it('exports a row per indicator and per star line', () => {
    expect(schemeRows(SCHEME)).toEqual([
      ['方面', '指标', '分值', '评分方式', '数据来源', '计分办法', '参数', '说明'],
      ['组织建设', '三会一课', '10', '数据', '三会一课达标率', '按比例', '90%', '按达标率计分'],
      ['组织建设', '党费收缴', '5', '数据', '党费收缴率', '按比例', '100%', ''],
      ['作用发挥', '党建品牌', '10.5', '自评', '', '需佐证材料', '', ''],
      ['作用发挥', '志愿服务', '4', '数据', '志愿服务人均时长', '按比例', '8', ''],
      ['作用发挥', '主题党日', '3', '数据', '主题党日开展率', '缺项扣分', '0.5', ''],
      ['作用发挥', '谈心谈话记录', '2', '自评', '', '无需佐证', '', ''],
      ['星级', '四星', '26', '', '', '', '', ''],
      ['星级', '五星', '31', '', '', '', '', ''],
    ])
  })
  it('reads its own export back to the same scheme', () => {
    expect(schemeFromRows(schemeRows(SCHEME), meta, SOURCE_KEYS)).toEqual({
      headers: true,
      scheme: SCHEME,
      problems: [],
    })
  })
  it('reads a bureau’s own sheet: columns in another order, merged 方面 cells, full-width digits, 90 for 90%', () => {
    const rows = [
      ['指标', '方面', '评分方式', '分值', '数据来源', '计分办法', '参数'],
      ['三会一课', '组织建设', '数据', '１０', '三会一课达标率', '按比例', '90'],
      ['党建品牌', '', '自评', '10', '', '', ''],
      ['', '', '', '', '', '', ''],
      ['五星', '星级', '', '9', '', '', ''],
    ]
    const reading = schemeFromRows(rows, meta, SOURCE_KEYS)
    expect(reading).toMatchObject({ headers: true, problems: [] })
    expect(reading.headers && reading.scheme?.areas).toEqual([
      {
        key: 'a1',
        name: '组织建设',
        indicators: [
          {
            key: 'a1_1',
            name: '三会一课',
            maxScore: 10,
            guidance: '',
            kind: 'computed',
            source: 'meetings_compliance',
            scoring: { method: 'ratio', target: 0.9 },
          },
          { key: 'a1_2', name: '党建品牌', maxScore: 10, guidance: '', kind: 'self', evidenceRequired: true },
        ],
      },
    ])
  })
  it.each<[string, string[], string]>([
    [
      'an unknown source',
      ['组织建设', '组织力', '5', '数据', '组织力指数', '按比例', '100%'],
      '第 2 行：数据来源“组织力指数”不在可选范围内',
    ],
    [
      'a source not offered',
      ['组织建设', '党费', '5', '数据', '党费收缴率', '按比例', '100%'],
      '第 2 行：数据来源“党费收缴率”尚未启用',
    ],
    [
      'an unknown scoring way',
      ['组织建设', '三会一课', '5', '数据', '三会一课达标率', '综合评定', '1'],
      '第 2 行：计分办法应为“按比例”“按项计分”或“缺项扣分”',
    ],
    [
      'a missing parameter',
      ['组织建设', '三会一课', '5', '数据', '三会一课达标率', '按比例', ''],
      '第 2 行：请在“参数”中填写目标值或每项分值',
    ],
    [
      'a score in words',
      ['组织建设', '三会一课', '十分', '数据', '三会一课达标率', '按比例', '1'],
      '第 2 行：分值应为数字',
    ],
    ['an unknown 评分方式', ['组织建设', '三会一课', '5', '考评', '', '', ''], '第 2 行：评分方式应为“数据”或“自评”'],
    ['a six-star line', ['星级', '六星', '95', '', '', '', ''], '第 2 行：星级应为一星至五星'],
  ])('names the row of %s', (_case, row, message) => {
    const header = ['方面', '指标', '分值', '评分方式', '数据来源', '计分办法', '参数']
    const reading = schemeFromRows([header, row, ['星级', '一星', '1']], meta, ['meetings_compliance'])
    expect(reading.headers && reading.problems.map((problem) => problem.message)).toContain(message)
    expect(reading.headers && reading.scheme).toBeNull()
  })
  it('says when the columns are not a catalogue', () => {
    expect(schemeFromRows([['姓名', '手机号码']], meta, SOURCE_KEYS)).toEqual({ headers: false })
    expect(schemeFromRows([], meta, SOURCE_KEYS)).toEqual({ headers: false })
  })
})

describe('党员示范岗 periods', () => {
  const held = (over: Partial<DesignationDoc> = {}) => ({
    memberId: 'm_li',
    kind: 'model_post' as const,
    from: '2026-03-01',
    to: '2026-08-31',
    endedOn: null,
    ...over,
  })
  it.each<[string, ReturnType<typeof held>, boolean]>([
    ['the same post, overlapping', held({ from: '2026-08-01', to: '2027-01-31' }), true],
    ['the same post, starting the day after', held({ from: '2026-09-01', to: '2027-02-28' }), false],
    ['a 先锋岗 at the same time', held({ kind: 'pioneer_post' }), false],
    ['another member', held({ memberId: 'm_wang' }), false],
  ])('%s overlaps: %s', (_case, next, overlaps) => {
    expect(overlapsExisting([held()], next)).toBe(overlaps)
  })
  it('ends early when ended early', () => {
    const ended = held({ endedOn: '2026-05-31' })
    expect(overlapsExisting([ended], held({ from: '2026-06-01', to: '2026-12-31' }))).toBe(false)
    expect([inForce(ended, '2026-05-31'), inForce(ended, '2026-06-01'), inForce(held(), '2026-02-28')]).toEqual([
      true,
      false,
      false,
    ])
  })
})

describe('志愿服务', () => {
  type Activity = Parameters<typeof signUpRefusal>[0]
  const activity: Activity = {
    branchId: 'b1',
    startsAt: at('2026-05-16T08:30:00'),
    endsAt: at('2026-05-16T11:10:00'),
    places: 10,
    status: 'published',
  }
  const member = { branchId: 'b1' }
  it.each<[string, Activity, { branchId: string | null }, number, boolean, number, string | null]>([
    ['a place left', activity, member, 9, false, at('2026-05-15T20:00:00'), null],
    ['full', activity, member, 10, false, at('2026-05-15T20:00:00'), 'VOLUNTEER.FULL'],
    ['taking a place back when full', activity, member, 10, true, at('2026-05-15T20:00:00'), null],
    ['once it has started', activity, member, 3, false, at('2026-05-16T08:30:00'), 'VOLUNTEER.STARTED'],
    [
      'another branch’s activity',
      activity,
      { branchId: 'b2' },
      3,
      false,
      at('2026-05-15T20:00:00'),
      'VOLUNTEER.NOT_OPEN_TO_YOU',
    ],
    [
      'the bureau’s activity, open to all',
      { ...activity, branchId: null },
      { branchId: 'b2' },
      3,
      false,
      at('2026-05-15T20:00:00'),
      null,
    ],
    [
      'a cancelled activity',
      { ...activity, status: 'cancelled' },
      member,
      3,
      false,
      at('2026-05-15T20:00:00'),
      'VOLUNTEER.CANCELLED',
    ],
  ])('signing up: %s', (_case, given, who, signed, cancel, now, refusal) => {
    expect(signUpRefusal(given, who, signed, cancel, now)).toBe(refusal)
  })
  it.each([
    ['3 hours for a 2 h 40 min activity', 3, at('2026-05-16T12:00:00'), null],
    ['3.5 hours', 3.5, at('2026-05-16T12:00:00'), 'VOLUNTEER.HOURS_OVER_LENGTH'],
    ['before it ends', 2, at('2026-05-16T11:00:00'), 'VOLUNTEER.NOT_ENDED'],
  ])('crediting %s', (_case, hours, now, refusal) => {
    expect(lengthInHalfHours(activity)).toBe(6)
    expect(creditRefusal(activity, hours as number, now as number)).toBe(refusal)
  })
})

describe('members holding a post in a year (the 示范岗 indicator)', () => {
  const post = (branchId: string, memberId: string, from: string, to: string, endedOn: string | null = null) => ({
    branchId,
    memberId,
    kind: 'model_post' as const,
    from,
    to,
    endedOn,
  })
  it.each([
    ['a post across the new year counts in both', [post('b1', 'm1', '2025-09-01', '2026-07-31')], 2026, { b1: 1 }],
    ['a post that ended last year does not', [post('b1', 'm1', '2025-03-01', '2025-12-31')], 2026, {}],
    ['a post ended early last year does not', [post('b1', 'm1', '2025-09-01', '2026-07-31', '2025-12-20')], 2026, {}],
    ['a post beginning next year does not', [post('b1', 'm1', '2027-01-01', '2027-07-31')], 2026, {}],
    [
      'a member with two posts counts once; branches apart',
      [
        post('b1', 'm1', '2026-01-01', '2026-12-31'),
        { ...post('b1', 'm1', '2026-03-01', '2026-06-30'), kind: 'pioneer_post' as const },
        post('b2', 'm2', '2026-12-31', '2027-06-30'),
      ],
      2026,
      { b1: 1, b2: 1 },
    ],
  ] as const)('%s', (_case, designations, year, expected) => {
    expect(Object.fromEntries(designatedInYear(designations, year))).toEqual(expected)
  })
})
