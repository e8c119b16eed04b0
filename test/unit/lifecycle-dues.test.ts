// 党费 as a branch's 组织委员 keeps it: the monthly amount at every bracket boundary, rounding to the 分,
// the months owed, hardship reductions, payments, arrears flags and the collection rate.
import { monthlyDues } from '../../cloudfunctions/domain/lifecycle/dues-amount'
import { ARREARS_THRESHOLDS, arrearsOf } from '../../cloudfunctions/domain/lifecycle/dues-arrears'
import { collectionOf } from '../../cloudfunctions/domain/lifecycle/dues-collection'
import { type DuesFacts, duesMonths, monthsFromTo, owedMonths } from '../../cloudfunctions/domain/lifecycle/dues-months'
import { paymentFor } from '../../cloudfunctions/domain/lifecycle/dues-payment'
import { DEFAULT_DUES_SCHEDULE } from '../../cloudfunctions/domain/lifecycle/dues-schedule'
import { type DuesCategory, type DuesMonth, DuesSchedule } from '../../types/lifecycle'

const yuan = (amount: number) => Math.round(amount * 100)

describe('the monthly amount (2008 规定 defaults)', () => {
  it.each<[string, DuesCategory, number, number]>([
    ['在职, 2,999.99 元: 0.5%, 14.99995 rounds up to 15.00', 'employed', 2_999.99, 15.0],
    ['在职, exactly 3,000.00 元 stays in the 0.5% bracket', 'employed', 3_000.0, 15.0],
    ['在职, 3,000.01 元 pays 1% of the whole wage: 30.0001 → 30.00', 'employed', 3_000.01, 30.0],
    ['在职, exactly 5,000 元: 1%', 'employed', 5_000.0, 50.0],
    ['在职, 5,000.01 元: 1.5%, 75.00015 → 75.00', 'employed', 5_000.01, 75.0],
    ['在职, exactly 10,000 元: 1.5%', 'employed', 10_000.0, 150.0],
    ['在职, 10,000.01 元: 2%, 200.0002 → 200.00', 'employed', 10_000.01, 200.0],
    ['在职, 12,345.67 元: 2%, 246.9134 → 246.91', 'employed', 12_345.67, 246.91],
    ['在职, 4,567.50 元: 45.675 rounds half up to 45.68', 'employed', 4_567.5, 45.68],
    ['在职, 4,567.49 元: 45.6749 → 45.67', 'employed', 4_567.49, 45.67],
    ['在职 on no wage this year', 'employed', 0, 0],
    ['退休, 3,200 元 pension: 0.5%', 'retired', 3_200, 16.0],
    ['退休, exactly 5,000 元: 0.5%', 'retired', 5_000, 25.0],
    ['退休, 5,000.01 元: 1%', 'retired', 5_000.01, 50.0],
    ['退休, 8,000 元: 1%', 'retired', 8_000, 80.0],
    ['学生: 0.2 元', 'student', 0, 0.2],
    ['失业: 0.2 元', 'unemployed', 0, 0.2],
    ['低保: 0.2 元, whatever base was typed', 'subsistence', 1_000, 0.2],
  ])('%s', (_case, category, base, amount) => {
    expect(monthlyDues(category, yuan(base), DEFAULT_DUES_SCHEDULE).amountFen).toBe(yuan(amount))
  })

  it('is the schedule’s data, not code: a tenant’s own brackets and fixed amount', () => {
    const local = DuesSchedule.parse({
      employed: [
        { upToFen: yuan(4_000), rateBp: 50 },
        { upToFen: null, rateBp: 100 },
      ],
      retired: [{ upToFen: null, rateBp: 50 }],
      fixedFen: 50,
    })
    expect(monthlyDues('employed', yuan(4_000), local)).toEqual({ amountFen: yuan(20), rateBp: 50 })
    expect(monthlyDues('employed', yuan(4_000.01), local)).toEqual({ amountFen: yuan(40), rateBp: 100 })
    expect(monthlyDues('retired', yuan(9_000), local)).toEqual({ amountFen: yuan(45), rateBp: 50 })
    expect(monthlyDues('student', 0, local)).toEqual({ amountFen: 50, rateBp: null })
  })

  it('the defaults are a valid schedule', () => {
    expect(DuesSchedule.parse(DEFAULT_DUES_SCHEDULE)).toEqual(DEFAULT_DUES_SCHEDULE)
  })
})

