// 党费 through the real SDK against the emulator, on the demo county at 2026-12-10: a member's year,
// a payment recorded once however often it is sent, the amounts the server prices (never typed), bad
// input refused with a code and nothing written, arrears flagged and never acted on, the bureau's
// figures from the derived branch-months, and 预备党员 who owe from the 支部大会's month.
import { columnByHeader, downloadedRows } from '../support/sheet-rows'
import { as, type DemoEmulator, startDemoEmulator } from './helpers/demo'

let t: DemoEmulator
const NOW = new Date('2026-12-10T10:00:00+08:00').getTime()
beforeAll(async () => {
  t = await startDemoEmulator({ at: NOW })
})
afterAll(() => t.stop())

const DUES = ['dues_schedule', 'dues_bases', 'dues_reductions', 'dues_payments', 'dues_branch_months', 'dues_status']
const written = async () => Promise.all([...DUES, 'audit_log'].map((c) => t.count(c, {})))
let seq = 0
const payment = (memberId: string, months: string[], extra: Record<string, unknown> = {}) => ({
  requestId: `pay-${seq++}`,
  memberId,
  months,
  method: 'transfer' as const,
  reference: 'ZZ20261209001',
  paidOn: '2026-12-09',
  ...extra,
})

describe('a member’s dues and one payment', () => {
  it('the member sees the year month by month: 4,500 元 → 45.00 a month, paid through November, December open', async () => {
    const mine = await t.callOk(as.member, 'lifecycle', 'myDues', { year: 2026 })
    expect(mine).toMatchObject({ year: 2026, category: 'employed', baseFen: 450_000, monthlyFen: 4_500 })
    expect(mine.months).toHaveLength(12)
    expect(mine.months.filter((m) => m.settled).map((m) => m.month)).toEqual(
      Array.from({ length: 11 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`),
    )
    expect(mine.months[11]).toMatchObject({ month: '2026-12', owedFen: 4_500, paidFen: 0, settled: false })
    expect(mine.arrears).toEqual({ months: 0, since: null, flag: 'none' })
  })

  it('the secretary records December once, however often the tap is sent; the member then sees it paid', async () => {
    const before = await written()
    const input = payment('m_shiyan_06', ['2026-12'], { extraFen: 1_000 })
    const first = await t.callOk(as.secretary, 'lifecycle', 'recordDuesPayment', input)
    const [again, third] = await Promise.all([
      t.callOk(as.secretary, 'lifecycle', 'recordDuesPayment', input),
      t.callOk(as.secretary, 'lifecycle', 'recordDuesPayment', input),
    ])
    expect(first).toEqual({ paymentId: input.requestId, paidFen: 4_500, extraFen: 1_000, duplicate: false })
    expect(again).toMatchObject({ paidFen: 4_500, duplicate: true })
    expect(third).toMatchObject({ paidFen: 4_500, duplicate: true })
    expect(await t.count('dues_payments', { memberId: 'm_shiyan_06', 'months.month': '2026-12' })).toBe(1)
    expect(await t.count('audit_log', { action: 'lifecycle.recordDuesPayment' })).toBe(1)
    const after = await written()
    expect(after[DUES.indexOf('dues_payments')]).toBe(before[DUES.indexOf('dues_payments')] + 1)

    const mine = await t.callOk(as.member, 'lifecycle', 'myDues', { year: 2026 })
    expect(mine.months[11]).toMatchObject({ paidFen: 4_500, extraFen: 1_000, settled: true })
    const sheet = await t.callOk(as.secretary, 'lifecycle', 'branchDuesSheet', {
      branchId: 'org_b_shiyan',
      month: '2026-12',
    })
    expect(sheet.items.find((item) => item.memberId === 'm_shiyan_06')).toMatchObject({ paidFen: 4_500, settled: true })
    // Voluntary extra is reported apart and never counted as collected.
    expect(sheet.collection).toMatchObject({ settledMonths: 1, extraFen: 1_000 })
    expect(sheet.collection.collectedFen).toBe(4_500)
  })

  it('paying the same month again under a new request id is refused: it is settled', async () => {
    const before = await written()
    expect(
      await t.call(as.secretary, 'lifecycle', 'recordDuesPayment', payment('m_shiyan_06', ['2026-12'])),
    ).toMatchObject({ ok: false, error: { code: 'DUES.MONTH_PAID', details: { month: '2026-12' } } })
    expect(await written()).toEqual(before)
  })
})

describe('bad input: a code, and nothing written', () => {
  it.each<[string, unknown, string]>([
    ['a negative base', { memberId: 'm_shiyan_07', year: 2026, category: 'employed', baseFen: -100 }, 'INPUT.INVALID'],
    [
      'a base in fractions of a 分',
      { memberId: 'm_shiyan_07', year: 2026, category: 'employed', baseFen: 4500.5 },
      'INPUT.INVALID',
    ],
    [
      'a base for a 学生 (fixed amount)',
      { memberId: 'm_shiyan_07', year: 2026, category: 'student', baseFen: 100 },
      'INPUT.INVALID',
    ],
    [
      'a member who is not on the roster',
      { memberId: 'm_elsewhere', year: 2026, category: 'employed', baseFen: 100 },
      'ROSTER.NOT_FOUND',
    ],
  ])('setDuesBase: %s', async (_label, input, code) => {
    const before = await written()
    expect(await t.callUnchecked(as.secretary, 'lifecycle', 'setDuesBase', input)).toMatchObject({
      ok: false,
      error: { code },
    })
    expect(await written()).toEqual(before)
  })

  it.each<[string, Record<string, unknown>, string]>([
    ['extra not in whole 分', payment('m_shiyan_07', ['2026-12'], { extraFen: 12.5 }), 'INPUT.INVALID'],
    ['a negative extra', payment('m_shiyan_07', ['2026-12'], { extraFen: -1 }), 'INPUT.INVALID'],
    ['no month', payment('m_shiyan_07', []), 'INPUT.INVALID'],
    ['paid tomorrow', payment('m_shiyan_07', ['2026-12'], { paidOn: '2026-12-11' }), 'DATE.IN_FUTURE'],
    ['a month twice', payment('m_shiyan_07', ['2026-12', '2026-12']), 'DUES.DUPLICATE_MONTH'],
    ['a settled month', payment('m_shiyan_07', ['2026-03']), 'DUES.MONTH_PAID'],
    ['a year without a base', payment('m_shiyan_07', ['2027-01']), 'DUES.BASE_NOT_SET'],
    [
      'a typed amount the server does not take',
      { ...payment('m_shiyan_07', ['2026-12']), amountFen: 1 },
      'INPUT.INVALID',
    ],
  ])('recordDuesPayment: %s', async (_label, input, code) => {
    const before = await written()
    expect(await t.callUnchecked(as.secretary, 'lifecycle', 'recordDuesPayment', input)).toMatchObject({
      ok: false,
      error: { code },
    })
    expect(await written()).toEqual(before)
  })

  it.each<[string, Record<string, unknown>, string]>([
    ['more than the schedule asks', { monthlyFen: 999_999 }, 'DUES.REDUCTION_TOO_HIGH'],
    ['a decision dated tomorrow', { decidedOn: '2026-12-11' }, 'DATE.IN_FUTURE'],
    ['ending before it starts', { fromMonth: '2026-12', toMonth: '2026-11' }, 'INPUT.INVALID'],
    ['without the branch’s decision', { decision: '同意' }, 'INPUT.INVALID'],
  ])('setDuesReduction: %s', async (_label, change, code) => {
    const before = await written()
    const input = {
      requestId: `reduction-${seq++}`,
      memberId: 'm_shiyan_07',
      fromMonth: '2026-11',
      toMonth: '2026-12',
      monthlyFen: 0,
      decision: '2026年11月支委会研究决定',
      decidedOn: '2026-11-05',
      ...change,
    }
    expect(await t.callUnchecked(as.secretary, 'lifecycle', 'setDuesReduction', input)).toMatchObject({
      ok: false,
      error: { code },
    })
    expect(await written()).toEqual(before)
  })
})

describe('separation of duties: nobody records their own 党费', () => {
  const SECRETARY = 'm_shiyan_01'
  it('the secretary cannot set their own base, grant themself a 减免 or record their own payment', async () => {
    const before = await written()
    const own = [
      await t.call(as.secretary, 'lifecycle', 'setDuesBase', {
        memberId: SECRETARY,
        year: 2026,
        category: 'employed',
        baseFen: 100_000,
      }),
      await t.call(as.secretary, 'lifecycle', 'setDuesReduction', {
        requestId: 'reduction-self',
        memberId: SECRETARY,
        fromMonth: '2026-12',
        toMonth: '2026-12',
        monthlyFen: 0,
        decision: '自己决定',
        decidedOn: '2026-12-08',
      }),
      await t.call(as.secretary, 'lifecycle', 'recordDuesPayment', payment(SECRETARY, ['2026-12'])),
    ]
    expect(own.map((res) => (res.ok ? 'ok' : res.error.code))).toEqual([
      'AUTH.SELF_DEALING',
      'AUTH.SELF_DEALING',
      'AUTH.SELF_DEALING',
    ])
    expect(await written()).toEqual(before)
    // Their own page shows the months without the recording controls.
    const page = await t.callOk(as.secretary, 'lifecycle', 'memberDues', { memberId: SECRETARY, year: 2026 })
    expect(page.canManage).toBe(false)
  })

  it('bureau staff record the secretary’s payment instead', async () => {
    const paid = await t.callOk(as.bureau, 'lifecycle', 'recordDuesPayment', payment(SECRETARY, ['2026-12']))
    expect(paid).toMatchObject({ duplicate: false })
    expect(await t.count('dues_payments', { memberId: SECRETARY, recordedBy: 'm_bureau_01' })).toBe(1)
  })
})

describe('bases, reductions and the schedule', () => {
  it('a base sets the monthly amount by the bracket of the whole wage, audited, and the branch’s month follows', async () => {
    const set = await t.callOk(as.secretary, 'lifecycle', 'setDuesBase', {
      memberId: 'm_shiyan_07',
      year: 2026,
      category: 'employed',
      baseFen: 300_001,
    })
    expect(set).toMatchObject({ baseFen: 300_001, monthlyFen: 3_000 })
    const sheet = await t.callOk(as.secretary, 'lifecycle', 'branchDuesSheet', {
      branchId: 'org_b_shiyan',
      month: '2026-12',
    })
    expect(sheet.items.find((item) => item.memberId === 'm_shiyan_07')).toMatchObject({ owedFen: 3_000 })
    const month = (await t.db.collection('dues_branch_months').doc('org_b_shiyan:2026-12').get()) as unknown as {
      data: { owedFen: number }
    }
    expect(month.data.owedFen).toBe(sheet.collection.owedFen)
    expect(await t.count('audit_log', { action: 'lifecycle.setDuesBase', targetId: 'm_shiyan_07:2026' })).toBe(1)
  })

  it('a 免交 decision makes December owe nothing: settled without a payment', async () => {
    await t.callOk(as.secretary, 'lifecycle', 'setDuesReduction', {
      requestId: 'reduction-exempt',
      memberId: 'm_shiyan_07',
      fromMonth: '2026-12',
      toMonth: '2026-12',
      monthlyFen: 0,
      decision: '2026年12月支委会研究决定（大病）',
      decidedOn: '2026-12-08',
    })
    const sheet = await t.callOk(as.secretary, 'lifecycle', 'branchDuesSheet', {
      branchId: 'org_b_shiyan',
      month: '2026-12',
    })
    expect(sheet.items.find((item) => item.memberId === 'm_shiyan_07')).toMatchObject({ owedFen: 0, settled: true })
    expect(sheet.canManage).toBe(true)
    const read = await t.callOk(as.committee, 'lifecycle', 'branchDuesSheet', {
      branchId: 'org_b_shiyan',
      month: '2026-12',
    })
    expect(read.canManage).toBe(false)
  })

  it('a 预备党员 owes from the month the 支部大会 accepted them, not before', async () => {
    await t.db
      .collection('members')
      .doc('m_shiyan_09')
      .update({ data: { memberType: 'probationary', joinedOn: '2026-09-20' } })
    expect(
      await t.call(as.secretary, 'lifecycle', 'recordDuesPayment', payment('m_shiyan_09', ['2026-08'])),
    ).toMatchObject({ ok: false, error: { code: 'DUES.MONTH_NOT_OWED', details: { month: '2026-08' } } })
    // September, the month of the vote, is owed (and the seed paid it).
    expect(
      await t.call(as.secretary, 'lifecycle', 'recordDuesPayment', payment('m_shiyan_09', ['2026-09'])),
    ).toMatchObject({ ok: false, error: { code: 'DUES.MONTH_PAID' } })
  })
})

describe('arrears: a flag, never a status change', () => {
  it('the secretary sees 3 months or more in their branch; bureau staff see 6 or more across the county', async () => {
    const branch = await t.callOk(as.secretary, 'lifecycle', 'duesArrears', { branchId: 'org_b_shiyan' })
    expect(branch.items).toEqual([
      {
        memberId: 'm_shiyan_08',
        name: expect.any(String),
        branchName: '实验小学党支部',
        arrears: { months: 4, since: '2026-08', flag: 'secretary' },
      },
    ])
    const county = await t.callOk(as.bureau, 'lifecycle', 'duesArrears', {})
    expect(county.items).toEqual([
      {
        memberId: 'm_chengguan_05',
        name: expect.any(String),
        branchName: '城关小学党支部',
        arrears: { months: 7, since: '2026-05', flag: 'bureau' },
      },
    ])
    const member = (await t.db.collection('members').doc('m_chengguan_05').get()) as unknown as {
      data: { status: string }
    }
    expect(member.data.status).toBe('active')
  })

  it('paying the oldest unpaid months shortens the run; the bureau’s list follows without reading ledgers', async () => {
    await t.callOk(as.bureau, 'lifecycle', 'recordDuesPayment', payment('m_chengguan_05', ['2026-05', '2026-06']))
    const county = await t.callOk(as.bureau, 'lifecycle', 'duesArrears', {})
    expect(county.items).toEqual([])
    const branch = await t.callOk(as.bureau, 'lifecycle', 'duesArrears', { branchId: 'org_b_chengguan' })
    expect(branch.items).toEqual([])
    const sheet = await t.callOk(as.bureau, 'lifecycle', 'branchDuesSheet', {
      branchId: 'org_b_chengguan',
      month: '2026-11',
    })
    expect(sheet.items.find((item) => item.memberId === 'm_chengguan_05')?.arrears).toEqual({
      months: 5,
      since: '2026-07',
      flag: 'secretary',
    })
  })
})

describe('the bureau’s collection rate', () => {
  it('each branch month by month and the county, from the derived branch-months', async () => {
    const figures = await t.callOk(as.bureau, 'lifecycle', 'duesCollection', { year: 2026 })
    expect(figures.months).toHaveLength(12)
    expect(figures.total).toBe(6)
    const chengguan = figures.branches.find((branch) => branch.branchId === 'org_b_chengguan')
    // November: the member in arrears has paid through June only; 8 of 9 settled.
    expect(chengguan?.months[10]).toMatchObject({ owedMonths: 9, settledMonths: 8, rate: 0.889 })
    expect(chengguan?.months[0]).toMatchObject({ owedMonths: 9, settledMonths: 9, rate: 1 })
    expect(figures.tenant.owedMonths).toBe(figures.branches.reduce((sum, branch) => sum + branch.year.owedMonths, 0))
    // On 10 December the year counts January–November: December is still being collected.
    expect(figures.closedThrough).toBe('2026-11')
    const closed = (chengguan?.months ?? []).slice(0, 11)
    expect(chengguan?.months[11].owedMonths).toBeGreaterThan(0)
    expect(chengguan?.year).toMatchObject({
      owedMonths: closed.reduce((n, month) => n + month.owedMonths, 0),
      settledMonths: closed.reduce((n, month) => n + month.settledMonths, 0),
    })
  })

  it('a year none of whose months has closed counts nothing owed yet, instead of everything unpaid', async () => {
    const next = await t.callOk(as.bureau, 'lifecycle', 'duesCollection', { year: 2027 })
    expect(next.closedThrough).toBeNull()
    expect(next.tenant).toMatchObject({ owedMonths: 0, settledMonths: 0, rate: null })
    expect(next.branches.every((branch) => branch.year.owedMonths === 0 && branch.year.rate === null)).toBe(true)
  })

  it('bureau staff change the schedule (rates are data); a base set afterwards is priced by it', async () => {
    const schedule = await t.callOk(as.member, 'lifecycle', 'getDuesSchedule')
    expect(schedule.fixedFen).toBe(20)
    await t.callOk(as.bureau, 'lifecycle', 'updateDuesSchedule', { ...schedule, fixedFen: 50 })
    expect((await t.callOk(as.member, 'lifecycle', 'getDuesSchedule')).fixedFen).toBe(50)
    const set = await t.callOk(as.secretary, 'lifecycle', 'setDuesBase', {
      memberId: 'm_shiyan_05',
      year: 2026,
      category: 'student',
      baseFen: 0,
    })
    expect(set.monthlyFen).toBe(50)
  })

  it('exports: the branch’s month and a member’s own yearly statement as .xlsx links', async () => {
    const sheet = await t.callOk(as.secretary, 'lifecycle', 'exportDuesSheet', {
      of: 'branch_month',
      branchId: 'org_b_shiyan',
      month: '2026-12',
    })
    expect(sheet.fileName).toMatch(/^党费收缴表-实验小学党支部-2026-12-.*\.xlsx$/)
    // As the secretary reads it: the member paid in this file's first test, the 免交 one, the one behind.
    const rows = await downloadedRows(sheet.url)
    const status = columnByHeader(rows, '状态')
    const owed = columnByHeader(rows, '应交(元)')
    const member = (id: string) => t.callOk(as.secretary, 'lifecycle', 'memberDues', { memberId: id, year: 2026 })
    const [paid, exempt, behind] = await Promise.all(['m_shiyan_06', 'm_shiyan_07', 'm_shiyan_08'].map(member))
    expect([status.get(paid.name), owed.get(paid.name)]).toEqual(['已交', '45.00'])
    expect([status.get(exempt.name), owed.get(exempt.name)]).toEqual(['免交', '0.00'])
    expect(status.get(behind.name)).toBe('未交')
    expect(columnByHeader(rows, '连续未交(月)').get(behind.name)).toBe('4')
    const own = await t.callOk(as.member, 'lifecycle', 'exportDuesSheet', {
      of: 'member_year',
      memberId: 'm_shiyan_06',
      year: 2026,
    })
    expect(own.fileName).toMatch(/^党费交纳明细-.*-2026-.*\.xlsx$/)
    expect(own.url).toMatch(/^https?:\/\//)
    expect(
      await t.call(as.member, 'lifecycle', 'exportDuesSheet', {
        of: 'member_year',
        memberId: 'm_shiyan_07',
        year: 2026,
      }),
    ).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } })
  })
})

describe('党费记录起始月份 (the first month the app keeps dues for)', () => {
  it('a county whose records start in October is not shown owing the months before; set back, they count again', async () => {
    const dues = () => t.callOk(as.bureau, 'lifecycle', 'memberDues', { memberId: 'm_chengguan_05', year: 2026 })
    const flagged = async () =>
      (await t.callOk('o_demo_m_chengguan_01', 'lifecycle', 'duesArrears', {})).items.some(
        (i) => i.memberId === 'm_chengguan_05',
      )
    const before = await dues()
    expect(before.months[0].month).toBe('2026-01')
    expect(before.arrears.months).toBeGreaterThanOrEqual(3)
    expect(await flagged()).toBe(true)

    const schedule = await t.callOk(as.bureau, 'lifecycle', 'getDuesSchedule')
    expect(schedule.recordsFrom).toBeNull()
    const bad = await t.callUnchecked(as.bureau, 'lifecycle', 'updateDuesSchedule', {
      ...schedule,
      recordsFrom: '2026-13',
    })
    expect(bad).toMatchObject({ ok: false, error: { code: 'INPUT.INVALID' } })
    expect((await t.callOk(as.bureau, 'lifecycle', 'getDuesSchedule')).recordsFrom).toBeNull()

    await t.callOk(as.bureau, 'lifecycle', 'updateDuesSchedule', { ...schedule, recordsFrom: '2026-10' })
    const after = await dues()
    expect(after.months.map((row) => row.month)).toEqual(['2026-10', '2026-11', '2026-12'])
    expect(after.arrears.months).toBeLessThanOrEqual(2)
    expect(after.arrears.flag).toBe('none')
    // The branch's sheet and the secretary's list read live: the months before October are gone from both.
    const sheet = await t.callOk(as.bureau, 'lifecycle', 'branchDuesSheet', {
      branchId: 'org_b_chengguan',
      month: '2026-09',
    })
    expect(sheet.items.find((item) => item.memberId === 'm_chengguan_05')).toBeUndefined()
    expect(await flagged()).toBe(false)

    await t.callOk(as.bureau, 'lifecycle', 'updateDuesSchedule', { ...schedule, recordsFrom: null })
    expect((await dues()).months[0].month).toBe('2026-01')
  })
})
