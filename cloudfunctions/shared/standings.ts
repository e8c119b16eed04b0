import type { TotalsDoc } from '../../types/points'
import { COLLECTIONS } from '../runtime/collections'
import type { Store, Where } from '../runtime/store'

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
