import { defineAction } from './action'
import { Id } from './ids'
import { pageInput } from './paging'
import { ROSTER_MANAGERS, ROSTER_READERS } from './roles'
import { AuditEntry, CommitteePosition, Grant, NEW_ORG_KINDS, OrgNode, PersonName, Phone, School } from './roster'
import * as z from './zod'

/**
 * 组织架构与任职: the organisation tree and who holds which post, kept from the
 * app. Bureau staff shape the whole tenant, a 总支书记 the branches under their
 * 党总支, a 支部书记 their branch's 党小组 and committee; nothing is deleted —
 * a closed node keeps its history, and every change is in the audit log.
 */

const OrgName = z.string().trim().min(2, '名称至少2个字').max(40, '名称不能超过40个字')

/** A 联合支部 covers at least two schools; a school's branch names its one school. */
const Schools = z.array(School).max(30, '一个支部最多覆盖30所学校')

export const CreateOrgInput = z.object({
  /** The client's id for this create: a retried tap answers the node the first one made. */
  requestId: Id,
  kind: z.enum(NEW_ORG_KINDS),
  parentId: Id,
  name: OrgName,
  /** Branches only: the school(s) the branch serves, two or more for a 联合支部. */
  schools: Schools.default([]),
  /** Groups only: the 党小组组长, an active member of the branch. */
  leaderId: Id.nullable().default(null),
})

/** What a closed node's members (or branches) go to: asked whenever it still has some. */
const Destination = Id.nullable().default(null)

const Page = pageInput()

export const MembershipChange = z.object({
  id: Id,
  kind: z.enum(['join', 'transfer_in', 'transfer_out', 'leave']),
  at: z.number(),
  branchName: z.string(),
  otherBranchName: z.string().nullable(),
  reason: z.string().nullable(),
  byName: z.string(),
})
export type MembershipChange = z.infer<typeof MembershipChange>

/** One holder of a post above the branch roster (局党委, 总支书记, 党建指导员). */
export const StaffHolder = z.object({
  memberId: Id,
  name: z.string(),
  branchName: z.string().nullable(),
  grants: z.array(Grant),
  bound: z.boolean(),
})
export type StaffHolder = z.infer<typeof StaffHolder>

/** A branch's 支委会 and 党小组组长, as the 任职 page shows them. */
export const BranchPosts = z.object({
  branchId: Id,
  branchName: z.string(),
  committee: z.array(z.object({ memberId: Id, name: z.string(), position: CommitteePosition })),
  groups: z.array(
    z.object({ groupId: Id, name: z.string(), leader: z.object({ memberId: Id, name: z.string() }).nullable() }),
  ),
})
export type BranchPosts = z.infer<typeof BranchPosts>

const ORG_CHANGE_ERRORS = ['ROSTER.NOT_FOUND', 'ORG.CLOSED', 'ORG.NAME_TAKEN'] as const

