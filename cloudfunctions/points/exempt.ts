import type { api } from '../../types/api'
import { COLLECTIONS } from '../runtime/collections'
import { DomainError } from '../runtime/domain-error'
import type { Handler } from '../runtime/router'
import { writeAudit } from '../shared/audit'
import { loadManagedMember } from '../shared/branch-access'

/** Marks a member exempt or ends it; their ledger and totals stay, rankings and participation leave them out. */
export const setExempt: Handler<typeof api.points.setExempt> = async (input, ctx) => {
  const { store, caller, clock } = ctx
  const { member, branch } = await loadManagedMember(store, caller, input.memberId)
  const before = await store.get(COLLECTIONS.pointsExempt, member._id)
  if (input.exempt) {
    if (!input.reason) throw new DomainError('INPUT.INVALID', '请选择免于排名的原因（退休、长期外出或病休）')
    if (before) await store.remove(COLLECTIONS.pointsExempt, member._id)
    await store.insert(COLLECTIONS.pointsExempt, {
      _id: member._id,
      tenantId: member.tenantId,
      branchId: branch._id,
      reason: input.reason,
      since: clock.now(),
      by: caller.member._id,
    })
  } else if (before) {
    await store.remove(COLLECTIONS.pointsExempt, member._id)
  }
  await writeAudit(ctx, {
    action: 'points.setExempt',
    targetId: member._id,
    summary: input.exempt ? `${member.name} 免于积分排名` : `${member.name} 恢复积分排名`,
    before: before ? { reason: before.reason } : null,
    after: input.exempt ? { reason: input.reason } : null,
  })
  return { memberId: member._id, exempt: input.exempt }
}
