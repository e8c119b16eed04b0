import { CELL_STATES, type CellState, type StateCounts } from '../../../types/compliance'
import type { ComplianceItem } from '../../../types/meetings'
import { periodBounds, periodKeyOf } from '../time'
import type { JudgedMeeting } from './evidence'
import { type ComplianceRules, complianceOf } from './judge'
import type { BranchFacts } from './units'

/**
 * A branch's cell (a month or quarter) from the requirements falling due in
 * it — the one function behind the matrix, the overview, the trend, the
 * monthly report and the exports:
 * - future (未到期) before it begins; none (无记录) when it ended before the
 *   bureau's records begin (`since`); not_required (无需) with nothing due;
 * - while it runs: held (or late) once everything due is evidenced, else open (进行中);
 * - once ended: missing wins over no_quorum, no_quorum over awaiting, awaiting
 *   over late (补开), late over held.
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
  if (items.length === 0) return 'not_required'
  const statuses = new Set(items.map((item) => item.status))
  const allHeld = [...statuses].every((status) => status === 'held' || status === 'held_late')
  if (now < end && !allHeld) return 'open'
  if (statuses.has('missing')) return 'missing'
  if (statuses.has('no_quorum')) return 'no_quorum'
  if (statuses.has('awaiting_record')) return 'awaiting'
  if (statuses.has('held_late')) return 'late'
  return 'held'
}

/** The items a cell is judged on: none for a period not yet begun, or one that ended before the records begin. */
export function judgedItems(
  period: string,
  rules: ComplianceRules,
  facts: BranchFacts,
  meetings: readonly JudgedMeeting[],
  now: number,
  since: number,
): ComplianceItem[] {
  const { start, end } = periodBounds(period)
  return start > now || end <= since ? [] : complianceOf(period, rules, facts, meetings, now)
}

/** A cell: its items and its state. */
export function judgeCell(
  period: string,
  rules: ComplianceRules,
  facts: BranchFacts,
  meetings: readonly JudgedMeeting[],
  now: number,
  since: number,
): { items: ComplianceItem[]; state: CellState } {
  const items = judgedItems(period, rules, facts, meetings, now, since)
  return { items, state: cellState(items, period, now, since) }
}

/** How many of `states` are in each state. */
export function countStates(states: Iterable<CellState>): StateCounts {
  const counts = Object.fromEntries(CELL_STATES.map((state) => [state, 0])) as StateCounts
  for (const state of states) counts[state]++
  return counts
}

/** States that judge a finished period; the rest (无需, 进行中, 未到期, 无记录) are left out of completion rates. */
const JUDGED: readonly CellState[] = ['held', 'late', 'awaiting', 'no_quorum', 'missing']

/** Share (0–1, three places) of judged cells that are 已开展 or 已补开; null with none judged. */
export function completionShare(counts: StateCounts): number | null {
  const judged = JUDGED.reduce((sum, state) => sum + counts[state], 0)
  if (judged === 0) return null
  return Math.round(((counts.held + counts.late) / judged) * 1000) / 1000
}

/** Requirements a branch still owes in a cell: not held, awaiting a record, or below quorum. */
export function owedItems(items: readonly ComplianceItem[]): ComplianceItem[] {
  return items.filter((item) => ['due', 'missing', 'awaiting_record', 'no_quorum'].includes(item.status))
}

/**
 * When the bureau's records begin: the first day of the month of the
 * earliest meeting on record (scheduled or cancelled), or of this month
 * when there is none yet. Periods that ended before it are not judged.
 */
export function recordsSince(earliestMeeting: number | null, now: number): number {
  return periodBounds(periodKeyOf(earliestMeeting ?? now, 'month')).start
}
