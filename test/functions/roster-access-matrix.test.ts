import type { InputOf } from '../../types/api'

import { memberDoc } from '../fixtures/member-doc'
import { as, type DemoEmulator, type Persona, startDemoEmulator } from './helpers/demo'

let t: DemoEmulator
beforeAll(async () => {
  t = await startDemoEmulator()
})
afterAll(() => t.stop())

const OWN = 'org_b_shiyan' // secretary / committee / member's own branch
const OTHER = 'org_b_chengguan' // nobody's but the bureau's
const UNDER_GB = 'org_b_yz_junior' // under the general-branch secretary's 总支
const ASSIGNED = 'org_b_shanqu' // the instructor's

type Outcome = 'ok' | 'AUTH.FORBIDDEN' | 'AUTH.NOT_BOUND'
type Target = typeof OWN | typeof OTHER | typeof UNDER_GB | typeof ASSIGNED

/** The expected outcome, written out per persona: [read a roster, manage a roster] by target branch. */
const expected: Record<Persona, Record<Target, [read: Outcome, manage: Outcome]>> = {
  bureau: { [OWN]: ['ok', 'ok'], [OTHER]: ['ok', 'ok'], [UNDER_GB]: ['ok', 'ok'], [ASSIGNED]: ['ok', 'ok'] },
  gbSecretary: {
    [OWN]: ['AUTH.FORBIDDEN', 'AUTH.FORBIDDEN'],
    [OTHER]: ['AUTH.FORBIDDEN', 'AUTH.FORBIDDEN'],
    [UNDER_GB]: ['ok', 'ok'],
    [ASSIGNED]: ['AUTH.FORBIDDEN', 'AUTH.FORBIDDEN'],
  },
  secretary: {
    [OWN]: ['ok', 'ok'],
    [OTHER]: ['AUTH.FORBIDDEN', 'AUTH.FORBIDDEN'],
    [UNDER_GB]: ['AUTH.FORBIDDEN', 'AUTH.FORBIDDEN'],
    [ASSIGNED]: ['AUTH.FORBIDDEN', 'AUTH.FORBIDDEN'],
  },
  committee: {
    [OWN]: ['ok', 'AUTH.FORBIDDEN'],
    [OTHER]: ['AUTH.FORBIDDEN', 'AUTH.FORBIDDEN'],
    [UNDER_GB]: ['AUTH.FORBIDDEN', 'AUTH.FORBIDDEN'],
    [ASSIGNED]: ['AUTH.FORBIDDEN', 'AUTH.FORBIDDEN'],
  },
  member: {
    [OWN]: ['AUTH.FORBIDDEN', 'AUTH.FORBIDDEN'],
    [OTHER]: ['AUTH.FORBIDDEN', 'AUTH.FORBIDDEN'],
    [UNDER_GB]: ['AUTH.FORBIDDEN', 'AUTH.FORBIDDEN'],
    [ASSIGNED]: ['AUTH.FORBIDDEN', 'AUTH.FORBIDDEN'],
  },
  instructor: {
    [OWN]: ['AUTH.FORBIDDEN', 'AUTH.FORBIDDEN'],
    [OTHER]: ['AUTH.FORBIDDEN', 'AUTH.FORBIDDEN'],
    [UNDER_GB]: ['AUTH.FORBIDDEN', 'AUTH.FORBIDDEN'],
    [ASSIGNED]: ['ok', 'AUTH.FORBIDDEN'],
  },
  unbound: {
    [OWN]: ['AUTH.NOT_BOUND', 'AUTH.NOT_BOUND'],
    [OTHER]: ['AUTH.NOT_BOUND', 'AUTH.NOT_BOUND'],
    [UNDER_GB]: ['AUTH.NOT_BOUND', 'AUTH.NOT_BOUND'],
    [ASSIGNED]: ['AUTH.NOT_BOUND', 'AUTH.NOT_BOUND'],
  },
}

