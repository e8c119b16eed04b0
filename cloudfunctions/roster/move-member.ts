import type { api } from '../../types/api'
import type { MemberDoc } from '../../types/roster'
import { branchAccess } from '../domain/access/branch-access'
import { COLLECTIONS } from '../runtime/collections'
import { DomainError } from '../runtime/domain-error'
import type { Handler } from '../runtime/router'
import { writeAudit } from '../shared/audit'
import { loadBranch, loadMemberToChange, requireGroupIn } from '../shared/branch-access'
import { duesFollowMembership } from '../shared/dues-ledger'
import { followMembership } from '../shared/meeting-invitations'
import { leaveRoster, writeMembershipChange } from '../shared/members'
import { boundMemberIds, toRow } from './member-row'
import { requireAnotherBureauAccount } from './posts'

/** 停用: the member has left; their history stays and their WeChat can no longer act as them. */
export const deactivateMember: Handler<typeof api.roster.deactivateMember> = async (input, ctx) => {
  const { caller, store } = ctx
  const { member } = await loadMemberToChange(store, caller, input.memberId)
  if (member.status !== 'active') throw new DomainError('ROSTER.INACTIVE')
  await requireAnotherBureauAccount(store, member)
  const updated = await leaveRoster(ctx, member, { kind: 'leave', reason: input.reason })
  await writeAudit(ctx, {
    action: 'roster.deactivateMember',
    targetId: member._id,
    summary: `停用党员 ${member.name}：${input.reason}`,
    before: member,
    after: updated,
  })
  const bound = await boundMemberIds(store, [member._id])
  return toRow(updated, 'manage', bound.has(member._id))
}

/** 组织关系转接: out of the member's branch and into another branch of the tenant. */
export const transferMember: Handler<typeof api.roster.transferMember> = async (input, ctx) => {
  const { caller, store, clock } = ctx
  const { member, branch } = await loadMemberToChange(store, caller, input.memberId)
  if (member.status !== 'active') throw new DomainError('ROSTER.INACTIVE')
  const target = await loadBranch(store, caller, input.toBranchId)
  if (target._id === branch._id) throw new DomainError('ROSTER.SAME_BRANCH')
  await requireGroupIn(store, input.toGroupId, target)
  const changes = { branchId: target._id, groupId: input.toGroupId, committeePosition: null, updatedAt: clock.now() }
  const updated: MemberDoc = { ...member, ...changes }
  await store.update(COLLECTIONS.members, member._id, changes)
  await followMembership(
    store,
    { id: member._id, tenantId: member.tenantId, toGroupId: input.toGroupId },
    branch._id,
    target._id,
    changes.updatedAt,
  )
  await writeMembershipChange(ctx, {
    memberId: member._id,
    kind: 'transfer_out',
    branchId: branch._id,
    otherBranchId: target._id,
  })
  await writeMembershipChange(ctx, {
    memberId: member._id,
    kind: 'transfer_in',
    branchId: target._id,
    otherBranchId: branch._id,
  })
  // Dues: the months before the move stay with the old branch, this month on is the new one's; both
  // branches' figures and the member's arrears (now the new branch's to follow) are rewritten here.
  await duesFollowMembership(ctx, updated, [branch._id, target._id])
  await writeAudit(ctx, {
    action: 'roster.transferMember',
    targetId: member._id,
    summary: `${member.name} 由 ${branch.name} 转入 ${target.name}`,
    before: member,
    after: updated,
  })
  const bound = await boundMemberIds(store, [member._id])
  // The phone stays visible only if the caller also manages the receiving branch.
  const access = branchAccess(caller.member, target) === 'manage' ? 'manage' : 'read'
  return toRow(updated, access, bound.has(member._id))
}
