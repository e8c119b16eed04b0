import type { PeriodKind } from '../../../types/points'
import { shanghaiPeriods } from '../time'

/** The key of the period of `kind` that `now` falls in (Asia/Shanghai): what totals are stored under. */
export function periodKey(kind: PeriodKind, now: number): string {
  if (kind === 'all') return 'all'
  return shanghaiPeriods(now)[kind]
}

/** Every period key an entry at `at` counts towards: month, quarter, year and all time. */
export function periodKeysOf(at: number): string[] {
  const { month, quarter, year } = shanghaiPeriods(at)
  return [month, quarter, year, 'all']
}
