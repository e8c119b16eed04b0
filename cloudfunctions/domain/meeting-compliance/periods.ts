import type { Frequency, SchoolTerm } from '../../../types/meetings'
import { addMonthsLocal, type Granularity, periodBounds, periodKeyOf, termKey } from '../time'

/** Make-ups (补开) for a period are held up to a year after it: reads of a period's meetings reach this far past its end. */
export const MAKE_UP_HORIZON = 366 * 86_400_000

/**
 * The periods of a requirement that fall due in a cell — a month, a quarter,
 * a half-year, a year or a term: those whose last day lies within it. A
 * quarterly 党员大会 falls due in March, June, September and December; a term
 * requirement in the month its term ends. So every requirement is judged in
 * exactly one cell of a row.
 */
export function periodsEndingIn(cell: string, every: Frequency, terms: readonly SchoolTerm[]): string[] {
  // The same few questions come thousands of times (500 branches × 12 cells × each type): remembered.
  const key = `${cell}|${every}|${every === 'term' ? terms.map(termKey).join(',') : ''}`
  let known = dueIn.get(key)
  if (!known) {
    if (dueIn.size >= 4096) dueIn.clear()
    known = Object.freeze(computePeriodsEndingIn(cell, every, terms))
    dueIn.set(key, known)
  }
  return known as string[]
}

const dueIn = new Map<string, readonly string[]>()

function computePeriodsEndingIn(cell: string, every: Frequency, terms: readonly SchoolTerm[]): string[] {
  const { start, end } = periodBounds(cell)
  const endsHere = (key: string) => {
    const bounds = periodBounds(key)
    return bounds.end > start && bounds.end <= end
  }
  if (every === 'term') return terms.map(termKey).filter(endsHere)
  const keys = new Set<string>()
  for (let month = 0, at = start; at < end; at = addMonthsLocal(start, ++month)) keys.add(periodKeyOf(at, every))
  keys.add(periodKeyOf(end - 1, every))
  return [...keys].filter(endsHere)
}

/** The period of a requirement running at `now`: this month, quarter, half-year, year, or the term under way (null between terms). */
export function periodContaining(now: number, every: Frequency, terms: readonly SchoolTerm[]): string | null {
  if (every !== 'term') return periodKeyOf(now, every satisfies Granularity)
  const term = terms.map(termKey).find((key) => {
    const { start, end } = periodBounds(key)
    return start <= now && now < end
  })
  return term ?? null
}

/** The cells of a year the matrix shows: '2026-01'…'2026-12' or '2026-Q1'…'2026-Q4'. */
export function periodsOfYear(year: number, granularity: 'month' | 'quarter'): string[] {
  if (granularity === 'quarter') return [1, 2, 3, 4].map((q) => `${year}-Q${q}`)
  return Array.from({ length: 12 }, (_, index) => `${year}-${String(index + 1).padStart(2, '0')}`)
}

/**
 * Where reads for the cells of [start, end) must begin: a requirement falling
 * due in them may have begun earlier — the quarter of a June cell began in
 * April, the year in January, a term ending in January the September before.
 */
export function judgedFrom(
  window: { start: number; end: number },
  rules: { minimums: Record<string, { every: Frequency } | null>; terms: readonly SchoolTerm[] },
): number {
  let from = window.start
  for (const requirement of Object.values(rules.minimums)) {
    if (!requirement) continue
    if (requirement.every !== 'term') {
      from = Math.min(from, periodBounds(periodKeyOf(window.start, requirement.every)).start)
      continue
    }
    for (const key of rules.terms.map(termKey)) {
      const bounds = periodBounds(key)
      if (bounds.end > window.start && bounds.end <= window.end) from = Math.min(from, bounds.start)
    }
  }
  return from
}
