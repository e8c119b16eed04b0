import { createHash } from 'node:crypto'
import type { api } from '../../types/api'
import { ORG_KIND_LABELS } from '../../types/labels'
import type { MemberDoc, OrgDoc } from '../../types/roster'
import {
  destinationRefusal,
  fitsUnder,
  mayChangeOrg,
  mayCreateUnder,
  mergeRefusal,
  reparented,
  schoolsFit,
} from '../domain/roster/org-rules'
import { COLLECTIONS } from '../runtime/collections'
import { DomainError } from '../runtime/domain-error'
import { readPage } from '../runtime/read-page'
import type { Handler, HandlerContext } from '../runtime/router'
import { DuplicateIdError } from '../runtime/store'
import { writeAudit } from '../shared/audit'
import { currentMonth, loadSchedule, rewriteBranch } from '../shared/dues-ledger'
import { followGroup, followMemberships } from '../shared/meeting-invitations'
import { writeMembershipChange } from '../shared/members'
import { loadOpenOrg, loadOrg, mayReadOrg, nodeView, requireFreeName } from './org-store'

type Ctx = Pick<HandlerContext, 'caller' | 'store' | 'clock'>

const label = (org: Pick<OrgDoc, 'kind' | 'schools'>) =>
  org.kind === 'branch' && (org.schools?.length ?? 0) >= 2 ? '联合支部' : ORG_KIND_LABELS[org.kind]

function requireChange(ctx: Ctx, org: OrgDoc): void {
  if (!mayChangeOrg(ctx.caller.member, org)) throw new DomainError('AUTH.FORBIDDEN')
}

/** A 组长 must be an active member of the group's branch. */
async function requireLeaderIn(ctx: Ctx, leaderId: string | null, branchId: string): Promise<void> {
  if (!leaderId) return
  const leader = await ctx.store.get(COLLECTIONS.members, leaderId)
  if (leader?.status !== 'active' || leader.branchId !== branchId || leader.tenantId !== ctx.caller.member.tenantId) {
    throw new DomainError('ROSTER.GROUP_MISMATCH', '党小组组长须是本支部的党员')
  }
}

/** An org created by a request gets an id derived from it, so a retried tap finds the first one. */
function orgIdOf(tenantId: string, requestId: string): string {
  return `org_${createHash('sha256').update(`${tenantId}\n${requestId}`).digest('hex').slice(0, 16)}`
}

/** 新建党组织 */
export const createOrg: Handler<typeof api.roster.createOrg> = async (input, ctx) => {
  const { caller, store } = ctx
  const tenantId = caller.member.tenantId
  const id = orgIdOf(tenantId, input.requestId)
  const made = await store.get(COLLECTIONS.orgs, id)
  if (made) return nodeView(store, made)

  const parent = await loadOpenOrg(store, caller, input.parentId)
  if (!fitsUnder(input.kind, parent)) throw new DomainError('ORG.BAD_PARENT')
  if (!mayCreateUnder(caller.member, parent, input.kind)) throw new DomainError('AUTH.FORBIDDEN')
  if (!schoolsFit(input.kind, input.schools)) throw new DomainError('ORG.SCHOOLS')
  if (input.kind !== 'group' && input.leaderId) throw new DomainError('INPUT.INVALID', '只有党小组设组长')
  await requireFreeName(store, { tenantId, parentId: parent._id }, input.name)
  if (input.kind === 'group') await requireLeaderIn(ctx, input.leaderId, parent._id)

  const siblings = await store.count(COLLECTIONS.orgs, { tenantId, parentId: parent._id })
  const org: OrgDoc = {
    _id: id,
    tenantId,
    kind: input.kind,
    name: input.name,
    parentId: parent._id,
    ancestors: [...parent.ancestors, parent._id],
    ...(input.kind === 'branch' ? { schools: input.schools } : {}),
    ...(input.kind === 'group' ? { leaderId: input.leaderId } : {}),
    order: (parent.kind === 'committee' ? 100 : 0) + siblings + 1,
    createdAt: ctx.clock.now(),
    status: 'active',
  }
  try {
    await store.insert(COLLECTIONS.orgs, org)
  } catch (error) {
    // Two taps raced: the other one made it.
    if (error instanceof DuplicateIdError) return nodeView(store, (await store.get(COLLECTIONS.orgs, id)) ?? org)
    throw error
  }
  await writeAudit(ctx, {
    action: 'roster.createOrg',
    targetId: id,
    summary: `在${parent.name}下新建${label(org)} ${org.name}`,
    before: null,
    after: org,
  })
  return nodeView(store, org)
}

