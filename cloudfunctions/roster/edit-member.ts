import type { api } from '../../types/api'
import type { MemberDoc, MemberFields, OrgDoc } from '../../types/roster'
import { searchKeys } from '../domain/roster/import/search-keys'
import { COLLECTIONS } from '../runtime/collections'
import { DomainError } from '../runtime/domain-error'
import { newId } from '../runtime/new-id'
import type { Handler, HandlerContext } from '../runtime/router'
import { writeAudit } from '../shared/audit'
import { loadBranch, loadManagedMember, requireAccess, requireGroupIn } from '../shared/branch-access'
import { createMember } from '../shared/members'
import { boundMemberIds, toRow } from './member-row'

/** The rules a member's fields must meet within their branch and tenant; throws the first refusal. */
async function checkFields(
  { store }: HandlerContext,
  branch: OrgDoc,
  fields: MemberFields,
  memberId: string | null,
): Promise<void> {
  await requireGroupIn(store, fields.groupId, branch)
  const others = (where: Record<string, unknown>) =>
    store.find(COLLECTIONS.members, { tenantId: branch.tenantId, status: 'active', ...where }, { limit: 2 })
  if (fields.phone) {
    const holders = await others({ phone: fields.phone })
    if (holders.some((holder) => holder._id !== memberId)) throw new DomainError('ROSTER.DUPLICATE_PHONE')
  }
  if (fields.committeePosition === 'secretary') {
    const secretaries = await others({ branchId: branch._id, committeePosition: 'secretary' })
    if (secretaries.some((secretary) => secretary._id !== memberId)) throw new DomainError('ROSTER.SECRETARY_TAKEN')
  }
}

/** 新增党员: a new member of a branch the caller manages. */
export const addMember: Handler<typeof api.roster.addMember> = async (input, ctx) => {
  const { caller, store } = ctx
  const branch = await loadBranch(store, caller, input.branchId)
  requireAccess(caller, branch, 'manage')
  const { branchId: _branchId, ...fields } = input
  await checkFields(ctx, branch, fields, null)
  const member = await createMember(
    ctx,
    newId('m'),
    { ...fields, branchId: branch._id },
    `新增党员 ${fields.name}（${branch.name}）`,
  )
  if (!member) throw new Error('a fresh member id collided')
  return toRow(member, 'manage', false)
}

/** 编辑党员信息 */
export const updateMember: Handler<typeof api.roster.updateMember> = async (input, ctx) => {
  const { caller, store, clock } = ctx
  const { member, branch } = await loadManagedMember(store, caller, input.memberId)
  if (member.status !== 'active') throw new DomainError('ROSTER.INACTIVE')
  const { memberId: _memberId, ...fields } = input
  await checkFields(ctx, branch, fields, member._id)
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
  const bound = await boundMemberIds(store, [member._id])
  return toRow(updated, 'manage', bound.has(member._id))
}
