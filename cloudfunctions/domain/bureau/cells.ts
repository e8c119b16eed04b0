import type { CellState, MatrixGranularity, MatrixItem } from '../../../types/bureau'
import type { ComplianceItem, Frequency, MeetingType } from '../../../types/meetings'
import { complianceOf, type HeldMeeting } from '../meeting-compliance'
import { periodBounds, periodKeyOf } from '../time'

/** The periods of a year the matrix shows: '2026-01'…'2026-12' or '2026-Q1'…'2026-Q4'. */
export function periodsOfYear(year: number, granularity: MatrixGranularity): string[] {
  if (granularity === 'quarter') return [1, 2, 3, 4].map((q) => `${year}-Q${q}`)
  return Array.from({ length: 12 }, (_, index) => `${year}-${String(index + 1).padStart(2, '0')}`)
}

/**
 * One cell's colour from the 三会一课 rule's items for a branch and period
 * (cloudfunctions/domain/meeting-compliance.ts decides each item):
 * missing wins over open (still due or planned), open over late (补开), late over held.
 * A period not yet begun is 'future'; one that ended before the bureau's
 * records begin (`since`, see recordsSince) is 'none' — not 缺开, since
 * nothing was recorded here then; a period with nothing required is 'held'.
 */
export function cellState(
  items: readonly Pick<ComplianceItem, 'status'>[],
  period: string,
  now: number,
  since: number | null = null,
): CellState {
  const { start, end } = periodBounds(period)
  if (start > now) return 'future'
  if (since !== null && end <= since) return 'none'
  const statuses = new Set(items.map((item) => item.status))
  if (statuses.has('missing')) return 'missing'
  if (statuses.has('due') || statuses.has('planned')) return 'open'
  if (statuses.has('held_late')) return 'late'
  return 'held'
}

/** The items as the matrix carries them: the type and its status. */
export function toMatrixItems(items: readonly ComplianceItem[]): MatrixItem[] {
  return items.map((item) => ({ type: item.type, status: item.status }))
}

/**
 * This month's standing of a branch on the overview: behind when a required
 * meeting is neither held nor even scheduled (or already missing); on track otherwise.
 */
export function monthStanding(items: readonly Pick<ComplianceItem, 'status'>[]): 'on_track' | 'behind' {
  return items.some((item) => item.status === 'due' || item.status === 'missing') ? 'behind' : 'on_track'
}

/** The meeting types a branch still owes in a period (for "remind the secretary"). */
export function owedTypes(items: readonly ComplianceItem[]): ComplianceItem['type'][] {
  return items.filter((item) => item.status === 'due' || item.status === 'missing').map((item) => item.type)
}

/**
 * When the bureau's records begin: the first day of the month of the
 * earliest meeting on record (scheduled or cancelled), or of this month
 * when there is none yet. Periods that ended before it are not judged.
 */
export function recordsSince(earliestMeeting: number | null, now: number): number {
  return periodBounds(periodKeyOf(earliestMeeting ?? now, 'month')).start
}

/**
 * The 三会一课 items a cell is judged on: those of the compliance rule, or
 * none for a period not yet begun or one that ended before the records begin.
 */
export function judgedItems(
  period: string,
  minimums: Record<MeetingType, Frequency | null>,
  meetings: readonly HeldMeeting[],
  now: number,
  since: number,
): ComplianceItem[] {
  const { start, end } = periodBounds(period)
  return start > now || end <= since ? [] : complianceOf(period, minimums, meetings, now)
}
