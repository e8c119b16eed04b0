/**
 * Demo points: the default rule catalogue for the demo tenant and a few
 * ledger entries (volunteer service, meeting attendance) with the totals
 * they imply, so leaderboards are not empty on first start.
 */
import { DEFAULT_CATALOGUE } from '../../cloudfunctions/domain/points/default-rules'
import { shanghaiPeriods } from '../../cloudfunctions/domain/time'
import { totalsOf } from '../../cloudfunctions/points/totals'
import type { LedgerEntry, PointsRulesDoc } from '../../types/points'
import type { DemoBureau } from './demo-bureau'
import type { SeedBatch } from './demo-parts'

const DAY = 86_400_000

export function demoPoints(bureau: DemoBureau, now: number): SeedBatch[] {
  const tenantId = bureau.tenants[0]._id
  const rules: PointsRulesDoc = { _id: tenantId, tenantId, ...DEFAULT_CATALOGUE, updatedAt: now, updatedBy: 'seed' }
  const rule = (key: string) => DEFAULT_CATALOGUE.rules.find((r) => r.key === key) ?? DEFAULT_CATALOGUE.rules[0]
  const entries: LedgerEntry[] = []
  bureau.members
    .filter((member) => member.branchId)
    .forEach((member, index) => {
      // Every third member went to a meeting a week ago; every fifth volunteered two days ago.
      const plan = [
        ...(index % 3 === 0 ? [{ key: 'meeting_present', ago: 7, reason: '' }] : []),
        ...(index % 5 === 0 ? [{ key: 'volunteer', ago: 2, reason: '周末社区志愿服务' }] : []),
      ]
      for (const item of plan) {
        const at = now - item.ago * DAY
        const r = rule(item.key)
        entries.push({
          _id: `seed:${member._id}:${item.key}`,
          tenantId,
          memberId: member._id,
          branchId: member.branchId as string,
          ruleKey: r.key,
          ruleName: r.name,
          points: r.points,
          requested: r.points,
          capped: false,
          reason: item.reason,
          grantedBy: 'seed',
          grantedByName: '系统',
          at,
          sourceEvent: null,
          ...shanghaiPeriods(at),
        })
      }
    })
  return [
    ['points_rules', [rules]],
    ['points_ledger', entries],
    ['points_totals', [...totalsOf(entries).values()]],
  ]
}
