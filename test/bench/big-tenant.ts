/**
 * A tenant at the size the product must carry without strain: 500 branches
 * (under 10 general branches and directly under the committee), 3 party
 * groups each, 10,000 members (20 per branch). Written through the real SDK.
 */
import type { MemberDoc, OrgDoc } from '../../types/roster'
import { memberDoc } from '../fixtures/member-doc'
import type { TestEmulator } from '../functions/helpers/emulator'

export const BIG_TENANT = 't_big'
export const BIG = {
  bureau: 'o_big_bureau',
  secretary: 'o_big_secretary', // secretary of the first branch
  firstBranch: 'big_b_000',
}

export async function seedBigTenant(t: TestEmulator, branches = 500, perBranch = 20): Promise<void> {
  const tenantId = BIG_TENANT
  const orgs: OrgDoc[] = [
    {
      _id: 'big_committee',
      tenantId,
      kind: 'committee',
      name: '大县教育局党委',
      parentId: null,
      ancestors: [],
      order: 0,
      status: 'active',
    },
  ]
  for (let g = 0; g < 10; g++) {
    orgs.push({
      _id: `big_gb_${g}`,
      tenantId,
      kind: 'general_branch',
      name: `第${g + 1}党总支`,
      parentId: 'big_committee',
      ancestors: ['big_committee'],
      order: g,
      status: 'active',
    })
  }
  const members: MemberDoc[] = []
  for (let b = 0; b < branches; b++) {
    const id = `big_b_${String(b).padStart(3, '0')}`
    const parent = b % 5 === 0 ? `big_gb_${b % 10}` : 'big_committee'
    const ancestors = parent === 'big_committee' ? ['big_committee'] : ['big_committee', parent]
    orgs.push({
      _id: id,
      tenantId,
      kind: 'branch',
      name: `第${b + 1}学校党支部`,
      parentId: parent,
      ancestors,
      order: b,
      status: 'active',
    })
    for (let g = 0; g < 3; g++) {
      orgs.push({
        _id: `${id}_g${g}`,
        tenantId,
        kind: 'group',
        name: `第${g + 1}党小组`,
        parentId: id,
        ancestors: [...ancestors, id],
        order: g,
        status: 'active',
      })
    }
    for (let m = 0; m < perBranch; m++) {
      members.push(
        memberDoc(
          { _id: `${id}_m${String(m).padStart(2, '0')}`, tenantId, name: `党员${b}-${m}`, branchId: id },
          {
            groupId: `${id}_g${m % 3}`,
            joinedOn: '2010-07-01',
            committeePosition: m === 0 ? 'secretary' : null,
            phone: `15${String(b * perBranch + m).padStart(9, '0')}`,
            createdAt: m,
            updatedAt: m,
          },
        ),
      )
    }
  }
  members.push({
    ...members[0],
    _id: 'big_bureau',
    name: '组织科',
    branchId: null,
    groupId: null,
    committeePosition: null,
    phone: null,
    grants: [{ role: 'bureau_staff' }],
  })
  const bindings = [
    { _id: BIG.bureau, tenantId, memberId: 'big_bureau', boundAt: 0 },
    { _id: BIG.secretary, tenantId, memberId: `${BIG.firstBranch}_m00`, boundAt: 0 },
  ]
  for (const name of ['tenants', 'orgs', 'members', 'bindings']) await t.db.createCollection(name).catch(() => {})
  await t.db.collection('tenants').add({ data: { _id: tenantId, name: '大县教育局党委' } })
  for (const [collection, docs] of [
    ['orgs', orgs],
    ['members', members],
    ['bindings', bindings],
  ] as const) {
    for (let i = 0; i < docs.length; i += 50) {
      await Promise.all(docs.slice(i, i + 50).map((doc) => t.db.collection(collection).add({ data: doc })))
    }
  }
}
