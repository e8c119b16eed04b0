import { defineAction } from './action'
import { DateOnly, Id } from './ids'
import { ROLES, Role } from './roles'
import * as z from './zod'

/** 支委会 positions a member may hold in their branch. */
export const COMMITTEE_POSITIONS = [
  'secretary', // 书记
  'deputy_secretary', // 副书记
  'organization', // 组织委员
  'publicity', // 宣传委员
  'discipline', // 纪检委员
] as const
export const CommitteePosition = z.enum(COMMITTEE_POSITIONS)
export type CommitteePosition = z.infer<typeof CommitteePosition>

export const COMMITTEE_POSITION_LABELS: Record<CommitteePosition, string> = {
  secretary: '书记',
  deputy_secretary: '副书记',
  organization: '组织委员',
  publicity: '宣传委员',
  discipline: '纪检委员',
}

/** Nodes of the organisation tree. */
export const ORG_KINDS = [
  'committee', // 教育局党委 (one per tenant, the root)
  'general_branch', // 党总支
  'branch', // 党支部 (or 联合支部 when joint)
  'group', // 党小组
] as const
export const OrgKind = z.enum(ORG_KINDS)
export type OrgKind = z.infer<typeof OrgKind>

export const MemberType = z.enum(['formal', 'probationary']) // 正式党员 / 预备党员
export type MemberType = z.infer<typeof MemberType>

/** Roles granted beyond those that follow from branch membership. */
export const Grant = z.discriminatedUnion('role', [
  z.object({ role: z.literal('bureau_staff') }),
  z.object({ role: z.literal('general_branch_secretary'), orgId: Id }),
  z.object({ role: z.literal('instructor'), orgIds: z.array(Id) }),
])
export type Grant = z.infer<typeof Grant>

/** Stored documents (collection name in the comment). */
export const OrgDoc = z.object({
  _id: Id,
  tenantId: Id,
  kind: OrgKind,
  name: z.string().min(1).max(60),
  parentId: Id.nullable(),
  /** Ids from the root down to the parent, so a subtree is one query. */
  ancestors: z.array(Id),
  /** 联合支部: the schools a joint branch covers. */
  schools: z.array(z.string()).optional(),
  order: z.number().int(),
}) // orgs
export type OrgDoc = z.infer<typeof OrgDoc>

export const MemberDoc = z.object({
  _id: Id,
  tenantId: Id,
  name: z.string().min(1).max(30),
  branchId: Id.nullable(),
  groupId: Id.nullable(),
  memberType: MemberType,
  probationEndsOn: DateOnly.nullable(),
  joinedOn: DateOnly.nullable(),
  committeePosition: CommitteePosition.nullable(),
  phone: z.string().nullable(),
  status: z.enum(['active', 'inactive']),
  grants: z.array(Grant),
  createdAt: z.number(),
  updatedAt: z.number(),
}) // members
export type MemberDoc = z.infer<typeof MemberDoc>

/** One WeChat user bound to one member; `_id` is the OPENID so a second bind of it fails. */
export const BindingDoc = z.object({
  _id: z.string(),
  tenantId: Id,
  memberId: Id,
  boundAt: z.number(),
}) // bindings

const OrgRef = z.object({ id: Id, name: z.string() })

export const Me = z.object({
  memberId: Id,
  name: z.string(),
  tenant: OrgRef,
  branch: OrgRef.extend({ joint: z.boolean() }).nullable(),
  group: OrgRef.nullable(),
  memberType: MemberType,
  committeePosition: CommitteePosition.nullable(),
  roles: z.array(Role),
})
export type Me = z.infer<typeof Me>

export const rosterActions = {
  me: defineAction({
    summary: "The caller's own profile: name, branch, party group, committee position and roles.",
    input: z.object({}).strict(),
    output: Me,
    roles: ROLES,
    errors: [],
  }),
}
