import type { api } from '../../types/api'
import { COLLECTIONS } from '../runtime/collections'
import { DomainError } from '../runtime/domain-error'
import type { Handler } from '../runtime/router'
import { loadBranch, loadMember, requireAccess } from '../shared/branch-access'

/** 党员组织关系变动: a member's 加入/转入/转出/停用, oldest first, names resolved. */
export const memberHistory: Handler<typeof api.roster.memberHistory> = async (input, { caller, store }) => {
  const member = await loadMember(store, caller, input.memberId)
  // Whoever may read the member's current branch reads its history; staff outside branches are bureau business.
  if (member.branchId) requireAccess(caller, await loadBranch(store, caller, member.branchId), 'read')
  else if (!caller.roles.includes('bureau_staff')) throw new DomainError('ROSTER.NOT_FOUND', '未找到该党员')
  const changes = await store.findAll(
    COLLECTIONS.membershipChanges,
    { tenantId: member.tenantId, memberId: member._id },
    { orderBy: [['at', 'asc']] },
  )
  // A transfer writes its 转出 and 转入 at the same instant: read them in that order.
  const step = { join: 0, transfer_out: 1, transfer_in: 2, leave: 3 }
  changes.sort((a, b) => a.at - b.at || step[a.kind] - step[b.kind])
  const orgIds = [...new Set(changes.flatMap((c) => [c.branchId, ...(c.otherBranchId ? [c.otherBranchId] : [])]))]
  const actorIds = [...new Set(changes.map((c) => c.by))]
  const [orgs, actors] = await Promise.all([
    orgIds.length
      ? store.find(COLLECTIONS.orgs, { _id: store.command.in(orgIds) }, { fields: { _id: true, name: true } })
      : [],
    actorIds.length
      ? store.find(COLLECTIONS.members, { _id: store.command.in(actorIds) }, { fields: { _id: true, name: true } })
      : [],
  ])
  const orgName = new Map(orgs.map((org) => [org._id, org.name]))
  const actorName = new Map(actors.map((actor) => [actor._id, actor.name]))
  return {
    items: changes.map((change) => ({
      id: change._id,
      kind: change.kind,
      at: change.at,
      branchName: orgName.get(change.branchId) ?? '',
      otherBranchName: change.otherBranchId ? (orgName.get(change.otherBranchId) ?? '') : null,
      reason: change.reason ?? null,
      byName: actorName.get(change.by) ?? (change.by === 'seed' ? '系统' : ''),
    })),
  }
}
