import type { InputOf } from '../../types/api'
import { as, type DemoEmulator, type Persona, startDemoEmulator } from './helpers/demo'

let t: DemoEmulator
beforeAll(async () => {
  t = await startDemoEmulator()
})
afterAll(() => t.stop())

const COMMITTEE = 'org_committee'
const GB = 'org_gb_yizhong' // the 总支书记's 党总支
const OWN = 'org_b_shiyan' // the secretary's branch
const OTHER = 'org_b_chengguan' // nobody's but the bureau's
const UNDER_GB = 'org_b_yz_junior' // under the 总支书记's 党总支
const personas = Object.keys(as) as Persona[]

type Outcome = 'ok' | 'AUTH.FORBIDDEN' | 'AUTH.NOT_BOUND'
const outcomeOf = (result: { ok: boolean; error?: { code: string } }) => (result.ok ? 'ok' : result.error?.code)
const auditCount = async () => ((await t.db.collection('audit_log').count()) as { total: number }).total
const orgCount = async () => ((await t.db.collection('orgs').count()) as { total: number }).total

let seq = 0
const requestId = () => `req_${++seq}`

/** A fresh 党小组 in a branch, made by bureau staff: each case changes its own. */
async function freshGroup(branchId: string): Promise<string> {
  const node = await t.callOk(as.bureau, 'roster', 'createOrg', {
    requestId: requestId(),
    kind: 'group',
    parentId: branchId,
    name: `测试党小组${seq}`,
  })
  return node.id
}

/** A fresh school branch under a parent, made by bureau staff. */
async function freshBranch(parentId: string): Promise<string> {
  const node = await t.callOk(as.bureau, 'roster', 'createOrg', {
    requestId: requestId(),
    kind: 'branch',
    parentId,
    name: `测试学校${seq}党支部`,
    schools: [{ name: `测试学校${seq}`, type: 'primary' }],
  })
  return node.id
}

/**
 * Who may shape which node, persona by persona: the organisation above a node
 * sets it up and closes it (bureau staff for 党总支 and branches, a 总支书记 for
 * branches under their 党总支), a branch secretary runs their own branch's
 * groups only; committee members, instructors and members change nothing.
 */
type Case =
  | 'gbUnderCommittee'
  | 'branchUnderCommittee'
  | 'branchUnderGb'
  | 'groupInOwn'
  | 'groupInOther'
  | 'groupUnderGb'
