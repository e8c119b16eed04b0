import type { api } from '../../types/api'
import { EXEMPT_REASON_LABELS } from '../../types/labels'
import type { ExemptDoc } from '../../types/points'
import { exemptionInForce } from '../domain/points/exemption'
import { shanghaiDate } from '../domain/time'
import { COLLECTIONS } from '../runtime/collections'
import { DomainError } from '../runtime/domain-error'
import type { Handler } from '../runtime/router'
import { writeAudit } from '../shared/audit'
import { loadBranch, loadManagedMember, requireAccess } from '../shared/branch-access'

const period = (doc: Pick<ExemptDoc, 'from' | 'until' | 'since'>) =>
  `${doc.from ?? shanghaiDate(doc.since)} 至 ${doc.until ?? '长期'}`

/**
 * 免于积分: marks a member exempt over a period (from a first day, to a last
 * day or open-ended), or ends it; their ledger and totals stay, and rankings
 * and participation leave them out while it holds.
 */
export const setExempt: Handler<typeof api.points.setExempt> = async (input, ctx) => {
  const { store, caller, clock } = ctx
  const { member, branch } = await loadManagedMember(store, caller, input.memberId)
  const before = await store.get(COLLECTIONS.pointsExempt, member._id)
  let after: ExemptDoc | null = null
  if (input.exempt) {
    if (!input.reason) throw new DomainError('INPUT.INVALID', '请选择免于积分的原因（退休、长期外出或病休）')
    after = {
      _id: member._id,
      tenantId: member.tenantId,
      branchId: branch._id,
      reason: input.reason,
      since: clock.now(),
      from: input.from ?? shanghaiDate(clock.now()),
      until: input.until ?? null,
      by: caller.member._id,
    }
    if (before) await store.remove(COLLECTIONS.pointsExempt, member._id)
    await store.insert(COLLECTIONS.pointsExempt, after)
  } else if (before) {
    await store.remove(COLLECTIONS.pointsExempt, member._id)
  }
  await writeAudit(ctx, {
    action: 'points.setExempt',
    targetId: member._id,
    summary: after
      ? `${member.name} 免于积分（${EXEMPT_REASON_LABELS[after.reason]}，${period(after)}）`
      : `${member.name} 恢复积分排名`,
    before: before ? { reason: before.reason, from: before.from ?? null, until: before.until ?? null } : null,
    after: after ? { reason: after.reason, from: after.from ?? null, until: after.until ?? null } : null,
  })
  return { memberId: member._id, exempt: input.exempt }
}

/** 免于积分 of a branch: every recorded exemption with its reason and period, whether it holds today. */
export const exemptions: Handler<typeof api.points.exemptions> = async (input, { caller, store, clock }) => {
  const branch = await loadBranch(store, caller, input.branchId)
  requireAccess(caller, branch, 'read')
  const docs = await store.findAll(COLLECTIONS.pointsExempt, { tenantId: branch.tenantId, branchId: branch._id })
  const ids = [...new Set(docs.flatMap((doc) => [doc._id, doc.by]))]
  const people = ids.length
    ? await store.find(
        COLLECTIONS.members,
        { _id: store.command.in(ids) },
        { fields: { _id: true, name: true, branchId: true } },
      )
    : []
  const nameOf = new Map(people.map((person) => [person._id, person.name]))
  // A member who transferred out keeps their record with the old branch; it is theirs to carry, not this list's.
  const here = new Set(people.filter((person) => person.branchId === branch._id).map((person) => person._id))
  const today = shanghaiDate(clock.now())
  return {
    items: docs
      .filter((doc) => here.has(doc._id))
      .map((doc) => ({
        memberId: doc._id,
        name: nameOf.get(doc._id) ?? '',
        reason: doc.reason,
        from: doc.from ?? shanghaiDate(doc.since),
        until: doc.until ?? null,
        inForce: exemptionInForce(doc, today),
        byName: nameOf.get(doc.by) ?? '',
      }))
      .sort((a, b) => a.from.localeCompare(b.from) || a.name.localeCompare(b.name)),
  }
}
