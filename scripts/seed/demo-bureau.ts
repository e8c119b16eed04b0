/**
 * The demo tenant (示例县教育局党委) as plain documents: one general branch,
 * six branches (one a 联合支部 of three small schools), party groups, about
 * 60 members with committee roles, bindings for every member, and the personas
 * the H5 persona picker offers. Deterministic, so a re-seed writes the same ids.
 */
import { searchKeys } from '../../cloudfunctions/domain/roster/import/search-keys'
import type { CommitteePosition, Grant, MemberDoc, OrgDoc } from '../../types/roster'

export const DEMO_TENANT_ID = 't_demo'

export interface Persona {
  _id: string // the OPENID the dev gateway sends
  name: string
  label: string
  roles: string[]
  branchName: string | null
}

export interface DemoBureau {
  tenants: { _id: string; name: string }[]
  orgs: OrgDoc[]
  members: MemberDoc[]
  bindings: { _id: string; tenantId: string; memberId: string; boundAt: number }[]
  personas: Persona[]
}

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢'
const GIVEN = [
  '建国',
  '秀英',
  '志强',
  '丽华',
  '海燕',
  '文博',
  '晓东',
  '春梅',
  '国庆',
  '红霞',
  '振华',
  '雪梅',
  '立新',
  '玉兰',
  '明辉',
  '静',
  '磊',
  '敏',
  '洁',
  '涛',
  '芳',
  '强',
  '娟',
  '勇',
]

interface BranchPlan {
  id: string
  name: string
  parentId: string
  groups: string[]
  size: number
  schools?: string[]
}

const COMMITTEE_ID = 'org_committee'
const GENERAL_BRANCH_ID = 'org_gb_yizhong'

const BRANCHES: BranchPlan[] = [
  {
    id: 'org_b_yz_high',
    name: '第一中学高中部党支部',
    parentId: GENERAL_BRANCH_ID,
    groups: ['高一年级党小组', '高二年级党小组', '高三年级党小组'],
    size: 12,
  },
  {
    id: 'org_b_yz_junior',
    name: '第一中学初中部党支部',
    parentId: GENERAL_BRANCH_ID,
    groups: ['语文教研组党小组', '数学教研组党小组'],
    size: 10,
  },
  {
    id: 'org_b_shiyan',
    name: '实验小学党支部',
    parentId: COMMITTEE_ID,
    groups: ['低年级党小组', '高年级党小组'],
    size: 10,
  },
  {
    id: 'org_b_chengguan',
    name: '城关小学党支部',
    parentId: COMMITTEE_ID,
    groups: ['第一党小组', '第二党小组'],
    size: 9,
  },
  {
    id: 'org_b_zhizhong',
    name: '职业中学党支部',
    parentId: COMMITTEE_ID,
    groups: ['专业课党小组', '文化课党小组'],
    size: 8,
  },
  {
    id: 'org_b_shanqu',
    name: '山区学校联合支部',
    parentId: COMMITTEE_ID,
    groups: ['石门小学党小组', '青山小学党小组'],
    size: 7,
    schools: ['石门小学', '青山小学', '河口教学点'],
  },
]

/** Committee positions by seat order; branches with fewer than 7 members keep only a secretary. */
const COMMITTEE_SEATS: CommitteePosition[] = [
  'secretary',
  'organization',
  'publicity',
  'deputy_secretary',
  'discipline',
]

function personName(index: number): string {
  return SURNAMES[index % SURNAMES.length] + GIVEN[(index * 7) % GIVEN.length]
}

export function openidOf(memberId: string): string {
  return `o_demo_${memberId}`
}

