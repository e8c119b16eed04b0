import type { OrgDoc, OrgNode } from '../../types/roster'
import { branchAccess } from '../domain/access/branch-access'
import { rolesOf } from '../domain/access/roles'
import { branchOfGroup } from '../domain/roster/org-rules'
import { type LeaderInfo, orgNodeOf } from '../domain/roster/tree'
import type { Caller } from '../runtime/caller'
import { COLLECTIONS } from '../runtime/collections'
import { DomainError } from '../runtime/domain-error'
import type { Store } from '../runtime/store'

/** A node of the caller's tenant by id; another tenant's id is simply not found. */
export async function loadOrg(store: Store, caller: Caller, orgId: string): Promise<OrgDoc> {
  const org = await store.get(COLLECTIONS.orgs, orgId)
  if (!org || org.tenantId !== caller.member.tenantId) throw new DomainError('ROSTER.NOT_FOUND', '未找到该党组织')
  return org
}

/** The same, refusing a closed node: nothing is changed under a node that was 撤销. */
export async function loadOpenOrg(store: Store, caller: Caller, orgId: string): Promise<OrgDoc> {
  const org = await loadOrg(store, caller, orgId)
  if (org.status !== 'active') throw new DomainError('ORG.CLOSED', `${org.name}已撤销，不能再调整`)
  return org
}

/** The groups' 组长 of these nodes, read in one query. */
export async function leadersOf(store: Store, orgs: readonly OrgDoc[]): Promise<Map<string, LeaderInfo>> {
  const ids = [...new Set(orgs.flatMap((org) => (org.kind === 'group' && org.leaderId ? [org.leaderId] : [])))]
  if (!ids.length) return new Map()
  const members = await store.find(
    COLLECTIONS.members,
    { _id: store.command.in(ids) },
    { fields: { _id: true, name: true, branchId: true, status: true } },
  )
  return new Map(members.map((member) => [member._id, member]))
}

/** One node as the app shows it, with its active members counted now. */
export async function nodeView(store: Store, org: OrgDoc): Promise<OrgNode> {
  const where = { tenantId: org.tenantId, status: 'active' }
  let count = 0
  if (org.kind === 'group') count = await store.count(COLLECTIONS.members, { ...where, groupId: org._id })
  else if (org.kind === 'branch') count = await store.count(COLLECTIONS.members, { ...where, branchId: org._id })
  else {
    const branches = await store.findAll(
      COLLECTIONS.orgs,
      { tenantId: org.tenantId, kind: 'branch', ancestors: org._id },
      { fields: { _id: true } },
    )
    if (branches.length) {
      count = await store.count(COLLECTIONS.members, {
        ...where,
        branchId: store.command.in(branches.map((branch) => branch._id)),
      })
    }
  }
  return orgNodeOf(org, count, await leadersOf(store, [org]))
}

/** Refuses a name an open sibling already has: two 第一党小组 in one branch cannot be told apart. */
export async function requireFreeName(
  store: Store,
  org: Pick<OrgDoc, 'tenantId' | 'parentId'>,
  name: string,
  self?: string,
) {
  const same = await store.find(COLLECTIONS.orgs, {
    tenantId: org.tenantId,
    parentId: org.parentId,
    name,
    status: 'active',
  })
  if (same.some((other) => other._id !== self)) throw new DomainError('ORG.NAME_TAKEN')
}

/** May the caller read this node's history: whoever may read the branch (or, above it, who leads it). */
export function mayReadOrg(caller: Caller, org: OrgDoc): boolean {
  const roles = rolesOf(caller.member)
  if (roles.includes('bureau_staff')) return true
  switch (org.kind) {
    case 'branch':
      return branchAccess(caller.member, org) !== 'none'
    case 'group':
      return branchAccess(caller.member, branchOfGroup(org)) !== 'none'
    case 'general_branch':
      return caller.member.grants.some((grant) => grant.role === 'general_branch_secretary' && grant.orgId === org._id)
    case 'committee':
      return false
  }
}
