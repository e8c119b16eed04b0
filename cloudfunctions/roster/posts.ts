import { createHash } from 'node:crypto'
import type { api } from '../../types/api'
import { COMMITTEE_POSITION_LABELS, ROLE_LABELS } from '../../types/labels'
import type { BranchPosts, StaffHolder } from '../../types/org'
import type { Grant, MemberDoc, OrgDoc } from '../../types/roster'
import { searchKeys } from '../domain/roster/import/search-keys'
import { appointRefusal } from '../domain/roster/org-rules'
import { leaderOf } from '../domain/roster/tree'
import type { Caller } from '../runtime/caller'
import { COLLECTIONS } from '../runtime/collections'
import { DomainError } from '../runtime/domain-error'
import type { Handler, HandlerContext } from '../runtime/router'
import type { Store } from '../runtime/store'
import { DuplicateIdError } from '../runtime/store'
import { writeAudit } from '../shared/audit'
import { loadBranch, loadMember, requireAccess } from '../shared/branch-access'
import { boundMemberIds } from './member-row'
import { leadersOf } from './org-store'

/**
 * 任职与权限: who holds which post. Roles are read from the member document on
 * every call (cloudfunctions/domain/access/roles.ts), so a post given or taken
 * here counts from that person's next call, with no session to expire.
 */

const STAFF_ROLES = ['bureau_staff', 'general_branch_secretary', 'instructor'] as const

async function holderOf(store: Store, member: MemberDoc): Promise<StaffHolder> {
  const [branch, bound] = await Promise.all([
    member.branchId ? store.get(COLLECTIONS.orgs, member.branchId) : Promise.resolve(null),
    boundMemberIds(store, [member._id]),
  ])
  return {
    memberId: member._id,
    name: member.name,
    branchName: branch?.name ?? null,
    grants: member.grants,
    bound: bound.has(member._id),
  }
}

/** 局党委、总支书记、党建指导员: everyone holding a post above the branches. */
export const staff: Handler<typeof api.roster.staff> = async (_input, { caller, store }) => {
  const holders = await store.findAll(
    COLLECTIONS.members,
    { tenantId: caller.member.tenantId, status: 'active', 'grants.role': store.command.in([...STAFF_ROLES]) },
    { orderBy: [['name', 'asc']] },
  )
  const [branches, bound] = await Promise.all([
    store.find(COLLECTIONS.orgs, {
      _id: store.command.in([...new Set(holders.flatMap((m) => (m.branchId ? [m.branchId] : [])))]),
    }),
    boundMemberIds(
      store,
      holders.map((m) => m._id),
    ),
  ])
  const branchName = new Map(branches.map((branch) => [branch._id, branch.name]))
  return {
    items: holders.map((member) => ({
      memberId: member._id,
      name: member.name,
      branchName: member.branchId ? (branchName.get(member.branchId) ?? null) : null,
      grants: member.grants,
      bound: bound.has(member._id),
    })),
  }
}

/** The open orgs a grant points at must exist in the tenant and be of the right kind. */
async function requireGrantTargets(store: Store, caller: Caller, grant: Grant): Promise<void> {
  const ids =
    grant.role === 'general_branch_secretary' ? [grant.orgId] : grant.role === 'instructor' ? grant.orgIds : []
  if (grant.role === 'instructor' && ids.length === 0) {
    throw new DomainError('INPUT.INVALID', '请选择党建指导员联系的支部')
  }
  if (!ids.length) return
  const orgs = await store.find(COLLECTIONS.orgs, { _id: store.command.in(ids) })
  const kind = grant.role === 'general_branch_secretary' ? 'general_branch' : 'branch'
  for (const id of ids) {
    const org = orgs.find((o) => o._id === id)
    if (!org || org.tenantId !== caller.member.tenantId || org.kind !== kind) throw new DomainError('ORG.BAD_PARENT')
    if (org.status !== 'active') throw new DomainError('ORG.CLOSED', `${org.name}已撤销`)
  }
}

function grantSummary(grant: Grant, orgNames: ReadonlyMap<string, string>): string {
  if (grant.role === 'general_branch_secretary') return `${orgNames.get(grant.orgId) ?? ''}总支书记`
  if (grant.role === 'instructor') {
    return `党建指导员（联系 ${grant.orgIds.map((id) => orgNames.get(id) ?? id).join('、')}）`
  }
  return ROLE_LABELS[grant.role]
}

async function orgNamesOf(store: Store, grants: readonly Grant[]): Promise<Map<string, string>> {
  const ids = grants.flatMap((g) =>
    g.role === 'general_branch_secretary' ? [g.orgId] : g.role === 'instructor' ? g.orgIds : [],
  )
  if (!ids.length) return new Map()
  const orgs = await store.find(COLLECTIONS.orgs, { _id: store.command.in(ids) }, { fields: { _id: true, name: true } })
  return new Map(orgs.map((org) => [org._id, org.name]))
}

