import type { api } from '../../types/api'
import { DomainError } from '../runtime/domain-error'
import type { Handler } from '../runtime/router'
import { loadBranch, loadMember, requireAccess } from '../shared/branch-access'
import { boundMemberIds, floatingOf, toRow, withFloating } from './member-row'

/** 党员详情 */
export const getMember: Handler<typeof api.roster.getMember> = async (input, { caller, store }) => {
  const member = await loadMember(store, caller, input.memberId)
  // Staff accounts without a branch are not on any roster.
  if (!member.branchId) throw new DomainError('ROSTER.NOT_FOUND', '未找到该党员')
  const branch = await loadBranch(store, caller, member.branchId)
  const access = requireAccess(caller, branch, 'read')
  const [bound, floating] = await Promise.all([
    boundMemberIds(store, [member._id]),
    floatingOf(store, member.tenantId, [member._id]),
  ])
  return { ...withFloating(toRow(member, access, bound.has(member._id)), floating), branchName: branch.name, access }
}
