import type { api } from '../../types/api'
import { branchAccess } from '../domain/access/branch-access'
import { treeWithCounts } from '../domain/roster/tree'
import { COLLECTIONS } from '../runtime/collections'
import type { Handler } from '../runtime/router'
import { leadersOf } from './org-store'

/** 组织架构: the nodes the caller may see, each with its active member count; closed ones last. */
export const tree: Handler<typeof api.roster.tree> = async (_input, { caller, store }) => {
  const tenantId = caller.member.tenantId
  const active = { tenantId, status: 'active' }
  const [orgs, perBranch, perGroup] = await Promise.all([
    store.findAll(COLLECTIONS.orgs, { tenantId }),
    store.countBy(COLLECTIONS.members, active, 'branchId'),
    store.countBy(COLLECTIONS.members, active, 'groupId'),
  ])
  const visibleBranches = new Set(
    orgs.filter((org) => org.kind === 'branch' && branchAccess(caller.member, org) !== 'none').map((org) => org._id),
  )
  const visible = new Set<string>()
  for (const org of orgs) {
    const branchId = org.kind === 'branch' ? org._id : org.kind === 'group' ? org.parentId : null
    if (!branchId || !visibleBranches.has(branchId)) continue
    visible.add(org._id)
    for (const id of org.ancestors) visible.add(id)
  }
  // Bureau staff also see what has nothing under it yet: a new 党总支, the 党委 of an empty tenant.
  if (caller.roles.includes('bureau_staff')) for (const org of orgs) visible.add(org._id)
  const shown = orgs.filter((org) => visible.has(org._id))
  const nodes = treeWithCounts(orgs, perBranch, perGroup, await leadersOf(store, shown))
  return { nodes: nodes.filter((node) => visible.has(node.id)) }
}

/** Every open branch's name in the tenant, members left out: where a 组织关系转接 may send someone. */
export const branchDirectory: Handler<typeof api.roster.branchDirectory> = async (_input, { caller, store }) => {
  const branches = await store.findAll(
    COLLECTIONS.orgs,
    { tenantId: caller.member.tenantId, kind: 'branch', status: 'active' },
    { orderBy: [['order', 'asc']] },
  )
  return { branches: branches.map((branch) => ({ id: branch._id, name: branch.name })) }
}
