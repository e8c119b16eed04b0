import { addMonthsToMonth } from '../time'
import { monthsFromTo } from './dues-months'

/** One membership change as the dues rules read it: what happened, in which branch, on which day. */
export interface MembershipStep {
  kind: 'join' | 'transfer_in' | 'transfer_out' | 'leave'
  branchId: string
  /** The other branch of an in-county move (转出 names where to, 转入 where from); absent out of the county. */
  otherBranchId?: string | null
  /** The day it took effect ('YYYY-MM-DD', Shanghai). */
  on: string
  /** When it was recorded: orders changes of one day (a move writes 转出 and 转入 at one instant). */
  at: number
}

/** A run of months the member owed dues to one branch: `from` through `to` (null: still a member). */
export interface DuesSpan {
  branchId: string
  /** The first month owed; null when the member has no 入党时间 (owed as far back as anyone reads). */
  from: string | null
  to: string | null
}

const ORDER: Record<MembershipStep['kind'], number> = { join: 0, transfer_out: 1, transfer_in: 2, leave: 3 }

/**
 * Which branch a member owed dues to, month by month, from their membership
 * history (membership_changes) rather than their status today:
 *
 * - owed from the month of 入党时间 (`joinedOn`), in the branch their history
 *   starts in; a member who comes from outside the county (转入 on 报到) owes
 *   here from the month they report, not from when they joined the Party;
 * - leaving the county (转出 once the 回执 is back) or the roster (停用) ends
 *   it with that month included — the month of leaving is owed here;
 * - a move within the county gives the months before it to the old branch and
 *   the month of the move on to the new one (two moves in one month: the last
 *   branch has it);
 * - a member who comes back (a later 加入/转入) owes again from that month,
 *   never twice for one month.
 *
 * A member with no history at all (roster data older than the history) is in
 * their branch from `joinedOn` while active, and owed nothing when inactive
 * (the day they left is unknown).
 */
export function duesSpans(
  member: { joinedOn: string | null; branchId: string | null; status: 'active' | 'inactive' },
  history: readonly MembershipStep[],
): DuesSpan[] {
  const joined = member.joinedOn ? member.joinedOn.slice(0, 7) : null
  if (history.length === 0) {
    return member.status === 'active' && member.branchId ? [{ branchId: member.branchId, from: joined, to: null }] : []
  }
  const steps = [...history].sort((a, b) => a.at - b.at || ORDER[a.kind] - ORDER[b.kind])
  const spans: DuesSpan[] = []
  // The run still open (closures below set it, so it lives in an object the compiler does not narrow).
  const state: { open: DuesSpan | null } = { open: null }
  let first = true
  const latest = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a > b ? a : b)
  /** A new run from `month`, never over a month an earlier run already owes. */
  const start = (branchId: string, month: string | null) => {
    const closed = spans.at(-1)?.to
    state.open = { branchId, from: closed ? latest(month, addMonthsToMonth(closed, 1)) : month, to: null }
  }
  /** The member's branch from `month` on (an in-county move). */
  const moveTo = (current: DuesSpan, branchId: string, month: string) => {
    if (current.branchId === branchId) return
    if (current.from !== null && current.from >= month) {
      // Moved again within the month it began: the month goes with the latest branch.
      current.branchId = branchId
      return
    }
    spans.push({ ...current, to: addMonthsToMonth(month, -1) })
    state.open = { branchId, from: month, to: null }
  }
  for (const step of steps) {
    const month = step.on.slice(0, 7)
    const inCounty = Boolean(step.otherBranchId)
    if (state.open === null && first && (step.kind === 'transfer_out' || step.kind === 'leave')) {
      // History begins with a departure (a member from before the history was kept): they were in that branch.
      start(step.branchId, joined)
    }
    const current = state.open
    if (step.kind === 'join' || step.kind === 'transfer_in') {
      if (current) moveTo(current, step.branchId, month)
      else if (first) start(step.branchId, step.kind === 'join' || inCounty ? joined : latest(joined, month))
      else start(step.branchId, month)
    } else if (step.kind === 'transfer_out' && inCounty) {
      if (current) moveTo(current, step.otherBranchId as string, month)
    } else if (current) {
      spans.push({ ...current, to: month })
      state.open = null
    }
    first = false
  }
  if (state.open) spans.push(state.open)
  // A run whose end falls before its start (joined after leaving, a rejoin within the month it left) owes nothing.
  return spans.filter((span) => span.to === null || span.from === null || span.from <= span.to)
}

/** Each month of [from, to] the member owed dues, with the branch it belongs to; months not owed are absent. */
export function monthBranches(spans: readonly DuesSpan[], from: string, to: string): Map<string, string> {
  const owed = new Map<string, string>()
  for (const span of spans) {
    const first = span.from !== null && span.from > from ? span.from : from
    const last = span.to !== null && span.to < to ? span.to : to
    if (first > last) continue
    for (const month of monthsFromTo(first, last)) owed.set(month, span.branchId)
  }
  return owed
}