/** 授予: a post above the branch; given again, it replaces the earlier one of that role. */
export const grantRole: Handler<typeof api.roster.grantRole> = async (input, ctx) => {
  const { caller, store, clock } = ctx
  const member = await loadMember(store, caller, input.memberId)
  if (member._id === caller.member._id) throw new DomainError('ORG.SELF')
  if (member.status !== 'active') throw new DomainError('ROSTER.INACTIVE')
  await requireGrantTargets(store, caller, input.grant)
  const grants = [...member.grants.filter((grant) => grant.role !== input.grant.role), input.grant]
  const updated: MemberDoc = { ...member, grants, updatedAt: clock.now() }
  await store.update(COLLECTIONS.members, member._id, { grants, updatedAt: updated.updatedAt })
  await writeAudit(ctx, {
    action: 'roster.grantRole',
    targetId: member._id,
    summary: `授予 ${member.name} ${grantSummary(input.grant, await orgNamesOf(store, [input.grant]))}`,
    before: { grants: member.grants },
    after: { grants },
  })
  return holderOf(store, updated)
}

/** 取消: from the next call on; the tenant always keeps one bureau account (局党委). */
export const revokeRole: Handler<typeof api.roster.revokeRole> = async (input, ctx) => {
  const { caller, store, clock } = ctx
  const member = await loadMember(store, caller, input.memberId)
  const held = member.grants.find((grant) => grant.role === input.role)
  if (!held) return holderOf(store, member)
  if (input.role === 'bureau_staff') await requireAnotherBureauAccount(store, member)
  const grants = member.grants.filter((grant) => grant.role !== input.role)
  const updated: MemberDoc = { ...member, grants, updatedAt: clock.now() }
  await store.update(COLLECTIONS.members, member._id, { grants, updatedAt: updated.updatedAt })
  await writeAudit(ctx, {
    action: 'roster.revokeRole',
    targetId: member._id,
    summary: `取消 ${member.name} 的${grantSummary(held, await orgNamesOf(store, [held]))}`,
    before: { grants: member.grants },
    after: { grants },
  })
  return holderOf(store, updated)
}

/**
 * Refuses to take away the tenant's last active bureau account: without one,
 * nobody could shape the tree or grant anything again short of the database
 * console. Any change that ends a bureau account (revoke, 停用) asks this first.
 */
export async function requireAnotherBureauAccount(store: Store, member: MemberDoc): Promise<void> {
  if (member.status !== 'active' || !member.grants.some((grant) => grant.role === 'bureau_staff')) return
  const accounts = await store.find(
    COLLECTIONS.members,
    { tenantId: member.tenantId, status: 'active', 'grants.role': 'bureau_staff' },
    { fields: { _id: true }, limit: 2 },
  )
  if (!accounts.some((account) => account._id !== member._id)) throw new DomainError('ORG.LAST_BUREAU_STAFF')
}

/** A branch's committee and group leaders as they stand. */
async function postsOf(store: Store, branch: OrgDoc): Promise<BranchPosts> {
  const [members, groups] = await Promise.all([
    store.findAll(
      COLLECTIONS.members,
      { tenantId: branch.tenantId, branchId: branch._id, status: 'active' },
      { fields: { _id: true, name: true, committeePosition: true } },
    ),
    store.findAll(
      COLLECTIONS.orgs,
      { tenantId: branch.tenantId, parentId: branch._id, kind: 'group', status: 'active' },
      { orderBy: [['order', 'asc']] },
    ),
  ])
  const leaders = await leadersOf(store, groups)
  const seat = (position: MemberDoc['committeePosition']) =>
    position ? Object.keys(COMMITTEE_POSITION_LABELS).indexOf(position) : 99
  return {
    branchId: branch._id,
    branchName: branch.name,
    committee: members
      .filter((member) => member.committeePosition)
      .sort((a, b) => seat(a.committeePosition) - seat(b.committeePosition))
      .map((member) => ({
        memberId: member._id,
        name: member.name,
        position: member.committeePosition as NonNullable<MemberDoc['committeePosition']>,
      })),
    groups: groups.map((group) => {
      const leader = leaderOf(group, leaders)
      return {
        groupId: group._id,
        name: group.name,
        leader: leader ? { memberId: leader.id, name: leader.name } : null,
      }
    }),
  }
}

/** 支委会与党小组组长 of a branch the caller may read. */
export const branchPosts: Handler<typeof api.roster.branchPosts> = async (input, { caller, store }) => {
  const branch = await loadBranch(store, caller, input.branchId)
  requireAccess(caller, branch, 'read')
  return postsOf(store, branch)
}