const F: Outcome = 'AUTH.FORBIDDEN'
const N: Outcome = 'AUTH.NOT_BOUND'
const createExpected: Record<Persona, Record<Case, Outcome>> = {
  bureau: {
    gbUnderCommittee: 'ok',
    branchUnderCommittee: 'ok',
    branchUnderGb: 'ok',
    groupInOwn: 'ok',
    groupInOther: 'ok',
    groupUnderGb: 'ok',
  },
  gbSecretary: {
    gbUnderCommittee: F,
    branchUnderCommittee: F,
    branchUnderGb: 'ok',
    groupInOwn: F,
    groupInOther: F,
    groupUnderGb: 'ok',
  },
  secretary: {
    gbUnderCommittee: F,
    branchUnderCommittee: F,
    branchUnderGb: F,
    groupInOwn: 'ok',
    groupInOther: F,
    groupUnderGb: F,
  },
  committee: {
    gbUnderCommittee: F,
    branchUnderCommittee: F,
    branchUnderGb: F,
    groupInOwn: F,
    groupInOther: F,
    groupUnderGb: F,
  },
  member: {
    gbUnderCommittee: F,
    branchUnderCommittee: F,
    branchUnderGb: F,
    groupInOwn: F,
    groupInOther: F,
    groupUnderGb: F,
  },
  instructor: {
    gbUnderCommittee: F,
    branchUnderCommittee: F,
    branchUnderGb: F,
    groupInOwn: F,
    groupInOther: F,
    groupUnderGb: F,
  },
  unbound: {
    gbUnderCommittee: N,
    branchUnderCommittee: N,
    branchUnderGb: N,
    groupInOwn: N,
    groupInOther: N,
    groupUnderGb: N,
  },
}
const createInputs: Record<Case, () => InputOf<'roster', 'createOrg'>> = {
  gbUnderCommittee: () => ({
    requestId: requestId(),
    kind: 'general_branch',
    parentId: COMMITTEE,
    name: `新党总支${seq}`,
  }),
  branchUnderCommittee: () => ({
    requestId: requestId(),
    kind: 'branch',
    parentId: COMMITTEE,
    name: `新学校${seq}党支部`,
    schools: [{ name: `新学校${seq}`, type: 'junior' }],
  }),
  branchUnderGb: () => ({
    requestId: requestId(),
    kind: 'branch',
    parentId: GB,
    name: `一中分校${seq}党支部`,
    schools: [{ name: `一中分校${seq}`, type: 'senior' }],
  }),
  groupInOwn: () => ({ requestId: requestId(), kind: 'group', parentId: OWN, name: `新党小组${seq}` }),
  groupInOther: () => ({ requestId: requestId(), kind: 'group', parentId: OTHER, name: `新党小组${seq}` }),
  groupUnderGb: () => ({ requestId: requestId(), kind: 'group', parentId: UNDER_GB, name: `新党小组${seq}` }),
}
/** Where each case's node sits, to rename and close one that exists. */
const existing: Record<Case, () => Promise<string>> = {
  gbUnderCommittee: async () => (await t.callOk(as.bureau, 'roster', 'createOrg', createInputs.gbUnderCommittee())).id,
  branchUnderCommittee: () => freshBranch(COMMITTEE),
  branchUnderGb: () => freshBranch(GB),
  groupInOwn: () => freshGroup(OWN),
  groupInOther: () => freshGroup(OTHER),
  groupUnderGb: () => freshGroup(UNDER_GB),
}
const cases = Object.keys(createInputs) as Case[]

describe.each(personas)('as %s', (persona) => {
  it.each(cases)('createOrg: %s', async (which) => {
    const [orgs, audits] = [await orgCount(), await auditCount()]
    const result = await t.call(as[persona], 'roster', 'createOrg', createInputs[which]())
    expect(outcomeOf(result)).toBe(createExpected[persona][which])
    if (!result.ok) expect([await orgCount(), await auditCount()]).toEqual([orgs, audits])
  })

  it.each(cases)('updateOrg (rename): %s', async (which) => {
    const orgId = await existing[which]()
    const audits = await auditCount()
    const result = await t.call(as[persona], 'roster', 'updateOrg', { orgId, name: `改名${seq}` })
    expect(outcomeOf(result)).toBe(createExpected[persona][which])
    if (!result.ok) expect(await auditCount()).toBe(audits)
  })

  it.each(cases)('closeOrg (empty node): %s', async (which) => {
    const orgId = await existing[which]()
    const result = await t.call(as[persona], 'roster', 'closeOrg', { orgId, reason: '学校撤并' })
    expect(outcomeOf(result)).toBe(createExpected[persona][which])
    const stored = await t.db.collection('orgs').where({ _id: orgId }).get()
    expect((stored.data[0] as { status: string }).status).toBe(result.ok ? 'closed' : 'active')
  })

  it.each(cases)('mergeOrg (two empty nodes of the case): %s', async (which) => {
    const [orgId, intoId] = [await existing[which](), await existing[which]()]
    const audits = await auditCount()
    const result = await t.call(as[persona], 'roster', 'mergeOrg', { orgId, intoId })
    expect(outcomeOf(result)).toBe(createExpected[persona][which])
    const stored = await t.db.collection('orgs').where({ _id: orgId }).get()
    expect((stored.data[0] as { status: string }).status).toBe(result.ok ? 'closed' : 'active')
    if (!result.ok) expect(await auditCount()).toBe(audits)
  })

  it.each(cases)('orgHistory: %s', async (which) => {
    const orgId = await existing[which]()
    const result = await t.call(as[persona], 'roster', 'orgHistory', { orgId })
    // Who may read a node's history: its managers, and a branch's 支委 for their own branch's groups.
    const expected = persona === 'committee' && which === 'groupInOwn' ? 'ok' : createExpected[persona][which]
    expect(outcomeOf(result)).toBe(expected)
    if (result.ok) expect(result.data.items[0]?.action).toBe('roster.createOrg')
  })

  it('moveOrg: bureau staff only', async () => {
    const orgId = await freshBranch(COMMITTEE)
    const result = await t.call(as[persona], 'roster', 'moveOrg', { orgId, parentId: GB })
    expect(outcomeOf(result)).toBe(persona === 'bureau' ? 'ok' : persona === 'unbound' ? N : F)
  })

  it('grantRole, revokeRole, addStaff and staff: bureau staff only', async () => {
    const expected = persona === 'bureau' ? 'ok' : persona === 'unbound' ? N : F
    const member = 'm_chengguan_05'
    expect(outcomeOf(await t.call(as[persona], 'roster', 'staff'))).toBe(expected)
    const grant = await t.call(as[persona], 'roster', 'grantRole', {
      memberId: member,
      grant: { role: 'instructor', orgIds: [OTHER] },
    })
    expect(outcomeOf(grant)).toBe(expected)
    expect(outcomeOf(await t.call(as[persona], 'roster', 'revokeRole', { memberId: member, role: 'instructor' }))).toBe(
      expected,
    )
    const staff = await t.call(as[persona], 'roster', 'addStaff', {
      requestId: requestId(),
      name: '新指导员',
      phone: null,
      grant: { role: 'instructor', orgIds: [OTHER] },
    })
    expect(outcomeOf(staff)).toBe(expected)
  })
})

