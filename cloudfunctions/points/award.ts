import type { api } from '../../types/api'
import type { PointsRule } from '../../types/points'
import { judgeGrant } from '../domain/points/grant'
import type { Caller } from '../runtime/caller'
import { COLLECTIONS } from '../runtime/collections'
import { DomainError } from '../runtime/domain-error'
import type { Handler } from '../runtime/router'
import type { Store } from '../runtime/store'
import { loadManagedMember } from '../shared/branch-access'
import { findRule, loadCatalogue } from './catalogue'
import { recordAward } from './ledger'
import { memberTotalId } from './totals'

/**
 * 发放/扣减积分 by hand: a manager of the member's branch, a role the rule allows, caps refused not cut.
 * Never to oneself: another manager of the branch or bureau staff must. The ledger key is the member and
 * the request id the client made once for this intent, so a retry after a lost answer pays once.
 */
export const award: Handler<typeof api.points.award> = async (input, { caller, store, clock }) => {
  const { member } = await loadManagedMember(store, caller, input.memberId)
  if (member._id === caller.member._id) throw new DomainError('AUTH.SELF_DEALING', SELF_AWARD)
  if (member.status !== 'active' || !member.branchId) throw new DomainError('ROSTER.INACTIVE')
  const catalogue = await loadCatalogue(store, caller.member.tenantId)
  const rule = findRule(catalogue, input.ruleKey)
  const verdict = judgeGrant(rule, caller.roles, input.points, input.reason)
  if (!verdict.ok) throw new DomainError(verdict.code, verdict.message)
  const { entry, duplicate } = await recordAward(store, {
    key: `award:${caller.member.tenantId}:${member._id}:${input.requestId}`,
    tenantId: caller.member.tenantId,
    member: { _id: member._id, branchId: member.branchId },
    rule: rule as PointsRule,
    requested: verdict.points,
    reason: input.reason.trim(),
    grantedBy: caller.member._id,
    grantedByName: caller.member.name,
    at: clock.now(),
    sourceEvent: null,
    overCap: 'refuse',
  })
  return { entryId: entry._id, points: entry.points, total: await allTimeTotal(store, caller, member._id), duplicate }
}

export const SELF_AWARD = '不能为自己发放或扣减积分，请由支部其他管理人员或教育局党委办理'

export async function allTimeTotal(store: Store, caller: Caller, memberId: string): Promise<number> {
  const doc = await store.get(COLLECTIONS.pointsTotals, memberTotalId(caller.member.tenantId, memberId, 'all'))
  return doc?.points ?? 0
}
