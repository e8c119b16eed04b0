import type { Role } from '../../../types/roles'
import type { MemberDoc } from '../../../types/roster'

/**
 * The roles a member holds, derived from their document alone: branch
 * membership makes a 党员, a committee position a 支部委员 (the 书记 a
 * 支部书记), and grants add the roles above the branch.
 */
export function rolesOf(member: Pick<MemberDoc, 'status' | 'branchId' | 'committeePosition' | 'grants'>): Role[] {
  if (member.status !== 'active') return []
  const roles = new Set<Role>()
  if (member.branchId) {
    roles.add('member')
    if (member.committeePosition === 'secretary') roles.add('branch_secretary')
    else if (member.committeePosition) roles.add('branch_committee')
  }
  for (const grant of member.grants) roles.add(grant.role)
  return [...roles]
}
