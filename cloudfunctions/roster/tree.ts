import type { api } from '../../types/api'
import { NEW_ORG_KINDS, type OrgDoc } from '../../types/roster'
import { branchAccess } from '../domain/access/branch-access'
import { mayChangeOrg, mayCreateUnder } from '../domain/roster/org-rules'
import { treeWithCounts } from '../domain/roster/tree'
import type { Caller } from '../runtime/caller'
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
  const byId = new Map(orgs.map((org) => [org._id, org]))
  const nodes = treeWithCounts(orgs, perBranch, perGroup, await leadersOf(store, shown))
  return {
    nodes: nodes
      .filter((node) => visible.has(node.id))
      .map((node) => ({ ...node, may: permissionsOn(caller, byId.get(node.id) as OrgDoc) })),
  }
}

function permissionsOn(caller: Caller, org: OrgDoc) {
  const open = org.status === 'active'
  return {
    change: open && org.kind !== 'committee' && mayChangeOrg(caller.member, org),
    move: open && org.kind === 'branch' && caller.roles.includes('bureau_staff'),
    create: open ? NEW_ORG_KINDS.filter((kind) => mayCreateUnder(caller.member, org, kind)) : [],
  }
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
