import { createHash } from 'node:crypto'
import type { api } from '../../types/api'
import type { MemberDoc, MemberFields, OrgDoc } from '../../types/roster'
import { branchAccess } from '../domain/access/branch-access'
import { searchKeys } from '../domain/roster/import/search-keys'
import { COLLECTIONS } from '../runtime/collections'
import { DomainError } from '../runtime/domain-error'
import { newId } from '../runtime/new-id'
import type { Handler, HandlerContext } from '../runtime/router'
import { writeAudit } from '../shared/audit'
import { loadBranch, loadManagedMember, requireAccess, requireGroupIn } from '../shared/branch-access'
import { duesFollowMembership } from '../shared/dues-ledger'
import { createMember } from '../shared/members'
import { boundMemberIds, toRow } from './member-row'
import { requireAppointment } from './posts'

/**
 * The rules a member's fields must meet within their branch and tenant; throws the first refusal. A phone
 * is refused when someone in a branch the caller manages holds it: whether a branch they cannot see holds it
 * is not theirs to learn, so that is neither refused nor told (bureau staff manage every branch).
 */
async function checkFields(
  ctx: HandlerContext,
  branch: OrgDoc,
  fields: MemberFields,
  member: Pick<MemberDoc, '_id' | 'committeePosition'> | null,
): Promise<void> {
  const { store, caller } = ctx
  const memberId = member?._id ?? null
  await requireGroupIn(store, fields.groupId, branch)
  // The form's 支委职务 follows the same appointment rules as the 任职 page (the 书记 from above, never oneself).
  await requireAppointment(ctx, branch, member ?? { _id: '', committeePosition: null }, fields.committeePosition)
  const others = (where: Record<string, unknown>, limit = 2) =>
    store.find(COLLECTIONS.members, { tenantId: branch.tenantId, status: 'active', ...where }, { limit })
  if (fields.phone) {
    const holders = (await others({ phone: fields.phone }, 20)).filter((holder) => holder._id !== memberId)
    const branches = await Promise.all(
      [...new Set(holders.map((holder) => holder.branchId))].map((id) =>
        id ? store.get(COLLECTIONS.orgs, id) : Promise.resolve(null),
      ),
    )
    if (branches.some((org) => org && branchAccess(caller.member, org) === 'manage'))
      throw new DomainError('ROSTER.DUPLICATE_PHONE')
  }
}

/** 新增党员: a new member of a branch the caller manages. */
export const addMember: Handler<typeof api.roster.addMember> = async (input, ctx) => {
  const { caller, store } = ctx
  const branch = await loadBranch(store, caller, input.branchId)
  requireAccess(caller, branch, 'manage')
  const { branchId: _branchId, requestId, ...fields } = input
  const id = requestId ? requestedMemberId(caller.member.tenantId, requestId) : newId('m')
  // A retry of an add that went through (the reply lost) answers that member, before its phone reads as taken.
  const earlier = requestId ? await store.get(COLLECTIONS.members, id) : null
  if (earlier) return retriedAdd(earlier, branch)
  await checkFields(ctx, branch, fields, null)
  const member = await createMember(
    ctx,
    id,
    { ...fields, branchId: branch._id },
    `新增党员 ${fields.name}（${branch.name}）`,
  )
  if (!member) {
    // Two deliveries of one tap at once: the other inserted it.
    const stored = requestId ? await store.get(COLLECTIONS.members, id) : null
    if (!stored) throw new Error('a fresh member id collided')
    return retriedAdd(stored, branch)
  }
  // The branch's dues figures count them from 入党时间 at once, not at the next dues write.
  await duesFollowMembership(ctx, member, [branch._id])
  return toRow(member, 'manage', false)
}

/**
 * The member an add with this request id makes: random like any member id (the request id is a random key the
 * client made once per intent; hashed with the tenant, so another tenant's request cannot name the same member).
 */
function requestedMemberId(tenantId: string, requestId: string): string {
  return `m_${createHash('sha256').update(`${tenantId}\n${requestId}`).digest('hex').slice(0, 14)}`
}

function retriedAdd(member: MemberDoc, branch: OrgDoc) {
  if (member.tenantId !== branch.tenantId || member.branchId !== branch._id) throw new DomainError('ROSTER.NOT_FOUND')
  return toRow(member, 'manage', false)
}

/** 编辑党员信息 */
export const updateMember: Handler<typeof api.roster.updateMember> = async (input, ctx) => {
  const { caller, store, clock } = ctx
  const { member, branch } = await loadManagedMember(store, caller, input.memberId)
  if (member.status !== 'active') throw new DomainError('ROSTER.INACTIVE')
  const { memberId: _memberId, ...fields } = input
  await checkFields(ctx, branch, fields, member)
  const updated: MemberDoc = { ...member, ...fields, nameKeys: searchKeys(fields.name), updatedAt: clock.now() }
  const { _id, ...changes } = updated
  await store.update(COLLECTIONS.members, member._id, changes)
  await writeAudit(ctx, {
    action: 'roster.updateMember',
    targetId: member._id,
    summary: `修改党员信息 ${member.name}`,
    before: member,
    after: updated,
  })
  // A corrected 入党时间 changes the months owed: the branch's dues figures and the member's arrears follow.
  if (updated.joinedOn !== member.joinedOn) await duesFollowMembership(ctx, updated, [branch._id])
  const bound = await boundMemberIds(store, [member._id])
  return toRow(updated, 'manage', bound.has(member._id))
}
