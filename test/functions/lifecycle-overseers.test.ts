// What a 总支书记 and a 党建指导员 reach of 党费 and 组织关系转接 (issue #17): the branches their 所辖支部 page
// offers (roster.tree) are exactly those the lifecycle reads answer for them; the 总支书记 keeps the dues of a
// branch under their 党总支, the instructor only reads the branches they guide; another branch is refused and
// nothing is written. And the roster's 流动党员 badge: listMembers and getMember carry an open record's
// whereabouts, and drop it once the member is back.
import { as, type DemoEmulator, startDemoEmulator } from './helpers/demo'

let t: DemoEmulator
const NOW = new Date('2026-12-10T10:00:00+08:00').getTime()
beforeAll(async () => {
  t = await startDemoEmulator({ at: NOW })
}, 60_000)
afterAll(() => t.stop())

let seq = 0
const requestId = () => `overseer-${seq++}`
const branchesOf = async (openid: string) =>
  (await t.callOk(openid, 'roster', 'tree', {})).nodes
    .filter((node) => node.kind === 'branch')
    .map((node) => node.id)
    .sort()
const dueWrites = async () =>
  Promise.all(['dues_payments', 'dues_bases', 'transfers', 'floating_members', 'audit_log'].map((c) => t.count(c, {})))

describe('所辖支部', () => {
  it("offers the instructor the branches they guide and the 总支书记 their 党总支's branches, no others", async () => {
    expect(await branchesOf(as.instructor)).toEqual(['org_b_shanqu', 'org_b_zhizhong'])
    expect(await branchesOf(as.gbSecretary)).toEqual(['org_b_yz_high', 'org_b_yz_junior'])
  })

  it("the instructor reads a guided branch's dues sheet and transfers, keeps nothing, and is refused another branch", async () => {
    const sheet = await t.callOk(as.instructor, 'lifecycle', 'branchDuesSheet', {
      branchId: 'org_b_shanqu',
      month: '2026-11',
    })
    expect(sheet.canManage).toBe(false)
    expect(sheet.items.length).toBeGreaterThan(0)
    const roster = await t.callOk(as.instructor, 'roster', 'listMembers', { branchId: 'org_b_shanqu', pageSize: 50 })
    expect(sheet.total).toBe(roster.total)
    expect(sheet.items.map((row) => row.memberId).every((id) => id.startsWith('m_shanqu_'))).toBe(true)
    await t.callOk(as.instructor, 'lifecycle', 'listTransfers', { branchId: 'org_b_zhizhong', openOnly: false })
    await t.callOk(as.instructor, 'lifecycle', 'listFloating', { branchId: 'org_b_shanqu' })

    const before = await dueWrites()
    for (const [action, input] of [
      ['branchDuesSheet', { branchId: 'org_b_shiyan', month: '2026-11' }],
      ['branchDuesSheet', { branchId: 'org_b_yz_junior', month: '2026-11' }],
      ['listTransfers', { branchId: 'org_b_shiyan' }],
      ['listFloating', { branchId: 'org_b_yz_high' }],
      // Guiding is reading: no payment, no arrears list, no letter even in a guided branch.
      ['duesArrears', { branchId: 'org_b_shanqu' }],
      [
        'recordDuesPayment',
        {
          requestId: requestId(),
          memberId: sheet.items[0].memberId,
          months: ['2026-11'],
          method: 'cash',
          paidOn: '2026-12-09',
        },
      ],
      [
        'issueTransferLetter',
        {
          requestId: requestId(),
          memberId: sheet.items[0].memberId,
          letterNo: '指导员不可开具',
          destination: '外县教育局党委',
          issuedOn: '2026-12-01',
          validDays: 30,
        },
      ],
    ] as const) {
      const refused = await t.callUnchecked(as.instructor, 'lifecycle', action, input)
      expect({ action, code: refused.ok ? 'ok' : refused.error.code }).toEqual({ action, code: 'AUTH.FORBIDDEN' })
    }
    expect(await dueWrites()).toEqual(before)
  })

  it("the 总支书记 keeps a branch of their 党总支: its sheet, arrears and a payment; 实验小学's are refused", async () => {
    // The demo has every member paid through last month: December is open.
    const sheet = await t.callOk(as.gbSecretary, 'lifecycle', 'branchDuesSheet', {
      branchId: 'org_b_yz_junior',
      month: '2026-12',
    })
    expect(sheet.canManage).toBe(true)
    await t.callOk(as.gbSecretary, 'lifecycle', 'duesArrears', { branchId: 'org_b_yz_junior' })
    await t.callOk(as.gbSecretary, 'lifecycle', 'listTransfers', { branchId: 'org_b_yz_junior' })
    const owing = sheet.items.find((row) => !row.settled && row.owedFen > 0)
    if (!owing) throw new Error('the demo 初中部 should have a member owing December')
    const paid = await t.callOk(as.gbSecretary, 'lifecycle', 'recordDuesPayment', {
      requestId: requestId(),
      memberId: owing.memberId,
      months: ['2026-12'],
      method: 'transfer',
      paidOn: '2026-12-09',
    })
    expect(paid.paidFen).toBe(owing.owedFen)
    const after = await t.callOk(as.gbSecretary, 'lifecycle', 'branchDuesSheet', {
      branchId: 'org_b_yz_junior',
      month: '2026-12',
    })
    expect(after.items.find((row) => row.memberId === owing.memberId)?.settled).toBe(true)

    const before = await dueWrites()
    for (const [action, input] of [
      ['branchDuesSheet', { branchId: 'org_b_shiyan', month: '2026-11' }],
      ['duesArrears', { branchId: 'org_b_shiyan' }],
      ['listTransfers', { branchId: 'org_b_shanqu' }],
      [
        'recordDuesPayment',
        {
          requestId: requestId(),
          memberId: 'm_shiyan_08',
          months: ['2026-12'],
          method: 'cash',
          paidOn: '2026-12-09',
        },
      ],
    ] as const) {
      const refused = await t.callUnchecked(as.gbSecretary, 'lifecycle', action, input)
      expect({ action, code: refused.ok ? 'ok' : refused.error.code }).toEqual({ action, code: 'AUTH.FORBIDDEN' })
    }
    expect(await dueWrites()).toEqual(before)
  })
})

