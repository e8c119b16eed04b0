import type { InputOf } from '../../types/api'
import { as, type DemoEmulator, startDemoEmulator } from './helpers/demo'

let t: DemoEmulator
beforeAll(async () => {
  t = await startDemoEmulator()
})
afterAll(() => t.stop())

const code = (result: { ok: boolean; error?: { code: string } }) => (result.ok ? 'ok' : result.error?.code)

/** A new member's fields, `over` replacing some (in the refusal table, with values the contract refuses). */
const fields = (over: object = {}): InputOf<'roster', 'addMember'> => ({
  branchId: 'org_b_shiyan',
  name: '周国庆',
  groupId: 'org_b_shiyan_g1',
  memberType: 'formal',
  probationEndsOn: null,
  joinedOn: '2010-07-01',
  committeePosition: null,
  phone: '13600000001',
  ...over,
})

describe('listMembers', () => {
  it('pages a branch roster with a total', async () => {
    const first = await t.call(as.secretary, 'roster', 'listMembers', { branchId: 'org_b_shiyan', pageSize: 4 })
    const third = await t.call(as.secretary, 'roster', 'listMembers', {
      branchId: 'org_b_shiyan',
      pageSize: 4,
      page: 3,
    })
    expect(first.ok && first.data.total).toBe(10)
    expect(first.ok && first.data.items.map((m) => m.id)).toEqual([
      'm_shiyan_01',
      'm_shiyan_02',
      'm_shiyan_03',
      'm_shiyan_04',
    ])
    expect(third.ok && third.data.items.map((m) => m.id)).toEqual(['m_shiyan_09', 'm_shiyan_10'])
  })

  it('finds members by part of their name, treating the search text literally', async () => {
    const all = await t.call(as.secretary, 'roster', 'listMembers', { branchId: 'org_b_shiyan' })
    const someone = all.ok ? all.data.items[4] : undefined
    const found = await t.call(as.secretary, 'roster', 'listMembers', {
      branchId: 'org_b_shiyan',
      search: someone?.name.slice(1),
    })
    expect(found.ok && found.data.items.map((m) => m.id)).toContain(someone?.id)
    const regexy = await t.call(as.secretary, 'roster', 'listMembers', { branchId: 'org_b_shiyan', search: '.*' })
    expect(regexy.ok && regexy.data.total).toBe(0)
  })

  it('shows the phone in full to the secretary and masked to a committee member', async () => {
    const added = await t.call(as.secretary, 'roster', 'addMember', fields({ phone: '13812345678' }))
    expect(added.ok && added.data.phone).toBe('13812345678')
    const asCommittee = await t.call(as.committee, 'roster', 'listMembers', {
      branchId: 'org_b_shiyan',
      search: '周国庆',
    })
    expect(asCommittee.ok && asCommittee.data.items[0].phone).toBe('138****5678')
    expect(asCommittee.ok && asCommittee.data.access).toBe('read')
    const asSecretary = await t.call(as.secretary, 'roster', 'listMembers', {
      branchId: 'org_b_shiyan',
    })
    expect(asSecretary.ok && asSecretary.data.access).toBe('manage')
  })
})

describe('member rules', () => {
  it.each([
    ['a group of another branch', { groupId: 'org_b_chengguan_g1' }, 'ROSTER.GROUP_MISMATCH'],
    ['a second 书记', { committeePosition: 'secretary', phone: null }, 'ROSTER.SECRETARY_TAKEN'],
    ['a phone already on the roster', { phone: '13812345678' }, 'ROSTER.DUPLICATE_PHONE'],
    ['a malformed phone', { phone: '1234' }, 'INPUT.INVALID'],
    ['an empty name', { name: '  ' }, 'INPUT.INVALID'],
    ['a name with control characters', { name: '王\u0007五' }, 'INPUT.INVALID'],
    ['an impossible date format', { joinedOn: '2019年7月1日' }, 'INPUT.INVALID'],
    [
      'a 预备党员 without 转正日期',
      { memberType: 'probationary', probationEndsOn: null, phone: null },
      'INPUT.INVALID',
    ],
  ])('refuses %s and writes nothing', async (_case, over, expected) => {
    const before = (await t.db.collection('members').count()) as { total: number }
    expect(code(await t.callUnchecked(as.secretary, 'roster', 'addMember', fields(over)))).toBe(expected)
    expect(((await t.db.collection('members').count()) as { total: number }).total).toBe(before.total)
  })

  it('a phone held in a branch the secretary cannot see is neither refused nor told; bureau staff are refused', async () => {
    const elsewhere = await t.callOk(
      as.bureau,
      'roster',
      'addMember',
      fields({ branchId: 'org_b_chengguan', groupId: null, name: '邓丽华', phone: '13655550001' }),
    )
    expect(elsewhere.phone).toBe('13655550001')
    // The secretary of 实验小学 learns nothing about 城关小学: the number is accepted as it would be if unused.
    const secretary = await t.call(
      as.secretary,
      'roster',
      'addMember',
      fields({ name: '邓建军', phone: '13655550001' }),
    )
    expect(secretary).toMatchObject({ ok: true, data: { name: '邓建军', phone: '13655550001' } })
    // Bureau staff see every branch, so the duplicate is theirs to be told about.
    const bureau = await t.call(
      as.bureau,
      'roster',
      'addMember',
      fields({ branchId: 'org_b_zhizhong', groupId: null, name: '邓小平', phone: '13655550001' }),
    )
    expect(code(bureau)).toBe('ROSTER.DUPLICATE_PHONE')
  })

  it('stores a name typed with a full-width space without it', async () => {
    const added = await t.call(as.secretary, 'roster', 'addMember', fields({ name: '韩　雪梅', phone: null }))
    expect(added.ok && added.data.name).toBe('韩雪梅')
  })
})

