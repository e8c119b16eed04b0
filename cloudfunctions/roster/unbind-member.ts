import type { api } from '../../types/api'
import { DomainError } from '../runtime/domain-error'
import type { Handler } from '../runtime/router'
import { writeAudit } from '../shared/audit'
import { loadMemberToChange } from '../shared/branch-access'
import { unbind } from './bindings'
import { boundMemberIds, toRow } from './member-row'

/**
 * 解除绑定: a changed phone, a lost or hijacked WeChat — the WeChat bound to the member can no longer act as
 * them, and the secretary invites them to bind again. Audited with the reason.
 */
export const unbindMember: Handler<typeof api.roster.unbindMember> = async (input, ctx) => {
  const { caller, store } = ctx
  const { member } = await loadMemberToChange(store, caller, input.memberId)
  if ((await boundMemberIds(store, [member._id])).size === 0 && !member.boundAt)
    throw new DomainError('ROSTER.NOT_BOUND')
  const removed = await unbind(store, member._id)
  await writeAudit(ctx, {
    action: 'roster.unbindMember',
    targetId: member._id,
    summary: `解除 ${member.name} 的微信绑定：${input.reason}`,
    before: { bound: true, bindings: removed },
    after: { bound: false },
  })
  return toRow({ ...member, boundAt: null }, 'manage', false)
}
