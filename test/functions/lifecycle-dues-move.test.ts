// 党费 follow the member, through the real SDK against the emulator on the demo county at 2026-12-10
// (实验小学's m_shiyan_08 has not paid August–November, 城关小学's m_chengguan_05 May–November):
// a member who transfers out of the county owes through the 回执's month and drops off every arrears
// list while the months they owed stay in their branch's figures; a move within the county leaves the
// earlier months with the old branch and gives the later ones to the new, and the bureau's figures
// equal the branch sheets; the monthly timer on 2027-01-01 02:00 reminds each secretary (≥ 3 months)
// and the bureau (≥ 6) once, and runs only from a real trigger.
import { DEMO_TEMPLATE_IDS } from '../../scripts/seed/demo-messaging'
import type { Collection } from '../../types/lifecycle'
import { as, type DemoEmulator, startDemoEmulator } from './helpers/demo'

let t: DemoEmulator
const NOW = new Date('2026-12-10T10:00:00+08:00').getTime()
const SHIYAN = 'org_b_shiyan'
const CHENGGUAN = 'org_b_chengguan'
const LEAVING = 'm_shiyan_08'
const MOVING = 'm_chengguan_05'
const TEMPLATE = DEMO_TEMPLATE_IDS.duesArrears
const CHENGGUAN_SECRETARY = 'o_demo_m_chengguan_01'

beforeAll(async () => {
  t = await startDemoEmulator({ at: NOW })
}, 60_000)
afterAll(() => t.stop())

