import type { BranchStanding } from '../../types/points'
import type { OrgDoc } from '../../types/roster'
import { type BranchSort, rankBranches } from '../domain/ranking'
import { COLLECTIONS } from '../runtime/collections'
import type { Store } from '../runtime/store'
import { exemptMembers } from './exempt'

/**
 * The fair branch ranking of a period for these branches, from the
 * maintained totals: each branch's points and `members` (members with any
 * entry there), less what exempt members brought (their presence totals),
 * over its active non-exempt members. Four reads whatever the ledger's size;
 * the points leaderboard and the bureau's rankings both answer from here.
 */
export async function branchStandings(
  store: Store,
  tenantId: string,
  period: string,
  branches: readonly OrgDoc[],
  sort: BranchSort,
): Promise<BranchStanding[]> {
  const [memberCounts, totals, exempt] = await Promise.all([
    store.countBy(COLLECTIONS.members, { tenantId, status: 'active' }, 'branchId'),
    store.findAll(
      COLLECTIONS.pointsTotals,
      { tenantId, scope: 'branch', period },
      { fields: { _id: true, subjectId: true, points: true, members: true } },
    ),
    exemptMembers(store, tenantId),
  ])
  const exemptPresence = exempt.size
    ? await store.findAll(COLLECTIONS.pointsTotals, {
        tenantId,
        scope: 'presence',
        period,
        subjectId: store.command.in([...exempt.keys()]),
      })
    : []
  const totalOf = new Map(totals.map((row) => [row.subjectId, row]))
  return rankBranches(
    branches.map((branch) => {
      const members = memberCounts.get(branch._id) ?? 0
      const exemptHere = [...exempt.values()].filter((doc) => doc.branchId === branch._id).length
      const exemptRows = exemptPresence.filter((row) => row.branchId === branch._id)
      const total = totalOf.get(branch._id)
      return {
        branchId: branch._id,
        name: branch.name,
        members,
        activeMembers: Math.max(0, members - exemptHere),
        total: (total?.points ?? 0) - exemptRows.reduce((sum, row) => sum + row.points, 0),
        participants: Math.max(0, (total?.members ?? 0) - exemptRows.length),
      }
    }),
    sort,
  )
}
