import type { MemberDoc, OrgDoc, OrgNode } from '../../../types/roster'

/** What a node shows of the members it points at (a group's 组长). */
export type LeaderInfo = Pick<MemberDoc, '_id' | 'name' | 'branchId' | 'status'>

/** A group's 组长 while they are still an active member of the group's branch; a transfer or 停用 ends it. */
export function leaderOf(
  org: Pick<OrgDoc, 'kind' | 'parentId' | 'leaderId'>,
  members: ReadonlyMap<string, LeaderInfo>,
) {
  if (org.kind !== 'group' || !org.leaderId) return null
  const leader = members.get(org.leaderId)
  return leader && leader.status === 'active' && leader.branchId === org.parentId
    ? { id: leader._id, name: leader.name }
    : null
}

/** One node as the app shows it. */
export function orgNodeOf(org: OrgDoc, memberCount: number, leaders: ReadonlyMap<string, LeaderInfo>): OrgNode {
  return {
    id: org._id,
    kind: org.kind,
    name: org.name,
    parentId: org.parentId,
    schools: org.schools ?? [],
    leader: leaderOf(org, leaders),
    status: org.status,
    memberCount,
  }
}

/**
 * Rolls active-member counts up the tree: a group counts its own members, a
 * branch its members, and every node above the sum of the branches under it.
 * Open nodes come first in tree order; closed ones (撤销) after them.
 */
export function treeWithCounts(
  orgs: OrgDoc[],
  membersPerBranch: Map<string | null, number>,
  membersPerGroup: Map<string | null, number>,
  leaders: ReadonlyMap<string, LeaderInfo> = new Map(),
): OrgNode[] {
  const totals = new Map<string, number>()
  for (const org of orgs) {
    if (org.kind === 'group') totals.set(org._id, membersPerGroup.get(org._id) ?? 0)
    if (org.kind !== 'branch') continue
    const count = membersPerBranch.get(org._id) ?? 0
    for (const id of [org._id, ...org.ancestors]) totals.set(id, (totals.get(id) ?? 0) + count)
  }
  const closed = (org: OrgDoc) => (org.status === 'closed' ? 1 : 0)
  return [...orgs]
    .sort((a, b) => closed(a) - closed(b) || a.ancestors.length - b.ancestors.length || a.order - b.order)
    .map((org) => orgNodeOf(org, totals.get(org._id) ?? 0, leaders))
}