let phoneSeq = 13900000000
/** A fresh member added by bureau staff, so each write case has its own subject. */
async function freshMember(branchId: string): Promise<string> {
  const result = await t.call(as.bureau, 'roster', 'addMember', {
    branchId,
    name: '测试党员',
    groupId: null,
    memberType: 'formal',
    probationEndsOn: null,
    joinedOn: '2015-07-01',
    committeePosition: null,
    phone: String(phoneSeq++),
  })
  if (!result.ok) throw new Error(JSON.stringify(result.error))
  return result.data.id
}

type Write = 'addMember' | 'updateMember' | 'deactivateMember' | 'transferMember' | 'createInvitation' | 'unbindMember'
/** Each write's input for a fresh member of a branch, typed by the action's contract. */
const writes: { [A in Write]: (branchId: string) => Promise<InputOf<'roster', A>> } = {
  addMember: async (branchId: string) => ({
    branchId,
    name: '新党员',
    groupId: null,
    memberType: 'probationary',
    probationEndsOn: '2027-07-01',
    joinedOn: '2026-07-01',
    committeePosition: null,
    phone: null,
  }),
  updateMember: async (branchId: string) => ({
    memberId: await freshMember(branchId),
    name: '测试党员',
    groupId: null,
    memberType: 'formal',
    probationEndsOn: null,
    joinedOn: '2016-07-01',
    committeePosition: null,
    phone: null,
  }),
  deactivateMember: async (branchId: string) => ({ memberId: await freshMember(branchId), reason: '调离本县' }),
  transferMember: async (branchId: string) => ({
    memberId: await freshMember(branchId),
    toBranchId: branchId === OTHER ? OWN : OTHER,
  }),
  createInvitation: async (branchId: string) => ({ memberId: await freshMember(branchId) }),
  unbindMember: async (branchId: string) => {
    const memberId = await freshMember(branchId)
    await t.db
      .collection('bindings')
      .add({ data: { _id: `o_mx_${memberId}`, tenantId: 't_demo', memberId, boundAt: 0 } })
    return { memberId, reason: '更换手机和微信' }
  },
}

const auditCount = async () => ((await t.db.collection('audit_log').count()) as { total: number }).total

const personas = Object.keys(as) as Persona[]
const targets = [OWN, OTHER, UNDER_GB, ASSIGNED] as const