export const orgActions = {
  createOrg: defineAction({
    summary:
      'Creates a 党总支 (bureau staff), a 党支部 or 联合支部 with its schools and their types (bureau staff; a 总支书记 under their 党总支), or a 党小组 with its 组长 (also the branch secretary). A retry with the same requestId answers the node made first.',
    input: CreateOrgInput,
    output: OrgNode,
    roles: ROSTER_MANAGERS,
    errors: [...ORG_CHANGE_ERRORS, 'ORG.BAD_PARENT', 'ORG.SCHOOLS', 'ROSTER.GROUP_MISMATCH'],
  }),
  updateOrg: defineAction({
    summary: "Renames a node and, for a branch, sets the schools it serves (a 联合支部's list); for a group, its 组长.",
    input: z.object({
      orgId: Id,
      name: OrgName,
      schools: Schools.optional(),
      leaderId: Id.nullable().optional(),
    }),
    output: OrgNode,
    roles: ROSTER_MANAGERS,
    errors: [...ORG_CHANGE_ERRORS, 'ORG.SCHOOLS', 'ROSTER.GROUP_MISMATCH'],
  }),
  moveOrg: defineAction({
    summary: 'Moves a branch under the 党委 or another 党总支 (bureau staff); its groups and members come along.',
    input: z.object({ orgId: Id, parentId: Id }),
    output: OrgNode,
    roles: ['bureau_staff'],
    errors: [...ORG_CHANGE_ERRORS, 'ORG.BAD_PARENT'],
  }),
  mergeOrg: defineAction({
    summary:
      'Merges a node into another of its kind and closes it: a branch’s members transfer (组织关系转接, history kept, committee posts end) and its groups move over; a group’s members join the other group; a 党总支’s branches move over. Repeated after it is done (a lost answer), it answers the merge again and writes nothing.',
    input: z.object({ orgId: Id, intoId: Id }),
    output: z.object({ closed: OrgNode, into: OrgNode, movedMembers: z.number().int(), movedOrgs: z.number().int() }),
    roles: ROSTER_MANAGERS,
    errors: [...ORG_CHANGE_ERRORS, 'ORG.BAD_MERGE'],
  }),
  closeOrg: defineAction({
    summary:
      'Closes (撤销) a node, nothing deleted: a branch with members names the branch they transfer to; a group with members the group they join (or none); a 党总支 with branches the 党委 or 党总支 they move under. Repeated with the same reason after it is done (a lost answer), it answers the closed node and writes nothing.',
    input: z.object({ orgId: Id, reason: z.string().trim().min(2, '请填写撤销原因').max(100), to: Destination }),
    output: z.object({ closed: OrgNode, movedMembers: z.number().int(), movedOrgs: z.number().int() }),
    roles: ROSTER_MANAGERS,
    errors: [...ORG_CHANGE_ERRORS, 'ORG.HAS_MEMBERS', 'ORG.BAD_PARENT', 'ROSTER.GROUP_MISMATCH'],
  }),
  orgHistory: defineAction({
    summary: "A node's history, newest first: created, renamed, moved, merged, closed, posts given and taken.",
    input: Page.extend({ orgId: Id }),
    output: z.object({ items: z.array(AuditEntry), total: z.number().int(), page: z.number().int() }),
    roles: ROSTER_READERS,
    errors: ['ROSTER.NOT_FOUND'],
  }),
  memberHistory: defineAction({
    summary:
      "A member's membership history (加入, 转入, 转出, 停用) with dates, branches and who recorded it, oldest first.",
    input: z.object({ memberId: Id }),
    output: z.object({ items: z.array(MembershipChange) }),
    roles: ROSTER_READERS,
    errors: ['ROSTER.NOT_FOUND'],
  }),
  staff: defineAction({
    summary:
      'Who holds the posts above the branches: bureau staff (局党委), 总支书记 and 党建指导员 with the branches they guide (bureau staff only).',
    input: z.object({}).strict(),
    output: z.object({ items: z.array(StaffHolder) }),
    roles: ['bureau_staff'],
    errors: [],
  }),
  branchPosts: defineAction({
    summary: "A branch's 支委会 (书记, 副书记, 委员…) and each 党小组's 组长.",
    input: z.object({ branchId: Id }),
    output: BranchPosts,
    roles: ROSTER_READERS,
    errors: ['ROSTER.NOT_FOUND'],
  }),
  grantRole: defineAction({
    summary:
      'Gives a member a post above the branch (bureau staff only): 局党委 staff, 总支书记 of a 党总支, or 党建指导员 of chosen branches (given again, the branches are replaced). Takes effect on their next call; nobody grants themself.',
    input: z.object({ memberId: Id, grant: Grant }),
    output: StaffHolder,
    roles: ['bureau_staff'],
    errors: ['ROSTER.NOT_FOUND', 'ROSTER.INACTIVE', 'ORG.CLOSED', 'ORG.BAD_PARENT', 'ORG.SELF'],
  }),
  revokeRole: defineAction({
    summary:
      'Takes a post above the branch away (bureau staff only), from the next call on; the last bureau staff account stays.',
    input: z.object({ memberId: Id, role: z.enum(['bureau_staff', 'general_branch_secretary', 'instructor']) }),
    output: StaffHolder,
    roles: ['bureau_staff'],
    errors: ['ROSTER.NOT_FOUND', 'ORG.LAST_BUREAU_STAFF'],
  }),
  appointCommittee: defineAction({
    summary:
      'Sets or ends a member’s 支委会 post (书记, 副书记, 组织/宣传/纪检委员, 委员); one 书记 per branch. The 书记 is appointed from above (bureau staff, the 总支书记); a 支部书记 appoints the other posts of their own branch. Nobody appoints themself.',
    input: z.object({ memberId: Id, position: CommitteePosition.nullable() }),
    output: BranchPosts,
    roles: ROSTER_MANAGERS,
    errors: ['ROSTER.NOT_FOUND', 'ROSTER.INACTIVE', 'ROSTER.SECRETARY_TAKEN', 'ORG.SELF'],
  }),
  addStaff: defineAction({
    summary:
      'Adds an account outside any branch roster (bureau staff only): a 局党委 staff member or a 党建指导员, to be invited to bind their WeChat. A retry with the same requestId answers the account made first.',
    input: z.object({
      requestId: Id,
      name: PersonName,
      phone: Phone.nullable(),
      grant: Grant,
    }),
    output: StaffHolder,
    roles: ['bureau_staff'],
    errors: ['ROSTER.DUPLICATE_PHONE', 'ORG.CLOSED', 'ORG.BAD_PARENT'],
  }),
}
