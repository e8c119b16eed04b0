import type { Caps } from '../../../types/points'

/** What a member has already had from one rule in the cap periods (absolute points: deductions count as their size). */
export interface CapUsage {
  day: number
  month: number
  year: number
}

export interface Capped {
  points: number
  capped: boolean
}

/**
 * Applies a rule's day/month/year caps at award time: an award is cut to what
 * is left under the tightest cap (a deduction likewise, by its size), and the
 * entry says when a cap cut it. Nothing left → 0 points, capped.
 */
export function applyCaps(requested: number, caps: Caps, usage: CapUsage): Capped {
  const size = Math.abs(requested)
  let left = size
  for (const period of ['day', 'month', 'year'] as const) {
    const cap = caps[period]
    if (cap !== null) left = Math.min(left, Math.max(0, cap - usage[period]))
  }
  return { points: Math.sign(requested) * left, capped: left < size }
}