/** 修改党组织: name, a branch's schools, a group's 组长. */
export const updateOrg: Handler<typeof api.roster.updateOrg> = async (input, ctx) => {
  const { caller, store } = ctx
  const org = await loadOpenOrg(store, caller, input.orgId)
  requireChange(ctx, org)
  if (input.schools !== undefined && !schoolsFit(org.kind, input.schools)) throw new DomainError('ORG.SCHOOLS')
  if (input.leaderId !== undefined && org.kind !== 'group') throw new DomainError('INPUT.INVALID', '只有党小组设组长')
  if (input.name !== org.name) await requireFreeName(store, org, input.name, org._id)
  if (input.leaderId !== undefined && org.parentId) await requireLeaderIn(ctx, input.leaderId, org.parentId)

  const patch: Partial<OrgDoc> = {
    name: input.name,
    ...(input.schools !== undefined ? { schools: input.schools } : {}),
    ...(input.leaderId !== undefined ? { leaderId: input.leaderId } : {}),
  }
  const updated: OrgDoc = { ...org, ...patch }
  await store.update(COLLECTIONS.orgs, org._id, patch)
  const what = [
    input.name !== org.name ? `更名为 ${input.name}` : null,
    input.schools !== undefined && JSON.stringify(input.schools) !== JSON.stringify(org.schools ?? [])
      ? `学校改为 ${input.schools.map((school) => school.name).join('、')}`
      : null,
    input.leaderId !== undefined && input.leaderId !== (org.leaderId ?? null)
      ? input.leaderId
        ? `任命组长 ${(await store.get(COLLECTIONS.members, input.leaderId))?.name ?? ''}`
        : '免去组长'
      : null,
  ].filter(Boolean)
  await writeAudit(ctx, {
    action: 'roster.updateOrg',
    targetId: org._id,
    summary: `${org.name}：${what.length ? what.join('；') : '信息未变'}`,
    before: org,
    after: updated,
  })
  return nodeView(store, updated)
}

/** Re-parents a node and everything under it in one pass over the subtree. */
async function moveSubtree(ctx: Ctx, org: OrgDoc, parent: OrgDoc): Promise<number> {
  const { store } = ctx
  const below = await store.findAll(COLLECTIONS.orgs, { tenantId: org.tenantId, ancestors: org._id })
  const paths = reparented(org, parent, below)
  await store.update(COLLECTIONS.orgs, org._id, { parentId: parent._id, ancestors: paths.get(org._id) })
  for (const node of below) await store.update(COLLECTIONS.orgs, node._id, { ancestors: paths.get(node._id) })
  return below.length
}

/** 调整隶属关系: a branch moves under the 党委 or another 党总支 (bureau staff). */
export const moveOrg: Handler<typeof api.roster.moveOrg> = async (input, ctx) => {
  const { caller, store } = ctx
  const org = await loadOpenOrg(store, caller, input.orgId)
  const parent = await loadOpenOrg(store, caller, input.parentId)
  if (org.kind !== 'branch' || !fitsUnder(org.kind, parent)) throw new DomainError('ORG.BAD_PARENT')
  if (parent._id === org.parentId) return nodeView(store, org)
  await requireFreeName(store, { tenantId: org.tenantId, parentId: parent._id }, org.name, org._id)
  const from = org.parentId ? await store.get(COLLECTIONS.orgs, org.parentId) : null
  await moveSubtree(ctx, org, parent)
  const moved: OrgDoc = { ...org, parentId: parent._id, ancestors: [...parent.ancestors, parent._id] }
  await writeAudit(ctx, {
    action: 'roster.moveOrg',
    targetId: org._id,
    summary: `${org.name} 由 ${from?.name ?? '—'} 调整到 ${parent.name} 下`,
    before: { parentId: org.parentId },
    after: { parentId: parent._id },
  })
  return nodeView(store, moved)
}

/**
 * Members of a branch go to another (组织关系转接, the history of both kept):
 * their committee posts end with the branch; `keepGroups` keeps their 党小组
 * when the groups move along (a merge), else they start without one. As one
 * member's 转接 does: they leave the old branch's meetings not yet begun and are
 * invited to the new one's, and both branches' 党费 figures are rewritten (months
 * before the move stay with the old branch).
 */