describe('the months a member owes', () => {
  it.each<[string, { joinedOn: string | null; leftOn: string | null }, string[]]>([
    ['a member all year', { joinedOn: '2010-07-01', leftOn: null }, monthsFromTo('2026-01', '2026-12')],
    ['a formal member with no join date known', { joinedOn: null, leftOn: null }, monthsFromTo('2026-01', '2026-12')],
    [
      'a 预备党员 accepted on 20 March pays from March',
      { joinedOn: '2026-03-20', leftOn: null },
      monthsFromTo('2026-03', '2026-12'),
    ],
    [
      'transferred out on 15 September pays through September',
      { joinedOn: null, leftOn: '2026-09-15' },
      monthsFromTo('2026-01', '2026-09'),
    ],
    ['accepted in December last year', { joinedOn: '2025-12-01', leftOn: null }, monthsFromTo('2026-01', '2026-12')],
  ])('%s', (_case, member, months) => {
    expect(owedMonths(member, '2026-01', '2026-12')).toEqual(months)
  })
})

const EMPLOYED_4500: DuesFacts['bases'] = [
  { year: 2025, category: 'employed', baseFen: yuan(4_500) },
  { year: 2026, category: 'employed', baseFen: yuan(4_500) },
]
const payFor = (...months: string[]) => ({
  months: months.map((month) => ({ month, amountFen: yuan(45) })),
  extraFen: 0,
})

describe('month by month', () => {
  it('owes 45.00 a month on 4,500 元, lowered by a hardship reduction, exempted to nothing', () => {
    const rows = duesMonths(
      monthsFromTo('2026-03', '2026-08'),
      {
        bases: EMPLOYED_4500,
        reductions: [
          { fromMonth: '2026-04', toMonth: '2026-05', monthlyFen: yuan(5) },
          { fromMonth: '2026-07', toMonth: '2026-07', monthlyFen: 0 },
        ],
        payments: [{ months: [{ month: '2026-03', amountFen: yuan(45) }], extraFen: yuan(100) }],
      },
      DEFAULT_DUES_SCHEDULE,
    )
    expect(rows.map((row) => [row.month, row.owedFen, row.paidFen, row.extraFen, row.settled, row.reduced])).toEqual([
      ['2026-03', 4500, 4500, 10000, true, false],
      ['2026-04', 500, 0, 0, false, true],
      ['2026-05', 500, 0, 0, false, true],
      ['2026-06', 4500, 0, 0, false, false],
      ['2026-07', 0, 0, 0, true, true],
      ['2026-08', 4500, 0, 0, false, false],
    ])
  })
  it('never raises what is owed by a "reduction" above the schedule', () => {
    const [row] = duesMonths(
      ['2026-04'],
      {
        bases: EMPLOYED_4500,
        reductions: [{ fromMonth: '2026-04', toMonth: '2026-04', monthlyFen: yuan(90) }],
        payments: [],
      },
      DEFAULT_DUES_SCHEDULE,
    )
    expect(row.owedFen).toBe(yuan(45))
  })
  it('cannot settle a month of a year with no base', () => {
    const [row] = duesMonths(['2027-01'], { bases: EMPLOYED_4500, reductions: [], payments: [] }, DEFAULT_DUES_SCHEDULE)
    expect(row).toMatchObject({ baseSet: false, owedFen: 0, settled: false })
  })
})

