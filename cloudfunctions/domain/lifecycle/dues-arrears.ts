import type { Arrears, DuesMonth } from '../../../types/lifecycle'
import { addMonthsToMonth } from '../time'

/** Consecutive unpaid months that flag a member to the secretary, and to the bureau (党章: six months). */
export const ARREARS_THRESHOLDS = { secretary: 3, bureau: 6 } as const

/**
 * Consecutive months unpaid, counting back from the month before `currentMonth`
 * (the running month is not late yet). A settled month, a month with nothing
 * owed (免交) or a month not owed at all (before joining) ends the run. Three
 * months flag the member to the secretary, six to the bureau; the flag is
 * only ever shown — no rule changes a member's status (党章 leaves that to
 * the branch, "无正当理由").
 */
export function arrearsOf(months: readonly DuesMonth[], currentMonth: string): Arrears {
  const byMonth = new Map(months.map((month) => [month.month, month]))
  let count = 0
  let since: string | null = null
  for (let month = addMonthsToMonth(currentMonth, -1); ; month = addMonthsToMonth(month, -1)) {
    const row = byMonth.get(month)
    if (!row || row.settled) break
    count += 1
    since = month
  }
  const flag =
    count >= ARREARS_THRESHOLDS.bureau ? 'bureau' : count >= ARREARS_THRESHOLDS.secretary ? 'secretary' : 'none'
  return { months: count, since, flag }
}

/**
 * The first month of the run of unpaid months a ledger ends with (null when
 * its last month is settled or owes nothing). Stored per member, it answers
 * "months in arrears at month M" without the ledger: every month after the
 * ledger's end is unpaid too until a write extends the ledger (a base or a
 * payment for a later month rewrites it).
 */
export function unpaidRunFrom(months: readonly DuesMonth[]): string | null {
  let from: string | null = null
  for (const month of [...months].sort((a, b) => a.month.localeCompare(b.month))) {
    from = month.settled ? null : (from ?? month.month)
  }
  return from
}

/** Arrears at `currentMonth` from a stored run start: the months from it through last month. */
export function arrearsSince(unpaidFrom: string | null, currentMonth: string): Arrears {
  const last = addMonthsToMonth(currentMonth, -1)
  if (!unpaidFrom || unpaidFrom > last) return { months: 0, since: null, flag: 'none' }
  const count = monthsBetween(unpaidFrom, last) + 1
  const flag =
    count >= ARREARS_THRESHOLDS.bureau ? 'bureau' : count >= ARREARS_THRESHOLDS.secretary ? 'secretary' : 'none'
  return { months: count, since: unpaidFrom, flag }
}

function monthsBetween(from: string, to: string): number {
  return (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7))
}
