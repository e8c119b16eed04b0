import type { OrgDoc } from '../../types/roster'
import { branchAccess } from '../domain/access/branch-access'
import type { Caller } from '../runtime/caller'
import { COLLECTIONS } from '../runtime/collections'
import type { Store } from '../runtime/store'

/** Every open 党总支 and 党支部 of the tenant (closed ones are history), in tree order; a tenant has at most a few hundred, read once per call. */
export async function tenantOrgs(store: Store, tenantId: string): Promise<OrgDoc[]> {
  const orgs = await store.findAll(
    COLLECTIONS.orgs,
    { tenantId, kind: store.command.in(['branch', 'general_branch']), status: 'active' },
    {
      fields: {
        _id: true,
        tenantId: true,
        kind: true,
        name: true,
        parentId: true,
        ancestors: true,
        order: true,
        schools: true,
        createdAt: true,
      },
    },
  )
  return orgs.sort((a, b) => a.order - b.order)
}

/**
 * The branches a caller oversees here: bureau staff all, an instructor the
 * assigned ones, a secretary their own (branchAccess decides, as everywhere).
 */
export function visibleBranches(caller: Caller, orgs: readonly OrgDoc[]): OrgDoc[] {
  return orgs.filter((org) => org.kind === 'branch' && branchAccess(caller.member, org) !== 'none')
}

/** The 党总支 a branch sits under, if any. */
export function generalBranchOf(branch: OrgDoc, orgById: ReadonlyMap<string, OrgDoc>): OrgDoc | null {
  for (const id of [...branch.ancestors].reverse()) {
    const org = orgById.get(id)
    if (org?.kind === 'general_branch') return org
  }
  return null
}