/**
 * 支委会 posts: the 书记 is appointed from above (bureau staff, the 总支书记);
 * a 支部书记 fills the other seats of their own branch only; nobody appoints themself.
 */
describe('appointCommittee', () => {
  const rows: [Persona, string, 'secretary' | 'publicity', Outcome | 'ORG.SELF' | 'ROSTER.SECRETARY_TAKEN'][] = [
    ['bureau', 'm_chengguan_08', 'publicity', 'ok'],
    ['gbSecretary', 'm_yz_junior_08', 'publicity', 'ok'],
    ['gbSecretary', 'm_chengguan_08', 'publicity', F],
    ['secretary', 'm_shiyan_08', 'publicity', 'ok'],
    ['secretary', 'm_chengguan_07', 'publicity', F],
    ['secretary', 'm_yz_junior_07', 'publicity', F],
    ['secretary', 'm_shiyan_07', 'secretary', 'ROSTER.SECRETARY_TAKEN'],
    ['secretary', 'm_shiyan_01', 'publicity', 'ORG.SELF'],
    ['committee', 'm_shiyan_07', 'publicity', F],
    ['instructor', 'm_shanqu_04', 'publicity', F],
    ['member', 'm_shiyan_07', 'publicity', F],
  ]
  it.each(rows)('%s appointing %s as %s → %s', async (persona, memberId, position, expected) => {
    const audits = await auditCount()
    const result = await t.call(as[persona], 'roster', 'appointCommittee', { memberId, position })
    expect(outcomeOf(result)).toBe(expected)
    if (!result.ok) expect(await auditCount()).toBe(audits)
    else expect(result.data.committee).toContainEqual(expect.objectContaining({ memberId, position }))
  })

  it('one 书记 per branch: a second is refused until the first is relieved', async () => {
    const taken = await t.call(as.bureau, 'roster', 'appointCommittee', {
      memberId: 'm_chengguan_06',
      position: 'secretary',
    })
    expect(taken).toMatchObject({ ok: false, error: { code: 'ROSTER.SECRETARY_TAKEN' } })
    if (!taken.ok) expect(taken.error.message).toContain('请先免去')
    const first = (await t.callOk(as.bureau, 'roster', 'branchPosts', { branchId: OTHER })).committee.find(
      (seat) => seat.position === 'secretary',
    )
    await t.callOk(as.bureau, 'roster', 'appointCommittee', { memberId: first?.memberId ?? '', position: null })
    const posts = await t.callOk(as.bureau, 'roster', 'appointCommittee', {
      memberId: 'm_chengguan_06',
      position: 'secretary',
    })
    expect(posts.committee.filter((seat) => seat.position === 'secretary').map((seat) => seat.memberId)).toEqual([
      'm_chengguan_06',
    ])
  })

  it('the roster form follows the same rules: the seat of 书记 is not filled twice through it', async () => {
    const member = await t.callOk(as.secretary, 'roster', 'getMember', { memberId: 'm_shiyan_09' })
    const result = await t.call(as.secretary, 'roster', 'updateMember', {
      memberId: member.id,
      name: member.name,
      groupId: member.groupId,
      memberType: member.memberType,
      probationEndsOn: member.probationEndsOn,
      joinedOn: member.joinedOn,
      committeePosition: 'secretary',
      phone: member.phone,
    })
    expect(result).toMatchObject({ ok: false, error: { code: 'ROSTER.SECRETARY_TAKEN' } })
  })
})

