// 组织关系转接 out of and into the county, and 流动党员, through the real SDK: a 介绍信 keeps the member on
// the roster until its 回执, which takes them off (history kept, future meetings withdrawn); a pending
// incoming member joins the roster on 报到 within the letter's validity; every refusal is coded and writes
// nothing; retried writes answer once.
import { as, type DemoEmulator, startDemoEmulator } from './helpers/demo'

let t: DemoEmulator
const at = (iso: string) => new Date(`${iso}T10:00:00+08:00`).getTime()
const NOW = at('2026-12-10')
beforeAll(async () => {
  t = await startDemoEmulator({ at: NOW })
})
afterAll(() => t.stop())

const SHIYAN = 'org_b_shiyan'
let seq = 0
const requestId = () => `tr-test-${seq++}`
const written = async () =>
  Promise.all(
    ['transfers', 'floating_members', 'members', 'membership_changes', 'audit_log'].map((c) => t.count(c, {})),
  )

async function onRoster(memberId: string): Promise<boolean> {
  const roster = await t.callOk(as.secretary, 'roster', 'listMembers', { branchId: SHIYAN, pageSize: 50 })
  return roster.items.some((row) => row.id === memberId)
}
/** The meetings not yet started that invite the member (their reminders follow these lists). */
async function upcomingInvitations(memberId: string): Promise<string[]> {
  const { data } = (await t.db
    .collection('meetings')
    .where({ tenantId: 't_demo', status: 'scheduled' })
    .limit(1000)
    .get()) as unknown as { data: { _id: string; startsAt: number; attendeeIds: string[] }[] }
  return data.filter((m) => m.startsAt > t.emu.clock.now() && m.attendeeIds.includes(memberId)).map((m) => m._id)
}
const letterFor = (memberId: string, extra: Partial<{ issuedOn: string; validDays: number }> = {}) => ({
  requestId: requestId(),
  memberId,
  letterNo: `实党转〔2026〕${seq}号`,
  destination: '杭州市西湖区教育局机关党委',
  issuedOn: '2026-12-01',
  validDays: 30,
  ...extra,
})

