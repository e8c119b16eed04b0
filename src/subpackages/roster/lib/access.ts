import type { Me, OrgNode } from '../../../../types/roster'

/**
 * Whether the caller manages (新增、编辑、停用、转接、邀请) a branch's roster, as far as
 * the client can tell: bureau staff everywhere, a branch secretary in their own
 * branch, a general-branch secretary under a 党总支 they can see (roster.tree only
 * shows them their own 党总支). The server decides for real; this only chooses
 * which buttons to show.
 */
export function canManageBranch(me: Me, branchId: string, nodes: readonly OrgNode[] | null): boolean {
  if (me.roles.includes('bureau_staff')) return true
  if (me.roles.includes('branch_secretary') && me.branch?.id === branchId) return true
  if (me.roles.includes('general_branch_secretary') && nodes) {
    return ancestorsOf(branchId, nodes).some((node) => node.kind === 'general_branch')
  }
  return false
}

function ancestorsOf(id: string, nodes: readonly OrgNode[]): OrgNode[] {
  const byId = new Map(nodes.map((node) => [node.id, node]))
  const found: OrgNode[] = []
  let parentId = byId.get(id)?.parentId ?? null
  while (parentId) {
    const parent = byId.get(parentId)
    if (!parent || found.includes(parent)) break
    found.push(parent)
    parentId = parent.parentId
  }
  return found
}