describe('arrears (flags only: 3 months to the secretary, 6 to the bureau)', () => {
  const ledger = (paid: string[], from = '2025-07', to = '2027-02', reductions: DuesFacts['reductions'] = []) =>
    duesMonths(
      monthsFromTo(from, to),
      { bases: EMPLOYED_4500, reductions, payments: [payFor(...paid)] },
      DEFAULT_DUES_SCHEDULE,
    )
  const paidThrough = (last: string) => monthsFromTo('2025-07', last)

  it.each<[string, DuesMonth[], string, number, string | null, string]>([
    ['all paid to last month; this month not late yet', ledger(paidThrough('2026-10')), '2026-11', 0, null, 'none'],
    ['October unpaid', ledger(paidThrough('2026-09')), '2026-11', 1, '2026-10', 'none'],
    ['two months', ledger(paidThrough('2026-08')), '2026-11', 2, '2026-09', 'none'],
    ['three months: the secretary is told', ledger(paidThrough('2026-07')), '2026-11', 3, '2026-08', 'secretary'],
    ['five months', ledger(paidThrough('2026-05')), '2026-11', 5, '2026-06', 'secretary'],
    ['six months: the bureau is told', ledger(paidThrough('2026-04')), '2026-11', 6, '2026-05', 'bureau'],
    ['six months across the new year', ledger(paidThrough('2026-07')), '2027-02', 6, '2026-08', 'bureau'],
    [
      'a paid month in between breaks the run',
      ledger([...paidThrough('2026-05'), '2026-08']),
      '2026-11',
      2,
      '2026-09',
      'none',
    ],
    [
      'an exempted month breaks the run',
      ledger(paidThrough('2026-04'), '2025-07', '2027-02', [
        { fromMonth: '2026-07', toMonth: '2026-07', monthlyFen: 0 },
      ]),
      '2026-11',
      3,
      '2026-08',
      'secretary',
    ],
    [
      'joined in September: only owed months count',
      ledger([], '2026-09', '2026-12'),
      '2026-12',
      3,
      '2026-09',
      'secretary',
    ],
  ])('%s', (_case, rows, current, months, since, flag) => {
    expect(arrearsOf(rows, current)).toEqual({ months, since, flag })
  })
  it('sets the 党章’s six months as the bureau’s line', () => {
    expect(ARREARS_THRESHOLDS).toEqual({ secretary: 3, bureau: 6 })
  })
})

describe('collection rate', () => {
  const month = (over: Partial<DuesMonth>): DuesMonth => ({
    month: '2026-10',
    baseSet: true,
    scheduledFen: 4500,
    owedFen: 4500,
    paidFen: 0,
    extraFen: 0,
    settled: false,
    reduced: false,
    ...over,
  })
  it.each<[string, DuesMonth[], object]>([
    ['nobody owed anything', [], { owedMonths: 0, settledMonths: 0, rate: null }],
    [
      'two of three paid; extra reported apart',
      [
        month({ paidFen: 4500, settled: true, extraFen: 10000 }),
        month({ paidFen: 2000, settled: true, owedFen: 2000 }),
        month({}),
      ],
      { owedMonths: 3, settledMonths: 2, owedFen: 11000, collectedFen: 6500, extraFen: 10000, rate: 0.667 },
    ],
    [
      'an exempted member is not owed',
      [month({ paidFen: 4500, settled: true }), month({ owedFen: 0, settled: true, reduced: true })],
      { owedMonths: 1, settledMonths: 1, rate: 1 },
    ],
    [
      'a member with no base counts as owed and unpaid',
      [month({ paidFen: 4500, settled: true }), month({ baseSet: false, owedFen: 0, scheduledFen: 0 })],
      { owedMonths: 2, settledMonths: 1, owedFen: 4500, collectedFen: 4500, rate: 0.5 },
    ],
  ])('%s', (_case, months, expected) => {
    expect(collectionOf(months)).toMatchObject(expected)
  })
})

describe('recording a payment', () => {
  const rows = duesMonths(
    monthsFromTo('2026-03', '2026-12'),
    {
      bases: [{ year: 2026, category: 'employed', baseFen: yuan(4_500) }],
      reductions: [{ fromMonth: '2026-05', toMonth: '2026-05', monthlyFen: yuan(5) }],
      payments: [payFor('2026-03')],
    },
    DEFAULT_DUES_SCHEDULE,
  )
  it.each<[string, string[], object]>([
    [
      'April and May, May reduced',
      ['2026-05', '2026-04'],
      {
        ok: true,
        months: [
          { month: '2026-04', amountFen: 4500 },
          { month: '2026-05', amountFen: 500 },
        ],
      },
    ],
    ['paying the year ahead', ['2026-11', '2026-12'], { ok: true }],
    ['March again', ['2026-03'], { ok: false, code: 'DUES.MONTH_PAID', month: '2026-03' }],
    ['February, before they joined', ['2026-02'], { ok: false, code: 'DUES.MONTH_NOT_OWED', month: '2026-02' }],
    ['April twice', ['2026-04', '2026-04'], { ok: false, code: 'DUES.DUPLICATE_MONTH', month: '2026-04' }],
  ])('%s', (_case, months, expected) => {
    expect(paymentFor(rows, months)).toMatchObject(expected)
  })
  it('refuses a month whose year has no base', () => {
    const next = duesMonths(['2027-01'], { bases: [], reductions: [], payments: [] }, DEFAULT_DUES_SCHEDULE)
    expect(paymentFor(next, ['2027-01'])).toEqual({ ok: false, code: 'DUES.BASE_NOT_SET', month: '2027-01' })
  })
})
