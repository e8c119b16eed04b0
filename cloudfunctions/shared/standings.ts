import type { BranchStanding, ExemptDoc, TotalsDoc } from '../../types/points'
import type { OrgDoc } from '../../types/roster'
import { exemptionInForce } from '../domain/points/exemption'
import { type BranchSort, rankBranches } from '../domain/ranking'
import { shanghaiDate } from '../domain/time'
import { COLLECTIONS } from '../runtime/collections'
import type { Store, Where } from '../runtime/store'

/**
 * Standings from the points function's maintained totals (points_totals) and
 * exempt list: what the points leaderboard, a member's rank and grade, and the
 * bureau's rankings all read. The points function writes them; nobody else does.
 */

/**
 * Top members of a scope (a branch or the tenant) for a period from the
 * maintained totals, exempt members left out: one indexed, sorted read.
 */
export async function topMembers(
  store: Store,
  scope: Where,
  exempt: ReadonlySet<string>,
  size: number,
): Promise<TotalsDoc[]> {
  const rows = await store.find(
    COLLECTIONS.pointsTotals,
    { ...scope, scope: 'member' },
    {
      orderBy: [
        ['points', 'desc'],
        ['subjectId', 'asc'],
      ],
      limit: size + exempt.size,
    },
  )
  return rows.filter((row) => !exempt.has(row.subjectId)).slice(0, size)
}

/** One's rank in a scope without listing it: 1 + the non-exempt members with more points (ties share). */
export async function rankOf(
  store: Store,
  scope: Where,
  points: number,
  exemptTotals: readonly TotalsDoc[],
): Promise<number> {
  const above = await store.count(COLLECTIONS.pointsTotals, {
    ...scope,
    scope: 'member',
    points: store.command.gt(points),
  })
  return above - exemptTotals.filter((row) => row.points > points).length + 1
}

/** The period totals of the exempt members in a scope, to take out of ranks, averages and participation. */
export async function exemptTotals(store: Store, scope: Where, exempt: ReadonlySet<string>): Promise<TotalsDoc[]> {
  if (!exempt.size) return []
  return store.find(COLLECTIONS.pointsTotals, { ...scope, scope: 'member', subjectId: store.command.in([...exempt]) })
}

/** Exempt members of a tenant whose exemption is in force at `now`: few (retired and long-absent members), so read whole. */
export async function exemptMembers(store: Store, tenantId: string, now: number): Promise<Map<string, ExemptDoc>> {
  const docs = await store.findAll(COLLECTIONS.pointsExempt, { tenantId })
  const today = shanghaiDate(now)
  return new Map(docs.filter((doc) => exemptionInForce(doc, today)).map((doc) => [doc._id, doc]))
}

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
  now: number,
): Promise<BranchStanding[]> {
  const [memberCounts, totals, exempt] = await Promise.all([
    store.countBy(COLLECTIONS.members, { tenantId, status: 'active' }, 'branchId'),
    store.findAll(
      COLLECTIONS.pointsTotals,
      { tenantId, scope: 'branch', period },
      { fields: { _id: true, subjectId: true, points: true, members: true } },
    ),
    exemptMembers(store, tenantId, now),
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