export function demoBureau(now: number): DemoBureau {
  const tenantId = DEMO_TENANT_ID
  const orgs: OrgDoc[] = [
    {
      _id: COMMITTEE_ID,
      tenantId,
      kind: 'committee',
      name: '示例县教育局党委',
      parentId: null,
      ancestors: [],
      order: 0,
    },
    {
      _id: GENERAL_BRANCH_ID,
      tenantId,
      kind: 'general_branch',
      name: '第一中学党总支',
      parentId: COMMITTEE_ID,
      ancestors: [COMMITTEE_ID],
      order: 1,
    },
  ]
  const members: MemberDoc[] = []
  let personIndex = 0
  const blank = {
    tenantId,
    probationEndsOn: null,
    phone: null,
    status: 'active' as const,
    createdAt: now,
    updatedAt: now,
  }

  BRANCHES.forEach((plan, branchOrder) => {
    const branchAncestors = plan.parentId === COMMITTEE_ID ? [COMMITTEE_ID] : [COMMITTEE_ID, GENERAL_BRANCH_ID]
    orgs.push({
      _id: plan.id,
      tenantId,
      kind: 'branch',
      name: plan.name,
      parentId: plan.parentId,
      ancestors: branchAncestors,
      ...(plan.schools ? { schools: plan.schools } : {}),
      order: 10 + branchOrder,
    })
    const groupIds = plan.groups.map((groupName, groupOrder) => {
      const id = `${plan.id}_g${groupOrder + 1}`
      orgs.push({
        _id: id,
        tenantId,
        kind: 'group',
        name: groupName,
        parentId: plan.id,
        ancestors: [...branchAncestors, plan.id],
        order: groupOrder,
        // 组长: the group's second member by seat (the first of each group is often a committee member).
        leaderId: `${plan.id.replace('org_b_', 'm_')}_${String(groupOrder + plan.groups.length + 1).padStart(2, '0')}`,
      })
      return id
    })
    const seats = plan.size >= 7 ? COMMITTEE_SEATS.slice(0, plan.size >= 10 ? 5 : 3) : COMMITTEE_SEATS.slice(0, 1)
    for (let seat = 0; seat < plan.size; seat++) {
      const id = `${plan.id.replace('org_b_', 'm_')}_${String(seat + 1).padStart(2, '0')}`
      const probationary = seat === plan.size - 1
      members.push({
        ...blank,
        _id: id,
        name: personName(personIndex++),
        branchId: plan.id,
        groupId: groupIds[seat % groupIds.length],
        memberType: probationary ? 'probationary' : 'formal',
        probationEndsOn: probationary ? '2027-06-30' : null,
        joinedOn: `${2000 + ((seat * 3 + branchOrder) % 24)}-07-01`,
        committeePosition: seats[seat] ?? null,
        grants: [],
      })
    }
  })

  // The general-branch secretary is also the high-school branch's secretary, as is common.
  const gbSecretary = members.find((m) => m.branchId === 'org_b_yz_high' && m.committeePosition === 'secretary')
  gbSecretary?.grants.push({ role: 'general_branch_secretary', orgId: GENERAL_BRANCH_ID })

  const staff = (id: string, name: string, grants: Grant[]): MemberDoc => ({
    ...blank,
    _id: id,
    name,
    branchId: null,
    groupId: null,
    memberType: 'formal',
    joinedOn: null,
    committeePosition: null,
    grants,
  })
  members.push(
    staff('m_bureau_01', '周组织', [{ role: 'bureau_staff' }]),
    staff('m_bureau_02', '吴宣传', [{ role: 'bureau_staff' }]),
    staff('m_instructor_01', '郑指导', [{ role: 'instructor', orgIds: ['org_b_shanqu', 'org_b_zhizhong'] }]),
  )

  // Every demo member is bound: the member carries the claim a binding takes (one WeChat per member).
  for (const member of members) member.boundAt = now
  const bindings = members.map((m) => ({ _id: openidOf(m._id), tenantId, memberId: m._id, boundAt: now }))
  const branchName = new Map(orgs.map((o) => [o._id, o.name]))
  const persona = (member: MemberDoc, label: string, roles: string[]): Persona => ({
    _id: openidOf(member._id),
    name: member.name,
    label,
    roles,
    branchName: member.branchId ? (branchName.get(member.branchId) ?? null) : null,
  })
  const byId = (id: string) => {
    const found = members.find((m) => m._id === id)
    if (!found) throw new Error(`demo member ${id} missing`)
    return found
  }
  const secretaryOf = (branchId: string) => {
    const found = members.find((m) => m.branchId === branchId && m.committeePosition === 'secretary')
    if (!found) throw new Error(`demo branch ${branchId} has no secretary`)
    return found
  }
  const personas: Persona[] = [
    persona(byId('m_bureau_01'), '教育局党委 · 组织科', ['bureau_staff']),
    persona(byId('m_instructor_01'), '党建指导员', ['instructor']),
    persona(secretaryOf('org_b_yz_high'), '总支书记 / 支部书记', ['branch_secretary', 'general_branch_secretary']),
    persona(secretaryOf('org_b_shiyan'), '支部书记', ['branch_secretary']),
    persona(secretaryOf('org_b_shanqu'), '联合支部书记', ['branch_secretary']),
    persona(byId('m_shiyan_02'), '组织委员', ['branch_committee']),
    persona(byId('m_shiyan_06'), '党员', ['member']),
    persona(byId('m_shiyan_10'), '预备党员', ['member']),
    persona(byId('m_shanqu_03'), '党员（联合支部）', ['member']),
  ]

  return {
    tenants: [{ _id: tenantId, name: '示例县教育局党委' }],
    orgs,
    members: members.map((member) => ({ ...member, nameKeys: searchKeys(member.name) })),
    bindings,
    personas,
  }
}