const months2026 = Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`)
const sheet = (openid: string, branchId: string, month: string) =>
  t.callOk(openid, 'lifecycle', 'branchDuesSheet', { branchId, month, pageSize: 50 })
const arrearsIds = async (openid: string, branchId?: string) =>
  (await t.callOk(openid, 'lifecycle', 'duesArrears', branchId ? { branchId } : {})).items.map((item) => item.memberId)
const statusOf = async (memberId: string) =>
  (await t.db.collection('dues_status').doc(memberId).get()).data as unknown as {
    branchId: string
    unpaidFrom: string | null
  }
const figures = (c: Collection) => ({
  owedMonths: c.owedMonths,
  settledMonths: c.settledMonths,
  owedFen: c.owedFen,
  collectedFen: c.collectedFen,
})
/** Every branch's month as the bureau's 党费收缴率 reads it, and as the branch's own sheet reads it live. */
async function bureauAgreesWithSheets(branchIds: readonly string[]) {
  const bureau = await t.callOk(as.bureau, 'lifecycle', 'duesCollection', { year: 2026, page: 1, pageSize: 50 })
  for (const branchId of branchIds) {
    const row = bureau.branches.find((branch) => branch.branchId === branchId)
    for (const [i, month] of months2026.entries()) {
      const live = await sheet(as.bureau, branchId, month)
      expect({ branchId, month, ...figures(row?.months[i] as Collection) }).toEqual({
        branchId,
        month,
        ...figures(live.collection),
      })
    }
  }
  return bureau
}

describe('转出县外: owed through the 回执’s month, then off the lists, the months owed kept', () => {
  it('a member four months behind leaves with the 回执 of 2026-11-20', async () => {
    expect(await arrearsIds(as.secretary, SHIYAN)).toContain(LEAVING)
    const novemberBefore = (await sheet(as.secretary, SHIYAN, '2026-11')).collection
    const decemberBefore = (await sheet(as.secretary, SHIYAN, '2026-12')).collection

    const letter = await t.callOk(as.secretary, 'lifecycle', 'issueTransferLetter', {
      requestId: 'dues-move-letter',
      memberId: LEAVING,
      letterNo: '实党转〔2026〕88号',
      destination: '杭州市西湖区教育局机关党委',
      issuedOn: '2026-11-10',
      validDays: 30,
    })
    await t.callOk(as.secretary, 'lifecycle', 'completeTransfer', { transferId: letter.id, on: '2026-11-20' })

    // The bill: January–November, November unpaid; nothing from December on.
    const bill = await t.callOk(as.secretary, 'lifecycle', 'memberDues', { memberId: LEAVING, year: 2026 })
    expect(bill.months.map((m) => m.month)).toEqual(months2026.slice(0, 11))
    expect(bill.months.filter((m) => !m.settled).map((m) => m.month)).toEqual([
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
    ])

    // November's sheet still has them, unpaid, and the branch's November figures are what they were.
    const november = await sheet(as.secretary, SHIYAN, '2026-11')
    expect(november.items.find((item) => item.memberId === LEAVING)).toMatchObject({ settled: false })
    expect(figures(november.collection)).toEqual(figures(novemberBefore))
    // December's does not: one member-month fewer owed.
    const december = await sheet(as.secretary, SHIYAN, '2026-12')
    expect(december.items.map((item) => item.memberId)).not.toContain(LEAVING)
    expect(december.collection.owedMonths).toBe(decemberBefore.owedMonths - 1)

    // Off the secretary's list and flagged to nobody; never a status change by the dues rules (the 回执 made them inactive).
    expect(await arrearsIds(as.secretary, SHIYAN)).not.toContain(LEAVING)
    expect(await statusOf(LEAVING)).toMatchObject({ unpaidFrom: null })
    await bureauAgreesWithSheets([SHIYAN])
  })
})

describe('停用 and 报到', () => {
  it('停用 on 2026-12-10: December is still owed to the branch, and nothing after', async () => {
    await t.callOk(as.secretary, 'roster', 'deactivateMember', {
      memberId: 'm_shiyan_09',
      reason: '退休后组织关系转至社区',
    })
    const december = await sheet(as.secretary, SHIYAN, '2026-12')
    expect(december.items.find((item) => item.memberId === 'm_shiyan_09')).toMatchObject({ settled: false })
    const next = await t.callOk(as.secretary, 'lifecycle', 'memberDues', { memberId: 'm_shiyan_09', year: 2027 })
    expect(next.months).toEqual([])
    expect(await statusOf('m_shiyan_09')).toMatchObject({ unpaidFrom: null })
  })

  it('a member from outside the county who reports on 2026-12-08 owes here from December, not from 入党时间', async () => {
    const done = await t.callOk(as.secretary, 'lifecycle', 'completeTransfer', {
      transferId: 'tr_demo_in',
      on: '2026-12-08',
    })
    const bill = await t.callOk(as.secretary, 'lifecycle', 'memberDues', {
      memberId: done.memberId as string,
      year: 2026,
    })
    expect(bill.months.map((m) => m.month)).toEqual(['2026-12'])
  })

  it('a member added by hand (入党 2026-11-20) is in the bureau’s figures from November at once, as in the sheets', async () => {
    const novemberBefore = (await sheet(as.secretary, SHIYAN, '2026-11')).collection
    await t.callOk(as.secretary, 'roster', 'addMember', {
      branchId: SHIYAN,
      name: '周国庆',
      groupId: null,
      memberType: 'probationary',
      probationEndsOn: '2027-11-20',
      joinedOn: '2026-11-20',
      committeePosition: null,
      phone: '13600000777',
    })
    expect((await sheet(as.secretary, SHIYAN, '2026-11')).collection.owedMonths).toBe(novemberBefore.owedMonths + 1)
    await bureauAgreesWithSheets([SHIYAN])
  })
})

describe('a move within the county on 2026-12-10', () => {
  it('the old branch keeps January–November, the new one has December on; the bureau’s figures equal the sheets', async () => {
    const oldDecember = (await sheet(as.bureau, CHENGGUAN, '2026-12')).collection
    const newDecember = (await sheet(as.bureau, SHIYAN, '2026-12')).collection
    const oldNovember = (await sheet(as.bureau, CHENGGUAN, '2026-11')).collection
    expect(await arrearsIds(CHENGGUAN_SECRETARY, CHENGGUAN)).toContain(MOVING)

    await t.callOk(as.bureau, 'roster', 'transferMember', { memberId: MOVING, toBranchId: SHIYAN, toGroupId: null })

    const inOld = await sheet(as.bureau, CHENGGUAN, '2026-11')
    expect(inOld.items.find((item) => item.memberId === MOVING)).toMatchObject({ settled: false })
    expect(figures(inOld.collection)).toEqual(figures(oldNovember))
    expect((await sheet(as.bureau, CHENGGUAN, '2026-12')).collection.owedMonths).toBe(oldDecember.owedMonths - 1)
    const inNew = await sheet(as.bureau, SHIYAN, '2026-12')
    expect(inNew.items.find((item) => item.memberId === MOVING)).toMatchObject({ settled: false })
    expect(inNew.collection.owedMonths).toBe(newDecember.owedMonths + 1)
    expect((await sheet(as.bureau, SHIYAN, '2026-11')).items.map((item) => item.memberId)).not.toContain(MOVING)

    // Their own page still shows the whole year, whichever branch each month belongs to.
    const mine = await t.callOk(`o_demo_${MOVING}`, 'lifecycle', 'myDues', { year: 2026 })
    expect(mine.months.map((m) => m.month)).toEqual(months2026)
    expect(mine.arrears).toMatchObject({ months: 7, since: '2026-05' })

    // Their arrears are now the new branch's to follow, in the live lists and the stored status alike.
    expect(await arrearsIds(as.secretary, SHIYAN)).toContain(MOVING)
    expect(await arrearsIds(CHENGGUAN_SECRETARY, CHENGGUAN)).not.toContain(MOVING)
    expect(await statusOf(MOVING)).toEqual(expect.objectContaining({ branchId: SHIYAN, unpaidFrom: '2026-05' }))
    const county = await arrearsIds(as.bureau)
    expect(county).toContain(MOVING)
    expect(county).not.toContain(LEAVING)

    const bureau = await bureauAgreesWithSheets([SHIYAN, CHENGGUAN])
    // And the county's year is the sum of every branch's sheets over the closed months (December is still open).
    expect(bureau.closedThrough).toBe('2026-11')
    let owed = 0
    let settled = 0
    for (const branch of bureau.branches) {
      for (const month of months2026.filter((m) => m <= '2026-11')) {
        const live = (await sheet(as.bureau, branch.branchId, month)).collection
        owed += live.owedMonths
        settled += live.settledMonths
      }
    }
    expect({ owed: bureau.tenant.owedMonths, settled: bureau.tenant.settledMonths }).toEqual({ owed, settled })
  })

  it('paying an old branch’s month after the move: recorded by the new branch, counted in the old one’s May', async () => {
    const mayBefore = (await sheet(as.bureau, CHENGGUAN, '2026-05')).collection
    const paid = await t.callOk(as.secretary, 'lifecycle', 'recordDuesPayment', {
      requestId: 'dues-move-may',
      memberId: MOVING,
      months: ['2026-05'],
      method: 'cash',
      paidOn: '2026-12-10',
    })
    expect(paid.duplicate).toBe(false)
    const doc = (await t.db.collection('dues_payments').doc('dues-move-may').get()).data as unknown as {
      branchId: string
    }
    expect(doc.branchId).toBe(SHIYAN)
    const may = (await sheet(as.bureau, CHENGGUAN, '2026-05')).collection
    expect(may.settledMonths).toBe(mayBefore.settledMonths + 1)
    expect(await statusOf(MOVING)).toMatchObject({ branchId: SHIYAN, unpaidFrom: '2026-06' })
    await bureauAgreesWithSheets([SHIYAN, CHENGGUAN])
  })
})

describe('the duesMonthly timer', () => {
  const arrearsSends = async () =>
    (await t.emu.outbox()).filter(
      (entry) => entry.apiName === 'subscribeMessage.send' && JSON.stringify(entry.params).includes(TEMPLATE),
    )
  async function subscribe(openid: string) {
    await t.callOk(openid, 'meetings', 'subscribe', { templateIds: [TEMPLATE] })
  }

  it('a Timer-shaped event through the gateway is refused and does nothing', async () => {
    await subscribe(as.secretary)
    for (const openid of [as.secretary, as.bureau, undefined]) {
      const res = await t.gateway('lifecycle', { Type: 'Timer', TriggerName: 'duesMonthly' }, openid)
      expect(res.body).toMatchObject({ ok: false, error: { code: 'INPUT.UNKNOWN_ACTION' } })
    }
    expect(await arrearsSends()).toHaveLength(0)
    expect(await t.count('dues_runs', {})).toBe(0)
  })

  it('on 2027-01-01 02:00 it flags the right members once: a second run sends nothing', async () => {
    await subscribe(as.bureau)
    await subscribe(CHENGGUAN_SECRETARY)
    // A member whose status was never written (no dues write since they joined): the run writes it.
    await t.db.collection('dues_status').doc('m_shiyan_07').remove()

    t.emu.clock.set(new Date('2027-01-01T02:00:00+08:00').getTime())
    const run = (await t.emu.fireTrigger('lifecycle', 'duesMonthly')) as { done: boolean; month: string }
    expect(run).toMatchObject({ done: true, month: '2027-01' })

    const sends = await arrearsSends()
    // 实验小学's secretary: the member who moved in, June–December unpaid (7 months); not the member who left.
    const toSecretary = sends.filter((entry) => entry.params.touser === as.secretary)
    expect(toSecretary).toHaveLength(1)
    const data = toSecretary[0].params.data as Record<string, { value: string }>
    expect(data.thing1.value).toContain('连续3个月以上未交党费')
    expect(data.number2.value).toBe('1')
    expect(data.thing3.value).toBe('实验小学党支部')
    expect(toSecretary[0].params.page).toBe(`subpackages/lifecycle/pages/dues-branch/index?branchId=${SHIYAN}`)
    const names = await t.db.collection('members').doc(MOVING).get()
    expect(data.thing1.value).toContain((names.data as unknown as { name: string }).name)
    // 城关小学 has nobody three months behind any more: its secretary is sent nothing.
    expect(sends.filter((entry) => entry.params.touser === CHENGGUAN_SECRETARY)).toHaveLength(0)
    // The bureau: one member at six months or more.
    const toBureau = sends.filter((entry) => entry.params.touser === as.bureau)
    expect(toBureau).toHaveLength(1)
    expect((toBureau[0].params.data as Record<string, { value: string }>).number2.value).toBe('1')
    expect(toBureau[0].params.page).toBe('subpackages/lifecycle/pages/dues-bureau/index')

    // Statuses recomputed: December closed unpaid for the member whose status was missing, and for the mover's run.
    expect(await statusOf('m_shiyan_07')).toMatchObject({ branchId: SHIYAN, unpaidFrom: '2026-12' })
    expect(await statusOf(MOVING)).toMatchObject({ unpaidFrom: '2026-06' })
    expect(await statusOf(LEAVING)).toMatchObject({ unpaidFrom: null })

    // A second run of the morning does nothing; even with its progress lost, the claims send nothing twice.
    await subscribe(as.secretary)
    expect(await t.emu.fireTrigger('lifecycle', 'duesMonthly')).toMatchObject({ done: true, branches: 0, sent: 0 })
    await t.db.collection('dues_runs').doc('2027-01').remove()
    expect(await t.emu.fireTrigger('lifecycle', 'duesMonthly')).toMatchObject({ done: true, sent: 0 })
    expect(await arrearsSends()).toHaveLength(sends.length)
  })
})