describe('history', () => {
  it('deactivating a member keeps them (and their history) but their WeChat can no longer act', async () => {
    const result = await t.call(as.secretary, 'roster', 'deactivateMember', {
      memberId: 'm_shiyan_09',
      reason: '退休后组织关系转出',
    })
    expect(result).toMatchObject({ ok: true, data: { status: 'inactive' } })
    expect(code(await t.call('o_demo_m_shiyan_09', 'roster', 'me'))).toBe('AUTH.NOT_BOUND')
    const listed = await t.call(as.secretary, 'roster', 'listMembers', {
      branchId: 'org_b_shiyan',
      includeInactive: true,
      pageSize: 50,
    })
    expect(listed.ok && listed.data.items.find((m) => m.id === 'm_shiyan_09')?.status).toBe('inactive')
    expect(
      code(await t.call(as.secretary, 'roster', 'deactivateMember', { memberId: 'm_shiyan_09', reason: '再次' })),
    ).toBe('ROSTER.INACTIVE')
  })

  it('a transfer moves the member and records 转出 and 转入 with who did it', async () => {
    const moved = await t.call(as.bureau, 'roster', 'transferMember', {
      memberId: 'm_shiyan_08',
      toBranchId: 'org_b_chengguan',
      toGroupId: 'org_b_chengguan_g2',
    })
    expect(moved).toMatchObject({ ok: true, data: { branchId: 'org_b_chengguan', groupId: 'org_b_chengguan_g2' } })
    const changes = (await t.db
      .collection('membership_changes')
      .where({ memberId: 'm_shiyan_08' })
      .get()) as unknown as {
      data: { kind: string; branchId: string; otherBranchId: string; by: string }[]
    }
    expect(
      changes.data
        .map(({ kind, branchId, by }) => ({ kind, branchId, by }))
        .sort((a, b) => a.kind.localeCompare(b.kind)),
    ).toEqual([
      { kind: 'transfer_in', branchId: 'org_b_chengguan', by: 'm_bureau_01' },
      { kind: 'transfer_out', branchId: 'org_b_shiyan', by: 'm_bureau_01' },
    ])
    // The old secretary no longer manages them.
    expect(
      code(await t.call(as.secretary, 'roster', 'deactivateMember', { memberId: 'm_shiyan_08', reason: '测试越权' })),
    ).toBe('AUTH.FORBIDDEN')
  })

  it('the audit log shows who changed what, with before and after, newest first', async () => {
    t.advance(60_000) // after the earlier tests' changes: the clock is frozen
    const updated = await t.call(as.secretary, 'roster', 'updateMember', {
      memberId: 'm_shiyan_07',
      name: '新名字',
      groupId: 'org_b_shiyan_g2',
      memberType: 'formal',
      probationEndsOn: null,
      joinedOn: '2011-07-01',
      committeePosition: null,
      phone: null,
    })
    expect(updated.ok).toBe(true)
    const log = await t.call(as.bureau, 'roster', 'auditLog', { pageSize: 1 })
    expect(log.ok && log.data.items[0]).toMatchObject({
      action: 'roster.updateMember',
      before: { name: expect.not.stringMatching('新名字') },
      after: { name: '新名字' },
    })
  })
})

describe('addMember retried', () => {
  it('with its request id (the reply lost, sent twice at once) adds the member once and answers them', async () => {
    const input = fields({ name: '重试新增', phone: '13600000777', requestId: 'r_add_once' })
    const [first, second] = await Promise.all([
      t.callOk(as.secretary, 'roster', 'addMember', input),
      t.callOk(as.secretary, 'roster', 'addMember', input),
    ])
    const third = await t.callOk(as.secretary, 'roster', 'addMember', input)
    expect(second.id).toBe(first.id)
    expect(third.id).toBe(first.id)
    expect(first.id).toMatch(/^m_[0-9a-f]{14}$/)
    expect(await t.count('members', { name: '重试新增' })).toBe(1)
    expect(await t.count('audit_log', { action: 'roster.addMember', targetId: first.id })).toBe(1)
    // The same request id from another branch's secretary names nothing of theirs.
    const other = await t.call('o_demo_m_chengguan_01', 'roster', 'addMember', {
      ...input,
      branchId: 'org_b_chengguan',
      groupId: null,
    })
    expect(other).toMatchObject({ ok: false })
    expect(await t.count('members', { name: '重试新增' })).toBe(1)
  })
})