describe.each(personas)('as %s', (persona) => {
  it.each(targets)('listMembers of %s', async (branchId) => {
    const result = await t.call(as[persona], 'roster', 'listMembers', { branchId })
    const outcome = expected[persona][branchId][0]
    expect(result.ok ? 'ok' : result.error.code).toBe(outcome)
  })

  it.each(targets)('memberInvitations in %s (managers only)', async (branchId) => {
    const memberId = await freshMember(branchId)
    const result = await t.call(as[persona], 'roster', 'memberInvitations', { memberId })
    expect(result.ok ? 'ok' : result.error.code).toBe(expected[persona][branchId][1])
  })

  it('branchDirectory (managers only)', async () => {
    const result = await t.call(as[persona], 'roster', 'branchDirectory')
    const outcome = ['bureau', 'gbSecretary', 'secretary'].includes(persona)
      ? 'ok'
      : persona === 'unbound'
        ? 'AUTH.NOT_BOUND'
        : 'AUTH.FORBIDDEN'
    expect(result.ok ? 'ok' : result.error.code).toBe(outcome)
    if (result.ok) expect(result.data.branches).toHaveLength(6)
  })

  it.each(targets)('getMember in %s', async (branchId) => {
    const memberId = await freshMember(branchId)
    const result = await t.call(as[persona], 'roster', 'getMember', { memberId })
    const outcome = expected[persona][branchId][0]
    expect(result.ok ? 'ok' : result.error.code).toBe(outcome)
  })

  // 组织架构 reads (issue #14): a member's 组织关系 history and a branch's 支委会 follow the roster's read line.
  it.each(targets)('memberHistory in %s', async (branchId) => {
    const memberId = await freshMember(branchId)
    const result = await t.call(as[persona], 'roster', 'memberHistory', { memberId })
    expect(result.ok ? 'ok' : result.error.code).toBe(expected[persona][branchId][0])
    if (result.ok) expect(result.data.items.map((item) => item.kind)).toEqual(['join'])
  })

  it.each(targets)('branchPosts of %s', async (branchId) => {
    const result = await t.call(as[persona], 'roster', 'branchPosts', { branchId })
    expect(result.ok ? 'ok' : result.error.code).toBe(expected[persona][branchId][0])
  })

  describe.each(Object.keys(writes) as Write[])('%s', (action) => {
    it.each(targets)('in %s', async (branchId) => {
      const data = await writes[action](branchId)
      const before = await auditCount()
      const result = await t.callUnchecked(as[persona], 'roster', action, data)
      const outcome = expected[persona][branchId][1]
      expect(result.ok ? 'ok' : result.error.code).toBe(outcome)
      if (outcome !== 'ok') expect(await auditCount()).toBe(before)
      else expect(await auditCount()).toBeGreaterThan(before)
    })
  })

  it('tree', async () => {
    const result = await t.call(as[persona], 'roster', 'tree')
    const visible = result.ok ? result.data.nodes.map((node) => node.id) : result.error.code
    const expectedBranches = targets.filter((branch) => expected[persona][branch][0] === 'ok')
    if (persona === 'member') expect(visible).toBe('AUTH.FORBIDDEN')
    else if (persona === 'unbound') expect(visible).toBe('AUTH.NOT_BOUND')
    else {
      for (const branch of targets) {
        expect([branch, (visible as string[]).includes(branch)]).toEqual([branch, expectedBranches.includes(branch)])
      }
    }
  })

  it('auditLog', async () => {
    const result = await t.call(as[persona], 'roster', 'auditLog')
    const outcome = persona === 'bureau' ? 'ok' : persona === 'unbound' ? 'AUTH.NOT_BOUND' : 'AUTH.FORBIDDEN'
    expect(result.ok ? 'ok' : result.error.code).toBe(outcome)
  })

  it('erasePersonalData and repairPrivacy (bureau staff only)', async () => {
    const memberId = await freshMember(OWN)
    await t.callOk(as.bureau, 'roster', 'deactivateMember', { memberId, reason: '调离本县' })
    const outcome = persona === 'bureau' ? 'ok' : persona === 'unbound' ? 'AUTH.NOT_BOUND' : 'AUTH.FORBIDDEN'
    const erased = await t.call(as[persona], 'roster', 'erasePersonalData', { memberId, reason: '本人申请' })
    expect(erased.ok ? 'ok' : erased.error.code).toBe(outcome)
    const repaired = await t.call(as[persona], 'roster', 'repairPrivacy', {})
    expect(repaired.ok ? 'ok' : repaired.error.code).toBe(outcome)
  })
})

describe('another tenant', () => {
  it('is invisible to a bureau of the other tenant: its branches are simply not found', async () => {
    await t.db.collection('members').add({
      data: memberDoc(
        { _id: 'm_other_bureau', tenantId: 't_other', name: '外县组织科', branchId: null },
        { grants: [{ role: 'bureau_staff' }] },
      ),
    })
    await t.db
      .collection('bindings')
      .add({ data: { _id: 'o_other_bureau', tenantId: 't_other', memberId: 'm_other_bureau', boundAt: 0 } })
    const list = await t.call('o_other_bureau', 'roster', 'listMembers', { branchId: OWN })
    expect(list).toMatchObject({ ok: false, error: { code: 'ROSTER.NOT_FOUND' } })
    const tree = await t.call('o_other_bureau', 'roster', 'tree')
    expect(tree.ok && tree.data.nodes).toEqual([])
  })
})
