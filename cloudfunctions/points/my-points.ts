import type { api } from '../../types/api'
import { periodKey } from '../domain/points/period'
import { COLLECTIONS } from '../runtime/collections'
import { readPage } from '../runtime/read-page'
import type { Handler } from '../runtime/router'
import { exemptMembers, exemptTotals, rankOf } from '../shared/standings'
import { memberTotalId } from './totals'

/** 我的积分: the period total, rank in the branch (none while exempt), and the ledger with reasons. */
export const myPoints: Handler<typeof api.points.myPoints> = async (input, { caller, store, clock }) => {
  const { tenantId, _id: memberId, branchId } = caller.member
  const period = periodKey(input.period, clock.now())
  const [total, exempt, history] = await Promise.all([
    store.get(COLLECTIONS.pointsTotals, memberTotalId(tenantId, memberId, period)),
    exemptMembers(store, tenantId, clock.now()),
    readPage(store, COLLECTIONS.pointsLedger, { tenantId, memberId }, [['at', 'desc']], input),
  ])
  const points = total?.points ?? 0
  const isExempt = exempt.has(memberId)
  let rank: number | null = null
  let rankOfCount = 0
  if (branchId) {
    const scope = { tenantId, branchId, period }
    const exemptIds = new Set([...exempt.values()].filter((doc) => doc.branchId === branchId).map((doc) => doc._id))
    const [excluded, activeMembers] = await Promise.all([
      exemptTotals(store, scope, exemptIds),
      store.count(COLLECTIONS.members, { tenantId, branchId, status: 'active' }),
    ])
    rankOfCount = activeMembers - exemptIds.size
    if (!isExempt) rank = await rankOf(store, scope, points, excluded)
  }
  return {
    period,
    points,
    rank,
    rankOf: Math.max(0, rankOfCount),
    exempt: isExempt,
    history: history.items.map((entry) => ({
      id: entry._id,
      ruleName: entry.ruleName,
      points: entry.points,
      capped: entry.capped,
      reason: entry.reason,
      grantedByName: entry.grantedByName,
      at: entry.at,
    })),
    total: history.total,
    page: history.page,
  }
}