describe('building a branch from the app', () => {
  it('a 联合支部 with its schools and types, two 党小组 with a 组长, and a retried tap that makes nothing twice', async () => {
    const input: InputOf<'roster', 'createOrg'> = {
      requestId: 'req_joint_branch',
      kind: 'branch',
      parentId: COMMITTEE,
      name: '东岭片区联合支部',
      schools: [
        { name: '东岭小学', type: 'primary' },
        { name: '东岭幼儿园', type: 'kindergarten' },
        { name: '岭下教学点', type: 'teaching_point' },
      ],
    }
    const branch = await t.callOk(as.bureau, 'roster', 'createOrg', input)
    expect(await t.callOk(as.bureau, 'roster', 'createOrg', input)).toEqual(branch)
    expect(branch).toMatchObject({ kind: 'branch', name: '东岭片区联合支部', status: 'active', memberCount: 0 })
    expect(branch.schools.map((school) => school.type)).toEqual(['primary', 'kindergarten', 'teaching_point'])

    const member = await t.callOk(as.bureau, 'roster', 'addMember', {
      branchId: branch.id,
      name: '岳书明',
      groupId: null,
      memberType: 'formal',
      probationEndsOn: null,
      joinedOn: '2008-07-01',
      committeePosition: 'secretary',
      phone: '13911110001',
    })
    const group = await t.callOk(as.bureau, 'roster', 'createOrg', {
      requestId: 'req_joint_group_1',
      kind: 'group',
      parentId: branch.id,
      name: '东岭小学党小组',
      leaderId: member.id,
    })
    expect(group.leader).toEqual({ id: member.id, name: '岳书明' })
    await t.callOk(as.bureau, 'roster', 'createOrg', {
      requestId: 'req_joint_group_2',
      kind: 'group',
      parentId: branch.id,
      name: '岭下党小组',
    })
    const tree = await t.callOk(as.bureau, 'roster', 'tree')
    expect(tree.nodes.filter((node) => node.parentId === branch.id).map((node) => node.name)).toEqual([
      '东岭小学党小组',
      '岭下党小组',
    ])
    // The branch's new 书记 manages it from their next call.
    await t.db
      .collection('bindings')
      .add({ data: { _id: 'o_new_secretary', tenantId: 't_demo', memberId: member.id, boundAt: 0 } })
    const me = await t.callOk('o_new_secretary', 'roster', 'me')
    expect(me.roles).toContain('branch_secretary')
    expect(outcomeOf(await t.call('o_new_secretary', 'roster', 'listMembers', { branchId: branch.id }))).toBe('ok')
  })

  it('refuses with a coded reason and writes nothing: a duplicate name, a wrong parent, a branch without a school, a 组长 from elsewhere', async () => {
    const [orgs, audits] = [await orgCount(), await auditCount()]
    const refusals: [InputOf<'roster', 'createOrg'>, string][] = [
      [{ requestId: requestId(), kind: 'group', parentId: OWN, name: '低年级党小组' }, 'ORG.NAME_TAKEN'],
      [{ requestId: requestId(), kind: 'group', parentId: COMMITTEE, name: '直属党小组' }, 'ORG.BAD_PARENT'],
      [{ requestId: requestId(), kind: 'general_branch', parentId: GB, name: '套娃党总支' }, 'ORG.BAD_PARENT'],
      [{ requestId: requestId(), kind: 'branch', parentId: COMMITTEE, name: '无校党支部' }, 'ORG.SCHOOLS'],
      [
        {
          requestId: requestId(),
          kind: 'branch',
          parentId: COMMITTEE,
          name: '重名学校党支部',
          schools: [
            { name: '甲小学', type: 'primary' },
            { name: '甲小学', type: 'primary' },
          ],
        },
        'ORG.SCHOOLS',
      ],
      [
        { requestId: requestId(), kind: 'group', parentId: OWN, name: '外人党小组', leaderId: 'm_chengguan_02' },
        'ROSTER.GROUP_MISMATCH',
      ],
    ]
    for (const [input, code] of refusals) {
      expect([input.name, outcomeOf(await t.call(as.bureau, 'roster', 'createOrg', input))]).toEqual([input.name, code])
    }
    expect([await orgCount(), await auditCount()]).toEqual([orgs, audits])
  })

  it('renames a group and names its 组长; the history of the node says so, newest first', async () => {
    const groupId = await freshGroup(OWN)
    t.advance(60_000)
    await t.callOk(as.secretary, 'roster', 'updateOrg', {
      orgId: groupId,
      name: '语文组党小组',
      leaderId: 'm_shiyan_04',
    })
    const history = await t.callOk(as.secretary, 'roster', 'orgHistory', { orgId: groupId })
    expect(history.items.map((entry) => entry.summary)).toEqual([
      expect.stringContaining('更名为 语文组党小组'),
      expect.stringContaining('新建党小组'),
    ])
    expect(history.items[0].summary).toContain('任命组长')
    expect(outcomeOf(await t.call(as.member, 'roster', 'orgHistory', { orgId: groupId }))).toBe('AUTH.FORBIDDEN')
    expect(outcomeOf(await t.call('o_demo_m_chengguan_01', 'roster', 'orgHistory', { orgId: groupId }))).toBe(
      'AUTH.FORBIDDEN',
    )
  })
})

