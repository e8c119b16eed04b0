import type { Collection, DuesMonth } from '../../../types/lifecycle'
import { shareOf } from '../share'

/**
 * A collection rate over member-months (a branch's month, a branch's year, the
 * tenant): the share of member-months with something owed that are settled.
 * A month without a base counts as owed and unsettled, so a branch that never
 * 核定 its bases does not look fully collected. Amounts count what was paid
 * against what was owed; voluntary extra is reported apart.
 */
export function collectionOf(months: readonly DuesMonth[]): Collection {
  let owedMonths = 0
  let settledMonths = 0
  let owedFen = 0
  let collectedFen = 0
  let extraFen = 0
  for (const month of months) {
    extraFen += month.extraFen
    if (month.baseSet && month.owedFen === 0) continue
    owedMonths += 1
    if (month.settled) settledMonths += 1
    owedFen += month.owedFen
    collectedFen += Math.min(month.paidFen, month.owedFen)
  }
  return { owedMonths, settledMonths, owedFen, collectedFen, extraFen, rate: shareOf(settledMonths, owedMonths) }
}

/** A branch's collection for each of `months`, from its members' ledgers (each a member's months). */
export function collectionsByMonth(
  ledgers: readonly (readonly DuesMonth[])[],
  months: readonly string[],
): Map<string, Collection> {
  const rows = new Map<string, DuesMonth[]>(months.map((month) => [month, []]))
  for (const ledger of ledgers) for (const row of ledger) rows.get(row.month)?.push(row)
  return new Map([...rows].map(([month, monthRows]) => [month, collectionOf(monthRows)]))
}
