import type { MemberDoc } from '../../types/roster'
import { searchKeys } from '../domain/roster/import/search-keys'
import { COLLECTIONS } from '../runtime/collections'
import type { HandlerContext } from '../runtime/router'
import { DuplicateIdError } from '../runtime/store'
import { writeAudit } from '../shared/audit'
import { writeMembershipChange } from './membership-changes'

type NewMember = Omit<MemberDoc, '_id' | 'tenantId' | 'status' | 'grants' | 'nameKeys' | 'createdAt' | 'updatedAt'> & {
  branchId: string
}

/**
 * A member joins a branch's roster: the document, the 转入/join membership
 * change and the audit entry. Answers null when `id` exists already — an
 * import retried after an interruption, whose earlier run wrote this member.
 */
export async function createMember(
  ctx: Pick<HandlerContext, 'caller' | 'store' | 'clock'>,
  id: string,
  fields: NewMember,
  summary: string,
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
  await writeMembershipChange(ctx, { memberId: id, kind: 'join', branchId: fields.branchId })
  await writeAudit(ctx, { action: 'roster.addMember', targetId: id, summary, before: null, after: member })
  return member
}