describe('closing and merging: nothing deleted, members go where the secretary says', () => {
  async function branchWithMembers(names: string[]): Promise<{ branchId: string; memberIds: string[] }> {
    const branchId = await freshBranch(GB)
    const memberIds: string[] = []
    for (const name of names) {
      const row = await t.callOk(as.bureau, 'roster', 'addMember', {
        branchId,
        name,
        groupId: null,
        memberType: 'formal',
        probationEndsOn: null,
        joinedOn: '2012-07-01',
        committeePosition: null,
        phone: null,
      })
      memberIds.push(row.id)
    }
    return { branchId, memberIds }
  }

  it('a branch with members is not closed until their destination is named; then they transfer with history', async () => {
    const { branchId, memberIds } = await branchWithMembers(['蒋撤并', '沈撤并'])
    const audits = await auditCount()
    const refused = await t.call(as.gbSecretary, 'roster', 'closeOrg', { orgId: branchId, reason: '学校撤并' })
    expect(refused).toMatchObject({ ok: false, error: { code: 'ORG.HAS_MEMBERS' } })
    expect(await auditCount()).toBe(audits)

    t.advance(60_000)
    const closed = await t.callOk(as.gbSecretary, 'roster', 'closeOrg', {
      orgId: branchId,
      reason: '学校撤并',
      to: UNDER_GB,
    })
    expect(closed).toMatchObject({ movedMembers: 2, closed: { status: 'closed', memberCount: 0 } })
    const roster = await t.callOk(as.gbSecretary, 'roster', 'listMembers', { branchId: UNDER_GB, search: '撤并' })
    expect(roster.items.map((row) => row.id).sort()).toEqual([...memberIds].sort())

    const history = await t.callOk(as.gbSecretary, 'roster', 'memberHistory', { memberId: memberIds[0] })
    expect(history.items.map((change) => change.kind)).toEqual(['join', 'transfer_out', 'transfer_in'])
    expect(history.items[2]).toMatchObject({
      branchName: '第一中学初中部党支部',
      reason: expect.stringContaining('学校撤并'),
    })

    // Gone from where a branch is picked, kept (closed) in the tree with its history.
    const directory = await t.callOk(as.bureau, 'roster', 'branchDirectory')
    expect(directory.branches.map((branch) => branch.id)).not.toContain(branchId)
    const tree = await t.callOk(as.bureau, 'roster', 'tree')
    expect(tree.nodes.find((node) => node.id === branchId)?.status).toBe('closed')
    const log = await t.callOk(as.bureau, 'roster', 'orgHistory', { orgId: branchId })
    expect(log.items[0].summary).toContain('撤销党支部')
    expect(outcomeOf(await t.call(as.bureau, 'roster', 'updateOrg', { orgId: branchId, name: '复活党支部' }))).toBe(
      'ORG.CLOSED',
    )
  })

  it('a retried 撤销 or 合并 whose answer was lost answers the done change again and writes nothing', async () => {
    const { branchId } = await branchWithMembers(['陶重试'])
    const input = { orgId: branchId, reason: '学校撤并', to: UNDER_GB }
    const first = await t.callOk(as.bureau, 'roster', 'closeOrg', input)
    const [audits, orgs] = [await auditCount(), await orgCount()]
    const again = await t.callOk(as.bureau, 'roster', 'closeOrg', input)
    expect(again).toMatchObject({ closed: { id: branchId, status: 'closed' }, movedMembers: 0 })
    expect(first.closed.id).toBe(again.closed.id)
    // Another reason is another request: the node is closed, and says so.
    expect(outcomeOf(await t.call(as.bureau, 'roster', 'closeOrg', { ...input, reason: '另一原因' }))).toBe(
      'ORG.CLOSED',
    )
    // Not the caller's to close, retried or not.
    expect(outcomeOf(await t.call(as.secretary, 'roster', 'closeOrg', input))).toBe('AUTH.FORBIDDEN')

    const [a, b] = [await freshGroup(OWN), await freshGroup(OWN)]
    await t.callOk(as.secretary, 'roster', 'mergeOrg', { orgId: a, intoId: b })
    const merges = await auditCount()
    const merged = await t.callOk(as.secretary, 'roster', 'mergeOrg', { orgId: a, intoId: b })
    expect(merged).toMatchObject({ closed: { id: a, status: 'closed' }, into: { id: b }, movedMembers: 0 })
    const c = await freshGroup(OWN)
    expect(outcomeOf(await t.call(as.secretary, 'roster', 'mergeOrg', { orgId: a, intoId: c }))).toBe('ORG.CLOSED')
    expect(await auditCount()).toBe(merges + 1) // the fresh group's creation only
    expect(await orgCount()).toBe(orgs + 3)
    expect(audits).toBeLessThan(merges)
  })

  it('merging two groups of a branch moves the members over and closes the first', async () => {
    const a = await freshGroup(OWN)
    const b = await freshGroup(OWN)
    await t.db
      .collection('members')
      .where({ _id: 'm_shiyan_03' })
      .update({ data: { groupId: a } })
    const merged = await t.callOk(as.secretary, 'roster', 'mergeOrg', { orgId: a, intoId: b })
    expect(merged).toMatchObject({ movedMembers: 1, closed: { status: 'closed' }, into: { memberCount: 1 } })
    const member = await t.callOk(as.secretary, 'roster', 'getMember', { memberId: 'm_shiyan_03' })
    expect(member.groupId).toBe(b)
    const across = await t.call(as.bureau, 'roster', 'mergeOrg', {
      orgId: await freshGroup(OWN),
      intoId: await freshGroup(OTHER),
    })
    expect(outcomeOf(across)).toBe('ORG.BAD_MERGE')
  })

  it('merging a branch into another transfers its members and brings its groups along', async () => {
    const { branchId, memberIds } = await branchWithMembers(['韩合并'])
    await t.callOk(as.bureau, 'roster', 'createOrg', {
      requestId: requestId(),
      kind: 'group',
      parentId: branchId,
      name: '随迁党小组',
    })
    const into = await freshBranch(GB)
    const merged = await t.callOk(as.gbSecretary, 'roster', 'mergeOrg', { orgId: branchId, intoId: into })
    expect(merged).toMatchObject({ movedMembers: 1, movedOrgs: 1, into: { memberCount: 1 } })
    const tree = await t.callOk(as.bureau, 'roster', 'tree')
    expect(tree.nodes.find((node) => node.name === '随迁党小组')?.parentId).toBe(into)
    expect((await t.callOk(as.bureau, 'roster', 'getMember', { memberId: memberIds[0] })).branchId).toBe(into)
    // A 总支书记 cannot merge a branch of theirs into one outside their 党总支.
    expect(outcomeOf(await t.call(as.gbSecretary, 'roster', 'mergeOrg', { orgId: into, intoId: OTHER }))).toBe(
      'AUTH.FORBIDDEN',
    )
  })

  it('closing a 党总支 moves its branches under the 党委 (or another 党总支), their ancestry with them', async () => {
    const gb = await t.callOk(as.bureau, 'roster', 'createOrg', {
      requestId: requestId(),
      kind: 'general_branch',
      parentId: COMMITTEE,
      name: '待撤党总支',
    })
    const branch = await freshBranch(gb.id)
    const group = await freshGroup(branch)
    expect(outcomeOf(await t.call(as.bureau, 'roster', 'closeOrg', { orgId: gb.id, reason: '机构调整' }))).toBe(
      'ORG.HAS_MEMBERS',
    )
    await t.callOk(as.bureau, 'roster', 'closeOrg', { orgId: gb.id, reason: '机构调整', to: COMMITTEE })
    const stored = (await t.db.collection('orgs').where({ _id: group }).get()).data[0] as { ancestors: string[] }
    expect(stored.ancestors).toEqual([COMMITTEE, branch])
  })
})

