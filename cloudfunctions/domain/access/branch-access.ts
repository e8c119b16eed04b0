import type { Grant, MemberDoc, OrgDoc } from '../../../types/roster'
import { rolesOf } from './roles'

/**
 * What a caller may do with one branch's roster (名册), from their member
 * document and the branch's place in the tree:
 * - manage: add, edit, deactivate, transfer, import, invite
 * - read: see the roster (phones masked unless manage)
 * - none: nothing about that branch
 */
export type BranchAccess = 'manage' | 'read' | 'none'

type Caller = Pick<MemberDoc, 'tenantId' | 'status' | 'branchId' | 'committeePosition' | 'grants'>
type Branch = Pick<OrgDoc, '_id' | 'tenantId' | 'ancestors'>

const grantsOf = <R extends Grant['role']>(caller: Caller, role: R) =>
  caller.grants.filter((grant): grant is Extract<Grant, { role: R }> => grant.role === role)

export function branchAccess(caller: Caller, branch: Branch): BranchAccess {
  if (caller.tenantId !== branch.tenantId) return 'none'
  const roles = rolesOf(caller) // empty for a deactivated member, whatever their grants say
  if (roles.includes('bureau_staff')) return 'manage'
  if (
    roles.includes('general_branch_secretary') &&
    grantsOf(caller, 'general_branch_secretary').some((grant) => branch.ancestors.includes(grant.orgId))
  ) {
    return 'manage'
  }
  const own = caller.branchId === branch._id
  if (own && roles.includes('branch_secretary')) return 'manage'
  if (own && roles.includes('branch_committee')) return 'read'
  if (
    roles.includes('instructor') &&
    grantsOf(caller, 'instructor').some((grant) => grant.orgIds.includes(branch._id))
  ) {
    return 'read'
  }
  return 'none'
}

/**
 * Whether the caller may change a member's standing (停用, 组织关系转接, 解除绑定): a member holding a
 * grant above the branch (总支书记, 党建指导员, 教育局党委) is changed only by bureau staff, never by the
 * secretary of the branch they sit in.
 */
export function mayChangeStanding(caller: Caller, member: Pick<MemberDoc, 'grants'>): boolean {
  return member.grants.length === 0 || rolesOf(caller).includes('bureau_staff')
}
