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
