import type { OrgDoc } from '../../types/roster'
import { branchAccess } from '../domain/access/branch-access'
import type { Caller } from '../runtime/caller'

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