describe('转出: 介绍信 → 回执', () => {
  it('keeps the member on the roster until the 回执, then takes them off with their history and invitations', async () => {
    const input = letterFor('m_shiyan_05')
    const letter = await t.callOk(as.secretary, 'lifecycle', 'issueTransferLetter', input)
    expect(letter).toMatchObject({
      direction: 'out',
      memberId: 'm_shiyan_05',
      branchName: '实验小学党支部',
      state: 'issued',
      issuedOn: '2026-12-01',
      expiresOn: '2026-12-30',
      doneOn: null,
    })
    // A retried issue (the reply was lost) answers the same letter and writes nothing more.
    const before = await written()
    expect(await t.callOk(as.secretary, 'lifecycle', 'issueTransferLetter', input)).toEqual(letter)
    expect(await written()).toEqual(before)
    // A second letter for the same member is refused while the first is open.
    expect(await t.call(as.secretary, 'lifecycle', 'issueTransferLetter', letterFor('m_shiyan_05'))).toMatchObject({
      ok: false,
      error: { code: 'TRANSFER.OPEN' },
    })
    expect(await onRoster('m_shiyan_05')).toBe(true)
    const invited = await upcomingInvitations('m_shiyan_05')
    expect(invited.length).toBeGreaterThan(0)

    // 回执 before the letter, or dated tomorrow: refused, nothing written.
    for (const [on, code] of [
      ['2026-11-30', 'DATE.BEFORE_PREVIOUS'],
      ['2026-12-11', 'DATE.IN_FUTURE'],
    ] as const) {
      const res = await t.call(as.secretary, 'lifecycle', 'completeTransfer', { transferId: letter.id, on })
      expect(res).toMatchObject({ ok: false, error: { code } })
      expect(await written()).toEqual(before)
    }

    const done = await t.callOk(as.secretary, 'lifecycle', 'completeTransfer', {
      transferId: letter.id,
      on: '2026-12-09',
    })
    expect(done).toMatchObject({ state: 'received', doneOn: '2026-12-09' })
    expect(await onRoster('m_shiyan_05')).toBe(false)
    expect(await upcomingInvitations('m_shiyan_05')).toEqual([])
    const history = await t.callOk(as.secretary, 'roster', 'memberHistory', { memberId: 'm_shiyan_05' })
    expect(history.items.at(-1)).toMatchObject({
      kind: 'transfer_out',
      branchName: '实验小学党支部',
      otherBranchName: null,
      reason: `转往 杭州市西湖区教育局机关党委（介绍信 ${input.letterNo}，2026-12-09 回执）`,
    })
    // The member's page lists the transfer, done.
    const theirs = await t.callOk(as.secretary, 'lifecycle', 'listTransfers', {
      memberId: 'm_shiyan_05',
      openOnly: false,
    })
    expect(theirs.items.map((row) => [row.id, row.state])).toEqual([[letter.id, 'received']])
    // Their WeChat can no longer act as them.
    expect(await t.call('o_demo_m_shiyan_05', 'roster', 'me', {})).toMatchObject({ ok: false })

    // The same 回执 again answers the done transfer; anything else on it is refused.
    const after = await written()
    expect(
      await t.callOk(as.secretary, 'lifecycle', 'completeTransfer', { transferId: letter.id, on: '2026-12-09' }),
    ).toEqual(done)
    for (const [action, data, code] of [
      ['completeTransfer', { transferId: letter.id, on: '2026-12-10' }, 'TRANSFER.DONE'],
      ['cancelTransfer', { transferId: letter.id, reason: '误操作' }, 'TRANSFER.DONE'],
      ['issueTransferLetter', letterFor('m_shiyan_05'), 'ROSTER.INACTIVE'],
      [
        'recordFloating',
        { requestId: requestId(), memberId: 'm_shiyan_05', whereabouts: '杭州', since: '2026-12-01' },
        'ROSTER.INACTIVE',
      ],
    ] as const) {
      expect(await t.callUnchecked(as.secretary, 'lifecycle', action, data)).toMatchObject({
        ok: false,
        error: { code },
      })
    }
    expect(await written()).toEqual(after)
  })

  it('ends an open 流动党员 record on the day the member transfers out', async () => {
    const seeded = await t.callOk(as.secretary, 'lifecycle', 'listFloating', { branchId: SHIYAN })
    expect(seeded.items.map((row) => row.memberId)).toContain('m_shiyan_07')
    const letter = await t.callOk(as.secretary, 'lifecycle', 'issueTransferLetter', letterFor('m_shiyan_07'))
    await t.callOk(as.secretary, 'lifecycle', 'completeTransfer', { transferId: letter.id, on: '2026-12-08' })
    const now = await t.callOk(as.secretary, 'lifecycle', 'listFloating', { branchId: SHIYAN })
    expect(now.items.map((row) => row.memberId)).not.toContain('m_shiyan_07')
    const theirs = await t.callOk(as.secretary, 'lifecycle', 'listFloating', { memberId: 'm_shiyan_07' })
    expect(theirs.items.map((row) => row.until)).toEqual(['2026-12-08'])
  })

  it('refuses a letter dated in the future, and a member of a branch the secretary does not manage', async () => {
    const before = await written()
    expect(
      await t.call(
        as.secretary,
        'lifecycle',
        'issueTransferLetter',
        letterFor('m_shiyan_04', { issuedOn: '2026-12-11' }),
      ),
    ).toMatchObject({ ok: false, error: { code: 'DATE.IN_FUTURE' } })
    expect(await t.call(as.secretary, 'lifecycle', 'issueTransferLetter', letterFor('m_chengguan_03'))).toMatchObject({
      ok: false,
      error: { code: 'AUTH.FORBIDDEN' },
    })
    expect(
      await t.callUnchecked(as.secretary, 'lifecycle', 'issueTransferLetter', {
        ...letterFor('m_shiyan_04'),
        validDays: 0,
      }),
    ).toMatchObject({ ok: false, error: { code: 'INPUT.INVALID' } })
    expect(await written()).toEqual(before)
  })
})