describe('流动党员 badge', () => {
  const rowOf = async (openid: string, memberId: string) => {
    const page = await t.callOk(openid, 'roster', 'listMembers', { branchId: 'org_b_shiyan', pageSize: 50 })
    return page.items.find((row) => row.id === memberId)
  }

  it('the roster list and the member page show where a member with an open record is, and only them', async () => {
    const page = await t.callOk(as.committee, 'roster', 'listMembers', { branchId: 'org_b_shiyan', pageSize: 50 })
    const away = page.items.filter((row) => row.floating)
    // The demo's 实验小学 has one member away (支教 in 昭觉县).
    expect(away.map((row) => [row.id, row.floating])).toEqual([
      ['m_shiyan_07', { whereabouts: '四川省凉山州昭觉县（支教）', hostOrg: '昭觉县民族中学党支部' }],
    ])
    const member = await t.callOk(as.committee, 'roster', 'getMember', { memberId: 'm_shiyan_07' })
    expect(member.floating).toEqual({ whereabouts: '四川省凉山州昭觉县（支教）', hostOrg: '昭觉县民族中学党支部' })
    expect((await t.callOk(as.committee, 'roster', 'getMember', { memberId: 'm_shiyan_06' })).floating).toBeUndefined()
  })

  it('a newly recorded member gets the badge; back home, it goes (the ended record stays as history)', async () => {
    expect((await rowOf(as.secretary, 'm_shiyan_05'))?.floating).toBeUndefined()
    const { id } = await t.callOk(as.secretary, 'lifecycle', 'recordFloating', {
      requestId: requestId(),
      memberId: 'm_shiyan_05',
      whereabouts: '广东省深圳市',
      hostOrg: null,
      since: '2026-09-01',
    })
    expect((await rowOf(as.secretary, 'm_shiyan_05'))?.floating).toEqual({ whereabouts: '广东省深圳市', hostOrg: null })
    await t.callOk(as.secretary, 'lifecycle', 'endFloating', { floatingId: id, until: '2026-12-01' })
    expect((await rowOf(as.secretary, 'm_shiyan_05'))?.floating).toBeUndefined()
    expect((await t.callOk(as.secretary, 'roster', 'getMember', { memberId: 'm_shiyan_05' })).floating).toBeUndefined()
    const history = await t.callOk(as.secretary, 'lifecycle', 'listFloating', { memberId: 'm_shiyan_05' })
    expect(history.items.map((row) => row.until)).toEqual(['2026-12-01'])
  })
})

it('a member taken off the roster (停用) while away shows no badge', async () => {
  await t.callOk(as.secretary, 'lifecycle', 'recordFloating', {
    requestId: requestId(),
    memberId: 'm_shiyan_04',
    whereabouts: '浙江省杭州市',
    hostOrg: null,
    since: '2026-10-01',
  })
  expect((await t.callOk(as.secretary, 'roster', 'getMember', { memberId: 'm_shiyan_04' })).floating).toBeDefined()
  await t.callOk(as.secretary, 'roster', 'deactivateMember', { memberId: 'm_shiyan_04', reason: '出党' })
  const page = await t.callOk(as.secretary, 'roster', 'listMembers', {
    branchId: 'org_b_shiyan',
    pageSize: 50,
    includeInactive: true,
  })
  const row = page.items.find((item) => item.id === 'm_shiyan_04')
  expect(row?.status).toBe('inactive')
  expect(row?.floating).toBeUndefined()
  expect((await t.callOk(as.secretary, 'roster', 'getMember', { memberId: 'm_shiyan_04' })).floating).toBeUndefined()
})
