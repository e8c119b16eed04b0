import type { MemberDoc } from '../../types/roster'
import { searchKeys } from '../domain/roster/import/search-keys'
import { COLLECTIONS } from '../runtime/collections'
import { newId } from '../runtime/new-id'
import type { HandlerContext } from '../runtime/router'
import { DuplicateIdError, type Store } from '../runtime/store'
import { writeAudit } from './audit'
import { duesFollowMembership } from './dues-ledger'
import { followMembership } from './meeting-invitations'

/** Members by id, in reads of 500 (the `_.in` list a CloudBase query takes comfortably). */
export async function membersByIds(store: Store, ids: readonly string[]): Promise<Map<string, MemberDoc>> {
  const unique = [...new Set(ids)]
  const found: MemberDoc[] = []
  for (let i = 0; i < unique.length; i += 500) {
    found.push(...(await store.find(COLLECTIONS.members, { _id: store.command.in(unique.slice(i, i + 500)) })))
  }
  return new Map(found.map((member) => [member._id, member]))
}

/** A membership change (转入/转出/离开) kept with its date and who did it. */
export async function writeMembershipChange(
  { caller, store, clock }: Pick<HandlerContext, 'caller' | 'store' | 'clock'>,
  change: {
    memberId: string
    kind: 'join' | 'transfer_in' | 'transfer_out' | 'leave'
    branchId: string
    otherBranchId?: string
    reason?: string
    on?: string
  },
): Promise<void> {
  await store.insert(COLLECTIONS.membershipChanges, {
    _id: newId('mc'),
    tenantId: caller.member.tenantId,
    at: clock.now(),
    by: caller.member._id,
    ...change,
  })
}

export type NewMember = Omit<
  MemberDoc,
  '_id' | 'tenantId' | 'status' | 'grants' | 'nameKeys' | 'createdAt' | 'updatedAt'
> & {
  branchId: string
}

/**
 * A member joins a branch's roster: the document, the 转入/join membership
 * change and the audit entry. Answers null when `id` exists already — an
 * import retried after an interruption, whose earlier run wrote this member.
 * A member who comes from outside the county (转入 on 报到) joins as a
 * `transfer_in` with where from, so their history says so.
 */
export async function createMember(
  ctx: Pick<HandlerContext, 'caller' | 'store' | 'clock'>,
  id: string,
  fields: NewMember,
  summary: string,
  change: { kind: 'join' | 'transfer_in'; reason?: string; on?: string } = { kind: 'join' },
): Promise<MemberDoc | null> {
  const now = ctx.clock.now()
  const member: MemberDoc = {
    _id: id,
    tenantId: ctx.caller.member.tenantId,
    status: 'active',
    grants: [],
    createdAt: now,
    updatedAt: now,
    ...fields,
    nameKeys: searchKeys(fields.name),
  }
  try {
    await ctx.store.insert(COLLECTIONS.members, member)
  } catch (error) {
    if (error instanceof DuplicateIdError) return null
    throw error
  }
  await writeMembershipChange(ctx, { memberId: id, ...change, branchId: fields.branchId })
  await writeAudit(ctx, { action: 'roster.addMember', targetId: id, summary, before: null, after: member })
  return member
}

/**
 * Changes roster fields of a member another domain keeps current (a 预备党员's
 * type and 转正 date from the development file), audited with before and after.
 */
export async function updateMemberFields(
  ctx: Pick<HandlerContext, 'caller' | 'store' | 'clock'>,
  memberId: string,
  patch: Partial<Pick<MemberDoc, 'memberType' | 'probationEndsOn' | 'joinedOn'>>,
  summary: string,
): Promise<void> {
  const member = await ctx.store.get(COLLECTIONS.members, memberId)
  if (!member) return
  const before = Object.fromEntries(Object.keys(patch).map((key) => [key, member[key as keyof MemberDoc]]))
  await ctx.store.update(COLLECTIONS.members, memberId, { ...patch, updatedAt: ctx.clock.now() })
  await writeAudit(ctx, { action: 'roster.editMember', targetId: memberId, summary, before, after: patch })
}

/**
 * A member leaves the roster (停用, or 转出 out of the county once the 回执 is
 * back): inactive with no committee post, the membership change kept for the
 * member page's history (`on`: the day it took effect, when entered later),
 * their invitations to meetings not yet started withdrawn, and their dues
 * stopped after that month. Their WeChat can no longer act as them (the caller
 * must be active).
 */
export async function leaveRoster(
  ctx: Pick<HandlerContext, 'caller' | 'store' | 'clock'>,
  member: MemberDoc,
  change: { kind: 'leave' | 'transfer_out'; reason: string; on?: string },
): Promise<MemberDoc> {
  const now = ctx.clock.now()
  const branchId = member.branchId ?? ''
  const updated: MemberDoc = { ...member, status: 'inactive', committeePosition: null, updatedAt: now }
  await ctx.store.update(COLLECTIONS.members, member._id, {
    status: 'inactive',
    committeePosition: null,
    updatedAt: now,
  })
  await writeMembershipChange(ctx, { memberId: member._id, branchId, ...change })
  if (branchId) {
    await followMembership(
      ctx.store,
      { id: member._id, tenantId: member.tenantId, toGroupId: null },
      branchId,
      null,
      now,
    )
    // The months owed through this one stay in the branch's figures; later months and the arrears lists drop them.
    await duesFollowMembership(ctx, updated, [branchId])
  }
  return updated
}