describe('grants take effect on the next call, and so does taking them away', () => {
  it('a 总支书记 grant opens the 党总支’s branches; revoking closes them', async () => {
    const openid = 'o_demo_m_chengguan_04'
    expect(outcomeOf(await t.call(openid, 'roster', 'listMembers', { branchId: UNDER_GB }))).toBe('AUTH.FORBIDDEN')
    const holder = await t.callOk(as.bureau, 'roster', 'grantRole', {
      memberId: 'm_chengguan_04',
      grant: { role: 'general_branch_secretary', orgId: GB },
    })
    expect(holder.grants).toEqual([{ role: 'general_branch_secretary', orgId: GB }])
    expect(outcomeOf(await t.call(openid, 'roster', 'listMembers', { branchId: UNDER_GB }))).toBe('ok')
    await t.callOk(as.bureau, 'roster', 'revokeRole', { memberId: 'm_chengguan_04', role: 'general_branch_secretary' })
    expect(outcomeOf(await t.call(openid, 'roster', 'listMembers', { branchId: UNDER_GB }))).toBe('AUTH.FORBIDDEN')
  })

  it('a 党建指导员 grant names the branches they guide; given again, it replaces them', async () => {
    const openid = 'o_demo_m_zhizhong_05'
    await t.callOk(as.bureau, 'roster', 'grantRole', {
      memberId: 'm_zhizhong_05',
      grant: { role: 'instructor', orgIds: [OWN] },
    })
    expect(outcomeOf(await t.call(openid, 'roster', 'listMembers', { branchId: OWN }))).toBe('ok')
    await t.callOk(as.bureau, 'roster', 'grantRole', {
      memberId: 'm_zhizhong_05',
      grant: { role: 'instructor', orgIds: [OTHER] },
    })
    expect(outcomeOf(await t.call(openid, 'roster', 'listMembers', { branchId: OWN }))).toBe('AUTH.FORBIDDEN')
    expect(outcomeOf(await t.call(openid, 'roster', 'listMembers', { branchId: OTHER }))).toBe('ok')
    const staff = await t.callOk(as.bureau, 'roster', 'staff')
    expect(staff.items.find((item) => item.memberId === 'm_zhizhong_05')?.grants).toEqual([
      { role: 'instructor', orgIds: [OTHER] },
    ])
  })

  it('nobody grants themself, and grants point at open nodes of the right kind', async () => {
    const self = await t.call(as.bureau, 'roster', 'grantRole', {
      memberId: 'm_bureau_01',
      grant: { role: 'general_branch_secretary', orgId: GB },
    })
    expect(outcomeOf(self)).toBe('ORG.SELF')
    const wrongKind = await t.call(as.bureau, 'roster', 'grantRole', {
      memberId: 'm_chengguan_03',
      grant: { role: 'general_branch_secretary', orgId: OWN },
    })
    expect(outcomeOf(wrongKind)).toBe('ORG.BAD_PARENT')
  })

  it('a bureau account added in the app can be invited, and acts as bureau staff once bound', async () => {
    const input = {
      requestId: 'req_staff_1',
      name: '钱组织',
      phone: '13911112222',
      grant: { role: 'bureau_staff' },
    } as const
    const holder = await t.callOk(as.bureau, 'roster', 'addStaff', input)
    expect(await t.callOk(as.bureau, 'roster', 'addStaff', input)).toEqual(holder)
    expect(outcomeOf(await t.call(as.secretary, 'roster', 'createInvitation', { memberId: holder.memberId }))).toBe(
      'AUTH.FORBIDDEN',
    )
    const invitation = await t.callOk(as.bureau, 'roster', 'createInvitation', { memberId: holder.memberId })
    expect(invitation.branchName).toBe('示例县教育局党委')
    const me = await t.callOk('o_new_bureau', 'roster', 'acceptInvitation', { code: invitation.code, name: '钱组织' })
    expect(me.roles).toEqual(['bureau_staff'])
    await t.callOk(as.bureau, 'roster', 'revokeRole', { memberId: holder.memberId, role: 'bureau_staff' })
    expect(outcomeOf(await t.call('o_new_bureau', 'roster', 'auditLog'))).toBe('AUTH.FORBIDDEN')
  })

  it('nobody can remove the last bureau account', async () => {
    await t.callOk(as.bureau, 'roster', 'revokeRole', { memberId: 'm_bureau_02', role: 'bureau_staff' })
    const audits = await auditCount()
    const last = await t.call(as.bureau, 'roster', 'revokeRole', { memberId: 'm_bureau_01', role: 'bureau_staff' })
    expect(last).toMatchObject({ ok: false, error: { code: 'ORG.LAST_BUREAU_STAFF' } })
    expect(await auditCount()).toBe(audits)
    expect((await t.callOk(as.bureau, 'roster', 'me')).roles).toContain('bureau_staff')
    await t.callOk(as.bureau, 'roster', 'grantRole', { memberId: 'm_bureau_02', grant: { role: 'bureau_staff' } })
  })
})
