import type { DuesBracket, DuesCategory, DuesSchedule } from '../../../types/lifecycle'

export interface MonthlyDues {
  amountFen: number
  /** The bracket's rate in basis points; null for the fixed amount. */
  rateBp: number | null
}

/**
 * A member's monthly dues from their category and base (分). The whole base
 * pays the rate of the bracket it falls in (not bracket by bracket), rounded
 * to the 分 half up: 3,000.01 元 × 1% = 30.0001 → 30.00 元; 4,567.50 元 × 1% =
 * 45.675 → 45.68 元. Integer arithmetic throughout, so no float drift.
 */
export function monthlyDues(category: DuesCategory, baseFen: number, schedule: DuesSchedule): MonthlyDues {
  if (category === 'employed' || category === 'retired') {
    const { rateBp } = bracketOf(schedule[category], baseFen)
    return { amountFen: Math.floor((baseFen * rateBp + 5_000) / 10_000), rateBp }
  }
  return { amountFen: schedule.fixedFen, rateBp: null }
}

function bracketOf(brackets: readonly DuesBracket[], baseFen: number): DuesBracket {
  return (
    brackets.find((bracket) => bracket.upToFen === null || baseFen <= bracket.upToFen) ?? brackets[brackets.length - 1]
  )
}
