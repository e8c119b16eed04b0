import type { MemberDoc, OrgDoc } from '../../types/roster'
import { type BranchAccess, branchAccess, mayChangeStanding } from '../domain/access/branch-access'
import type { Caller } from '../runtime/caller'
import { COLLECTIONS } from '../runtime/collections'
import { DomainError } from '../runtime/domain-error'
import type { Store } from '../runtime/store'

/** The branch by id within the caller's tenant; another tenant's id is simply not found. */
export async function loadBranch(store: Store, caller: Caller, branchId: string): Promise<OrgDoc> {
  const org = await store.get(COLLECTIONS.orgs, branchId)
  if (org?.kind !== 'branch' || org.tenantId !== caller.member.tenantId) {
    throw new DomainError('ROSTER.NOT_FOUND', '未找到该支部')
  }
  return org
}

export async function loadMember(store: Store, caller: Caller, memberId: string): Promise<MemberDoc> {
  const member = await store.get(COLLECTIONS.members, memberId)
  if (!member || member.tenantId !== caller.member.tenantId) throw new DomainError('ROSTER.NOT_FOUND', '未找到该党员')
  return member
}

/** Refuses with AUTH.FORBIDDEN unless the caller has at least `needed` over the branch. */
export function requireAccess(
  caller: Caller,
  branch: OrgDoc,
  needed: Exclude<BranchAccess, 'none'>,
): Exclude<BranchAccess, 'none'> {
  const access = branchAccess(caller.member, branch)
  if (access === 'none' || (needed === 'manage' && access !== 'manage')) throw new DomainError('AUTH.FORBIDDEN')
  return access
}

/** Loads a member and the branch they belong to, refusing unless the caller manages that branch. */
export async function loadManagedMember(store: Store, caller: Caller, memberId: string) {
  const member = await loadMember(store, caller, memberId)
  if (!member.branchId) throw new DomainError('AUTH.FORBIDDEN')
  const branch = await loadBranch(store, caller, member.branchId)
  requireAccess(caller, branch, 'manage')
  return { member, branch }
}

/**
 * A member whose standing the caller may change (停用, 转接, 解除绑定): in a branch they manage, and not
 * holding a grant above it unless the caller is bureau staff.
 */
export async function loadMemberToChange(store: Store, caller: Caller, memberId: string) {
  const loaded = await loadManagedMember(store, caller, memberId)
  if (!mayChangeStanding(caller.member, loaded.member)) throw new DomainError('ROSTER.HIGHER_GRANT')
  return loaded
}

/** A party group (党小组) must belong to the member's branch. */
export async function requireGroupIn(store: Store, groupId: string | null, branch: OrgDoc): Promise<void> {
  if (!groupId) return
  const group = await store.get(COLLECTIONS.orgs, groupId)
  if (group?.kind !== 'group' || group.parentId !== branch._id) throw new DomainError('ROSTER.GROUP_MISMATCH')
}
