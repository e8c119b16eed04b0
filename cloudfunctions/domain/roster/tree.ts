import type { OrgDoc, OrgNode } from '../../../types/roster'

/**
 * Rolls active-member counts up the tree: a group counts its own members, a
 * branch its members, and every node above the sum of the branches under it.
 */
export function treeWithCounts(
  orgs: OrgDoc[],
  membersPerBranch: Map<string | null, number>,
  membersPerGroup: Map<string | null, number>,
): OrgNode[] {
  const totals = new Map<string, number>()
  for (const org of orgs) {
    if (org.kind === 'group') totals.set(org._id, membersPerGroup.get(org._id) ?? 0)
    if (org.kind !== 'branch') continue
    const count = membersPerBranch.get(org._id) ?? 0
    for (const id of [org._id, ...org.ancestors]) totals.set(id, (totals.get(id) ?? 0) + count)
  }
  return [...orgs]
    .sort((a, b) => a.ancestors.length - b.ancestors.length || a.order - b.order)
    .map((org) => ({
      id: org._id,
      kind: org.kind,
      name: org.name,
      parentId: org.parentId,
      schools: org.schools ?? [],
      memberCount: totals.get(org._id) ?? 0,
    }))
}