async function transferAll(ctx: Ctx, from: OrgDoc, to: OrgDoc, reason: string, keepGroups: boolean): Promise<number> {
  const { store, clock } = ctx
  const members = await store.findAll(
    COLLECTIONS.members,
    { tenantId: from.tenantId, branchId: from._id, status: 'active' },
    { fields: { _id: true, groupId: true } },
  )
  const patch: Partial<MemberDoc> = {
    branchId: to._id,
    committeePosition: null,
    updatedAt: clock.now(),
    ...(keepGroups ? {} : { groupId: null }),
  }
  await store.updateWhere(COLLECTIONS.members, { tenantId: from.tenantId, branchId: from._id, status: 'active' }, patch)
  for (let i = 0; i < members.length; i += 20) {
    await Promise.all(
      members.slice(i, i + 20).flatMap((member) => [
        writeMembershipChange(ctx, {
          memberId: member._id,
          kind: 'transfer_out',
          branchId: from._id,
          otherBranchId: to._id,
          reason,
        }),
        writeMembershipChange(ctx, {
          memberId: member._id,
          kind: 'transfer_in',
          branchId: to._id,
          otherBranchId: from._id,
          reason,
        }),
      ]),
    )
  }
  await followMemberships(
    store,
    from.tenantId,
    members.map((member) => ({ id: member._id, toGroupId: keepGroups ? (member.groupId ?? null) : null })),
    from._id,
    to._id,
    clock.now(),
  )
  if (members.length > 0) {
    const schedule = await loadSchedule(store, from.tenantId)
    const year = Number(currentMonth(ctx).slice(0, 4))
    for (const branch of [from, to]) await rewriteBranch(ctx, branch, schedule, [year])
  }
  return members.length
}

/** Members of a group join another group of the branch, or none. */
async function regroupAll(ctx: Ctx, from: OrgDoc, to: OrgDoc | null): Promise<number> {
  const where = { tenantId: from.tenantId, groupId: from._id, status: 'active' }
  const members = await ctx.store.findAll(COLLECTIONS.members, where, { fields: { _id: true } })
  if (members.length === 0) return 0
  const now = ctx.clock.now()
  await ctx.store.updateWhere(COLLECTIONS.members, where, { groupId: to?._id ?? null, updatedAt: now })
  // Their 党小组会 not yet begun: out of the old group's, into the new one's.
  await followGroup(
    ctx.store,
    { id: from._id, tenantId: from.tenantId, branchId: from.parentId ?? '' },
    members.map((member) => member._id),
    to?._id ?? null,
    now,
  )
  return members.length
}

/** The open nodes right under a node. */
const openChildren = (ctx: Ctx, org: OrgDoc) =>
  ctx.store.findAll(COLLECTIONS.orgs, { tenantId: org.tenantId, parentId: org._id, status: 'active' })

async function close(ctx: Ctx, org: OrgDoc, reason: string, mergedInto: string | null): Promise<OrgDoc> {
  const patch = { status: 'closed' as const, closedAt: ctx.clock.now(), closedReason: reason, mergedInto }
  await ctx.store.update(COLLECTIONS.orgs, org._id, { ...patch, ...(org.kind === 'group' ? { leaderId: null } : {}) })
  return { ...org, ...patch }
}

/** 合并: one node into another of its kind; the first is closed with a pointer to the second. */
export const mergeOrg: Handler<typeof api.roster.mergeOrg> = async (input, ctx) => {
  const { caller, store } = ctx
  const already = await loadOrg(store, caller, input.orgId)
  if (already.status === 'closed' && already.mergedInto === input.intoId) {
    // A retried 合并 whose answer was lost: the merge is done, answer it again and write nothing.
    requireChange(ctx, already)
    const into = await loadOrg(store, caller, input.intoId)
    return { closed: await nodeView(store, already), into: await nodeView(store, into), movedMembers: 0, movedOrgs: 0 }
  }
  const from = await loadOpenOrg(store, caller, input.orgId)
  const into = await loadOpenOrg(store, caller, input.intoId)
  requireChange(ctx, from)
  requireChange(ctx, into)
  const refusal = mergeRefusal(from, into)
  if (refusal) throw new DomainError('ORG.BAD_MERGE', refusal)

  let movedMembers = 0
  let movedOrgs = 0
  const reason = `${from.name}并入${into.name}`
  if (from.kind === 'branch') {
    movedMembers = await transferAll(ctx, from, into, reason, true)
    const taken = new Set((await openChildren(ctx, into)).map((group) => group.name))
    for (const group of await openChildren(ctx, from)) {
      // 第一党小组 of each branch: the one that moves says where it came from.
      if (taken.has(group.name))
        await store.update(COLLECTIONS.orgs, group._id, { name: `${group.name}（原${from.name}）` })
      movedOrgs += 1 + (await moveSubtree(ctx, group, into))
    }
  } else if (from.kind === 'group') {
    movedMembers = await regroupAll(ctx, from, into)
  } else {
    for (const branch of await openChildren(ctx, from)) {
      movedOrgs += 1 + (await moveSubtree(ctx, branch, into))
    }
  }
  const closed = await close(ctx, from, reason, into._id)
  const after = { movedMembers, movedOrgs, into: into._id }
  await writeAudit(ctx, {
    action: 'roster.mergeOrg',
    targetId: from._id,
    summary: `${from.name} 并入 ${into.name}（转入党员 ${movedMembers} 名）`,
    before: from,
    after: closed,
  })
  await writeAudit(ctx, {
    action: 'roster.mergeOrg',
    targetId: into._id,
    summary: `${from.name} 并入本组织（转入党员 ${movedMembers} 名）`,
    before: null,
    after,
  })
  return { closed: await nodeView(store, closed), into: await nodeView(store, into), movedMembers, movedOrgs }
}