describe('转入: 登记 → 报到', () => {
  const incoming = (extra: Record<string, unknown> = {}) => ({
    requestId: requestId(),
    name: '周明远',
    branchId: SHIYAN,
    letterNo: '余教党转〔2026〕8号',
    origin: '杭州市余杭区教育局党委',
    issuedOn: '2026-12-04',
    validDays: 30,
    memberType: 'probationary' as const,
    joinedOn: '2026-03-01',
    probationEndsOn: '2027-03-01',
    ...extra,
  })

  it('is pending, off the roster, until they 报到; then a member of the branch who can be invited to bind', async () => {
    const input = incoming()
    const pending = await t.callOk(as.secretary, 'lifecycle', 'registerIncomingTransfer', input)
    expect(pending).toMatchObject({ direction: 'in', state: 'pending', memberId: null, expiresOn: '2027-01-02' })
    expect(await t.callOk(as.secretary, 'lifecycle', 'registerIncomingTransfer', input)).toEqual(pending)
    const roster = await t.callOk(as.secretary, 'roster', 'listMembers', { branchId: SHIYAN, search: '周明远' })
    expect(roster.total).toBe(0)

    const arrived = await t.callOk(as.secretary, 'lifecycle', 'completeTransfer', {
      transferId: pending.id,
      on: '2026-12-10',
    })
    expect(arrived).toMatchObject({ state: 'arrived', doneOn: '2026-12-10', memberId: `tr-${pending.id}` })
    const joined = await t.callOk(as.secretary, 'roster', 'listMembers', { branchId: SHIYAN, search: '周明远' })
    expect(joined.items).toEqual([
      expect.objectContaining({
        id: `tr-${pending.id}`,
        memberType: 'probationary',
        joinedOn: '2026-03-01',
        probationEndsOn: '2027-03-01',
      }),
    ])
    const history = await t.callOk(as.secretary, 'roster', 'memberHistory', { memberId: `tr-${pending.id}` })
    expect(history.items).toEqual([
      expect.objectContaining({
        kind: 'transfer_in',
        reason: '由 杭州市余杭区教育局党委 转入（介绍信 余教党转〔2026〕8号）',
      }),
    ])
    // A retried 报到 creates the member once.
    expect(
      await t.callOk(as.secretary, 'lifecycle', 'completeTransfer', { transferId: pending.id, on: '2026-12-10' }),
    ).toEqual(arrived)
    expect(await t.count('members', { name: '周明远' })).toBe(1)
    const invitation = await t.callOk(as.secretary, 'roster', 'createInvitation', { memberId: `tr-${pending.id}` })
    expect(invitation.code).toHaveLength(16)
  })

  it('refuses a 预备党员 without the 转正 date, and dates in the future, writing nothing', async () => {
    const before = await written()
    for (const [input, code] of [
      [incoming({ probationEndsOn: null }), 'INPUT.INVALID'],
      [incoming({ memberType: 'formal' }), 'INPUT.INVALID'],
      [incoming({ issuedOn: '2026-12-11' }), 'DATE.IN_FUTURE'],
      [incoming({ branchId: 'org_b_chengguan' }), 'AUTH.FORBIDDEN'],
    ] as const) {
      expect(await t.callUnchecked(as.secretary, 'lifecycle', 'registerIncomingTransfer', input)).toMatchObject({
        ok: false,
        error: { code },
      })
    }
    expect(await written()).toEqual(before)
  })
})