/**
 * Whether the caller may set a member's committee post, and the one-书记 rule;
 * addMember and updateMember ask the same when their form sets a post.
 */
export async function requireAppointment(
  { caller, store }: Pick<HandlerContext, 'caller' | 'store'>,
  branch: OrgDoc,
  target: Pick<MemberDoc, '_id'> & { committeePosition: MemberDoc['committeePosition'] },
  position: MemberDoc['committeePosition'],
  { evenIfUnchanged = false } = {},
): Promise<void> {
  if (position === target.committeePosition && !evenIfUnchanged) return
  if (caller.member._id === target._id) throw new DomainError('ORG.SELF')
  requireAccess(caller, branch, 'manage')
  // Said before who may appoint a 书记: a secretary filling the form learns the seat is taken, which they can see anyway.
  if (position === 'secretary') {
    const secretaries = await store.find(
      COLLECTIONS.members,
      { tenantId: branch.tenantId, branchId: branch._id, status: 'active', committeePosition: 'secretary' },
      { limit: 2 },
    )
    const other = secretaries.find((secretary) => secretary._id !== target._id)
    if (other) throw new DomainError('ROSTER.SECRETARY_TAKEN', `本支部书记是${other.name}，请先免去其书记职务`)
  }
  const refusal = appointRefusal(caller.member, branch, target, position, target.committeePosition)
  if (refusal) throw new DomainError(refusal)
}

/** 任命/免去支委职务 */
export const appointCommittee: Handler<typeof api.roster.appointCommittee> = async (input, ctx) => {
  const { caller, store, clock } = ctx
  const member = await loadMember(store, caller, input.memberId)
  if (!member.branchId) throw new DomainError('ROSTER.NOT_FOUND', '该账号不在任何支部，不能担任支委')
  const branch = await loadBranch(store, caller, member.branchId)
  if (member.status !== 'active') throw new DomainError('ROSTER.INACTIVE')
  // Asked even when nothing would change: a no-op is no way around who may appoint.
  await requireAppointment(ctx, branch, member, input.position, { evenIfUnchanged: true })
  if (input.position !== member.committeePosition) {
    const updatedAt = clock.now()
    await store.update(COLLECTIONS.members, member._id, { committeePosition: input.position, updatedAt })
    const summary = input.position
      ? `任命 ${member.name} 为${branch.name}${COMMITTEE_POSITION_LABELS[input.position]}`
      : `免去 ${member.name} 的${branch.name}${member.committeePosition ? COMMITTEE_POSITION_LABELS[member.committeePosition] : ''}职务`
    for (const targetId of [member._id, branch._id]) {
      await writeAudit(ctx, {
        action: 'roster.appointCommittee',
        targetId,
        summary,
        before: { committeePosition: member.committeePosition },
        after: { committeePosition: input.position },
      })
    }
  }
  return postsOf(store, branch)
}

/** A staff account made by a request gets an id derived from it, so a retried tap finds the first one. */
function staffIdOf(tenantId: string, requestId: string): string {
  return `m_staff_${createHash('sha256').update(`${tenantId}\n${requestId}`).digest('hex').slice(0, 16)}`
}

/** 新增局党委/指导员账号: outside every branch roster, to be invited like any member. */
export const addStaff: Handler<typeof api.roster.addStaff> = async (input, ctx) => {
  const { caller, store, clock } = ctx
  const tenantId = caller.member.tenantId
  const id = staffIdOf(tenantId, input.requestId)
  const made = await store.get(COLLECTIONS.members, id)
  if (made) return holderOf(store, made)
  await requireGrantTargets(store, caller, input.grant)
  if (input.phone) {
    const holders = await store.find(
      COLLECTIONS.members,
      { tenantId, status: 'active', phone: input.phone },
      { limit: 1 },
    )
    if (holders.length) throw new DomainError('ROSTER.DUPLICATE_PHONE')
  }
  const now = clock.now()
  const member: MemberDoc = {
    _id: id,
    tenantId,
    name: input.name,
    branchId: null,
    groupId: null,
    memberType: 'formal',
    probationEndsOn: null,
    joinedOn: null,
    committeePosition: null,
    phone: input.phone,
    status: 'active',
    grants: [input.grant],
    nameKeys: searchKeys(input.name),
    createdAt: now,
    updatedAt: now,
  }
  try {
    await store.insert(COLLECTIONS.members, member)
  } catch (error) {
    if (error instanceof DuplicateIdError) return holderOf(store, (await store.get(COLLECTIONS.members, id)) ?? member)
    throw error
  }
  await writeAudit(ctx, {
    action: 'roster.addStaff',
    targetId: id,
    summary: `新增账号 ${member.name}：${grantSummary(input.grant, await orgNamesOf(store, [input.grant]))}`,
    before: null,
    after: member,
  })
  return holderOf(store, member)
}