/** 撤销: nothing deleted; what the node still holds goes where the caller said. */
export const closeOrg: Handler<typeof api.roster.closeOrg> = async (input, ctx) => {
  const { caller, store } = ctx
  const already = await loadOrg(store, caller, input.orgId)
  if (already.status === 'closed' && !already.mergedInto && already.closedReason === input.reason) {
    // A retried 撤销 (same node, same reason) whose answer was lost: done already, answered again.
    requireChange(ctx, already)
    return { closed: await nodeView(store, already), movedMembers: 0, movedOrgs: 0 }
  }
  const org = await loadOpenOrg(store, caller, input.orgId)
  requireChange(ctx, org)
  if (org.kind === 'committee') throw new DomainError('ORG.BAD_PARENT', '教育局党委不能撤销')
  // Like a 组织关系转接, a closing branch's members may go to any open branch of the tenant.
  const to = input.to ? await loadOrg(store, caller, input.to) : null

  const children = await openChildren(ctx, org)
  const members =
    org.kind === 'general_branch'
      ? 0
      : await store.count(COLLECTIONS.members, {
          tenantId: org.tenantId,
          status: 'active',
          ...(org.kind === 'group' ? { groupId: org._id } : { branchId: org._id }),
        })
  const hasContents = org.kind === 'general_branch' ? children.length > 0 : members > 0
  const refused = destinationRefusal(org, to, hasContents)
  if (refused) throw new DomainError(refused as 'ORG.HAS_MEMBERS' | 'ORG.BAD_PARENT')

  let movedMembers = 0
  let movedOrgs = 0
  if (org.kind === 'branch') {
    if (to) movedMembers = await transferAll(ctx, org, to, `${org.name}撤销：${input.reason}`, false)
    // The branch's groups end with it: its members start in the other branch without a group.
    for (const group of children) await close(ctx, group, `随${org.name}撤销`, null)
  } else if (org.kind === 'group') {
    movedMembers = await regroupAll(ctx, org, to)
  } else if (to) {
    for (const branch of children) movedOrgs += 1 + (await moveSubtree(ctx, branch, to))
  }
  const closed = await close(ctx, org, input.reason, null)
  await writeAudit(ctx, {
    action: 'roster.closeOrg',
    targetId: org._id,
    summary: `撤销${label(org)} ${org.name}：${input.reason}${to ? `（${movedMembers ? `党员 ${movedMembers} 名` : '下级组织'}转入 ${to.name}）` : ''}`,
    before: org,
    after: closed,
  })
  return { closed: await nodeView(store, closed), movedMembers, movedOrgs }
}

/** 组织沿革: the audit entries of one node, newest first. */
export const orgHistory: Handler<typeof api.roster.orgHistory> = async (input, { caller, store }) => {
  const org = await loadOrg(store, caller, input.orgId)
  if (!mayReadOrg(caller, org)) throw new DomainError('AUTH.FORBIDDEN')
  const { items, total, page } = await readPage(
    store,
    COLLECTIONS.auditLog,
    { tenantId: caller.member.tenantId, targetId: org._id },
    [
      ['at', 'desc'],
      ['_id', 'desc'],
    ],
    input,
  )
  return { items: items.map(({ _id, tenantId: _tenantId, ...entry }) => ({ id: _id, ...entry })), total, page }
}
