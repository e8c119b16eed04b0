import type { api } from '../../types/api'
import type { PointsRulesDoc } from '../../types/points'
import { catalogueProblems } from '../domain/points/grant'
import { COLLECTIONS } from '../runtime/collections'
import { DomainError } from '../runtime/domain-error'
import type { Handler } from '../runtime/router'
import { writeAudit } from '../shared/audit'
import { loadCatalogue } from './catalogue'

export const getRules: Handler<typeof api.points.getRules> = async (_input, { caller, store }) => {
  return loadCatalogue(store, caller.member.tenantId)
}

/** Bureau staff replace the catalogue whole; entries already written keep the values they were paid with. */
export const updateRules: Handler<typeof api.points.updateRules> = async (input, ctx) => {
  const { caller, store, clock } = ctx
  const problems = catalogueProblems(input)
  if (problems.length) throw new DomainError('POINTS.RULES_INVALID', problems.join('；'), problems)
  const tenantId = caller.member.tenantId
  const before = await loadCatalogue(store, tenantId)
  const doc: PointsRulesDoc = {
    _id: tenantId,
    tenantId,
    ...input,
    updatedAt: clock.now(),
    updatedBy: caller.member._id,
  }
  // No upsert in the store port: replace the one document (bureau edits are rare and single-handed).
  await store.remove(COLLECTIONS.pointsRules, tenantId)
  await store.insert(COLLECTIONS.pointsRules, doc)
  await writeAudit(ctx, {
    action: 'points.updateRules',
    targetId: tenantId,
    summary: '修改积分细则',
    before: { rules: before.rules, grades: before.grades, membersSeeBureau: before.membersSeeBureau },
    after: { rules: input.rules, grades: input.grades, membersSeeBureau: input.membersSeeBureau },
  })
  return input
}