describe('流动党员', () => {
  it('records where a member takes part in Party life, once, and ends it when they are back', async () => {
    const input = {
      requestId: requestId(),
      memberId: 'm_shiyan_04',
      whereabouts: '上海市浦东新区',
      hostOrg: '浦东新区周家渡街道流动党员党支部',
      since: '2026-09-01',
    }
    const { id } = await t.callOk(as.secretary, 'lifecycle', 'recordFloating', input)
    expect(await t.callOk(as.secretary, 'lifecycle', 'recordFloating', input)).toEqual({ id })
    expect(
      await t.call(as.secretary, 'lifecycle', 'recordFloating', { ...input, requestId: requestId() }),
    ).toMatchObject({
      ok: false,
      error: { code: 'FLOATING.ACTIVE' },
    })
    const listed = await t.callOk(as.committee, 'lifecycle', 'listFloating', { branchId: SHIYAN })
    expect(listed.items.find((row) => row.id === id)).toMatchObject({
      name: expect.any(String),
      branchName: '实验小学党支部',
      whereabouts: '上海市浦东新区',
      hostOrg: '浦东新区周家渡街道流动党员党支部',
      since: '2026-09-01',
      until: null,
    })
    const before = await written()
    for (const [until, code] of [
      ['2026-08-31', 'DATE.BEFORE_PREVIOUS'],
      ['2026-12-11', 'DATE.IN_FUTURE'],
    ] as const) {
      expect(await t.call(as.secretary, 'lifecycle', 'endFloating', { floatingId: id, until })).toMatchObject({
        ok: false,
        error: { code },
      })
    }
    expect(await written()).toEqual(before)
    await t.callOk(as.secretary, 'lifecycle', 'endFloating', { floatingId: id, until: '2026-12-05' })
    const after = await t.callOk(as.secretary, 'lifecycle', 'listFloating', { branchId: SHIYAN })
    expect(after.items.map((row) => row.id)).not.toContain(id)
    expect(
      (await t.callOk(as.secretary, 'lifecycle', 'listFloating', { memberId: 'm_shiyan_04' })).items.map(
        (r) => r.until,
      ),
    ).toEqual(['2026-12-05'])
  })
})

describe('the bureau and expired letters', () => {
  it('bureau staff see the open transfers of the whole county; a secretary only names a branch', async () => {
    const tenant = await t.callOk(as.bureau, 'lifecycle', 'listTransfers', {})
    expect(tenant.items.map((row) => row.id)).toEqual(expect.arrayContaining(['tr_demo_out', 'tr_demo_in']))
    expect(tenant.items.every((row) => row.state === 'issued' || row.state === 'pending')).toBe(true)
    expect(await t.call(as.secretary, 'lifecycle', 'listTransfers', {})).toMatchObject({
      ok: false,
      error: { code: 'AUTH.FORBIDDEN' },
    })
    expect(await t.call(as.instructor, 'lifecycle', 'listTransfers', { branchId: SHIYAN })).toMatchObject({
      ok: false,
      error: { code: 'AUTH.FORBIDDEN' },
    })
  })

  it('flags a letter past its validity as 已过期; 报到 is then refused and the letter can be withdrawn', async () => {
    t.emu.clock.set(at('2027-02-10'))
    try {
      const open = await t.callOk(as.bureau, 'lifecycle', 'listTransfers', {})
      const byId = new Map(open.items.map((row) => [row.id, row.state]))
      expect(byId.get('tr_demo_out')).toBe('expired')
      expect(byId.get('tr_demo_in')).toBe('expired')
      const before = await written()
      expect(
        await t.call(as.secretary, 'lifecycle', 'completeTransfer', { transferId: 'tr_demo_in', on: '2027-02-10' }),
      ).toMatchObject({ ok: false, error: { code: 'TRANSFER.LETTER_EXPIRED' } })
      expect(await written()).toEqual(before)
      // A 回执 may come back after the validity: the member reported in time, the paper was slow.
      const slow = await t.callOk(as.secretary, 'lifecycle', 'completeTransfer', {
        transferId: 'tr_demo_out',
        on: '2027-02-09',
      })
      expect(slow.state).toBe('received')
      const withdrawn = await t.callOk(as.secretary, 'lifecycle', 'cancelTransfer', {
        transferId: 'tr_demo_in',
        reason: '本人未报到，介绍信已过期',
      })
      expect(withdrawn).toMatchObject({ state: 'cancelled', cancelReason: '本人未报到，介绍信已过期' })
      const audit = await t.count('audit_log', { action: 'lifecycle.cancelTransfer', targetId: 'tr_demo_in' })
      expect(audit).toBe(1)
    } finally {
      t.emu.clock.set(NOW)
    }
  })
})
