import type { CommitteePosition, MemberDoc, OrgDoc, OrgKind, School } from '../../../types/roster'
import { branchAccess } from '../access/branch-access'
import { rolesOf } from '../access/roles'

/**
 * Who may shape which part of the organisation tree (组织架构), and what a
 * change must respect. Pure rules over plain documents; the roster function's
 * handlers read the documents, ask these, then write.
 *
 * The line follows the Party's own: a node is set up, renamed, merged and
 * closed by the organisation above it — the 党委 (bureau staff) for 党总支 and
 * 党支部, a 党总支 for the branches under it — while a branch runs its own
 * 党小组. A 支部书记 therefore manages their branch's groups and committee
 * posts other than their own, never the branch itself nor another branch.
 */

type Caller = Pick<MemberDoc, '_id' | 'tenantId' | 'status' | 'branchId' | 'committeePosition' | 'grants'>
type Node = Pick<OrgDoc, '_id' | 'tenantId' | 'kind' | 'parentId' | 'ancestors' | 'status'>

const isBureau = (caller: Caller) => rolesOf(caller).includes('bureau_staff')

/** Whether the caller is the 总支书记 of a 党总支 among `ids`. */
function leadsGeneralBranchAmong(caller: Caller, ids: readonly string[]): boolean {
  return (
    rolesOf(caller).includes('general_branch_secretary') &&
    caller.grants.some((grant) => grant.role === 'general_branch_secretary' && ids.includes(grant.orgId))
  )
}

/** The branch a group belongs to, as branch access reads it. */
export function branchOfGroup(group: Node): Pick<OrgDoc, '_id' | 'tenantId' | 'ancestors'> {
  return { _id: group.parentId ?? '', tenantId: group.tenantId, ancestors: group.ancestors.slice(0, -1) }
}

/** May the caller rename, merge away or close this node (and, for a group, name its 组长)? */
export function mayChangeOrg(caller: Caller, org: Node): boolean {
  if (caller.tenantId !== org.tenantId) return false
  switch (org.kind) {
    case 'committee':
    case 'general_branch':
      return isBureau(caller)
    case 'branch':
      return isBureau(caller) || leadsGeneralBranchAmong(caller, org.ancestors)
    case 'group':
      return branchAccess(caller, branchOfGroup(org)) === 'manage'
  }
}

/** Which kind of node may sit under which: 党委 → 党总支 → 党支部 → 党小组, a 党支部 also right under the 党委. */
export function fitsUnder(kind: OrgKind, parent: Pick<OrgDoc, 'kind'>): boolean {
  switch (kind) {
    case 'committee':
      return false
    case 'general_branch':
      return parent.kind === 'committee'
    case 'branch':
      return parent.kind === 'committee' || parent.kind === 'general_branch'
    case 'group':
      return parent.kind === 'branch'
  }
}

/** May the caller create a node of `kind` under `parent`? The parent's own manager decides. */
export function mayCreateUnder(caller: Caller, parent: Node, kind: OrgKind): boolean {
  if (caller.tenantId !== parent.tenantId || !fitsUnder(kind, parent)) return false
  if (kind === 'group') return branchAccess(caller, parent) === 'manage'
  if (isBureau(caller)) return true
  return kind === 'branch' && parent.kind === 'general_branch' && leadsGeneralBranchAmong(caller, [parent._id])
}

/** 学校: a branch serves one school or, as a 联合支部, several with distinct names; other nodes none. */
export function schoolsFit(kind: OrgKind, schools: readonly School[]): boolean {
  if (kind !== 'branch') return schools.length === 0
  return schools.length >= 1 && new Set(schools.map((school) => school.name)).size === schools.length
}

/** A 联合支部 covers two or more schools. */
export const isJointBranch = (org: { schools?: readonly unknown[] }): boolean => (org.schools?.length ?? 0) >= 2

/**
 * Why `from` may not be merged into `into`, or null: the same kind, both open,
 * two different nodes, and groups only within their branch (moving members
 * across branches is a 组织关系转接, which a branch merge does for all).
 */
export function mergeRefusal(from: Node, into: Node): string | null {
  if (from._id === into._id) return '不能并入自身'
  if (from.kind !== into.kind || from.kind === 'committee') return '只能并入同级、同类的党组织'
  if (into.status !== 'active' || from.status !== 'active') return '已撤销的党组织不能合并'
  if (from.kind === 'group' && from.parentId !== into.parentId) return '党小组只能并入本支部的其他党小组'
  return null
}

/**
 * Where the members (or, for a 党总支, the branches) of a closing node may go:
 * a branch's members to another open branch; a group's to another open group
 * of its branch, or to no group (null); a 党总支's branches to the 党委 or
 * another open 党总支. Null `to` is allowed only when nothing needs a place.
 */
export function destinationRefusal(org: Node, to: Node | null, hasContents: boolean): string | null {
  if (to === null) return hasContents && org.kind !== 'group' ? 'ORG.HAS_MEMBERS' : null
  if (to._id === org._id || to.status !== 'active' || to.tenantId !== org.tenantId) return 'ORG.BAD_PARENT'
  switch (org.kind) {
    case 'branch':
      return to.kind === 'branch' ? null : 'ORG.BAD_PARENT'
    case 'group':
      return to.kind === 'group' && to.parentId === org.parentId ? null : 'ORG.BAD_PARENT'
    case 'general_branch':
      return to.kind === 'committee' || to.kind === 'general_branch' ? null : 'ORG.BAD_PARENT'
    case 'committee':
      return 'ORG.BAD_PARENT'
  }
}

/**
 * New ancestors for a node moved under `parent`, and for each node below it:
 * the part of a descendant's path from the moved node down stays, what lay
 * above it becomes the new parent's path.
 */
export function reparented(
  node: Pick<OrgDoc, '_id' | 'ancestors'>,
  parent: Pick<OrgDoc, '_id' | 'ancestors'>,
  descendants: readonly Pick<OrgDoc, '_id' | 'ancestors'>[],
): Map<string, string[]> {
  const top = [...parent.ancestors, parent._id]
  const paths = new Map<string, string[]>([[node._id, top]])
  for (const below of descendants) {
    const at = below.ancestors.indexOf(node._id)
    if (at < 0) continue
    paths.set(below._id, [...top, ...below.ancestors.slice(at)])
  }
  return paths
}

/**
 * May the caller set `position` (or end a post, `position` null, the member's
 * current one being `current`) for a member of `branch`? The 书记 is appointed
 * from above — bureau staff, the branch's 总支书记 — and the branch secretary
 * fills the other seats of their own branch. Nobody appoints themself.
 */
export function appointRefusal(
  caller: Caller,
  branch: Pick<OrgDoc, '_id' | 'tenantId' | 'ancestors'>,
  target: Pick<MemberDoc, '_id'>,
  position: CommitteePosition | null,
  current: CommitteePosition | null,
): 'ORG.SELF' | 'AUTH.FORBIDDEN' | null {
  if (caller._id === target._id) return 'ORG.SELF'
  if (caller.tenantId !== branch.tenantId) return 'AUTH.FORBIDDEN'
  if (isBureau(caller) || leadsGeneralBranchAmong(caller, branch.ancestors)) return null
  const ownBranch = branchAccess(caller, branch) === 'manage'
  const touchesSecretary = position === 'secretary' || current === 'secretary'
  return ownBranch && !touchesSecretary ? null : 'AUTH.FORBIDDEN'
}
