import type { MeetingSummary } from '../../../types/meetings'
import type { Me } from '../../../types/roster'
import { looksAcrossBranches } from '../../lib/tab-view'

/**
 * Which 首页 a person gets: the bureau's (教育局党委 and 党建指导员 look across
 * branches), a secretary's (the branch's work of the day), or a member's.
 * Secretaries and bureau staff who belong to a branch also get their own
 * member cards under their role's section.
 */
export type HomeView = 'bureau' | 'secretary' | 'member'

export function homeViewFor(me: Pick<Me, 'roles' | 'branch'>): HomeView {
  if (looksAcrossBranches(me)) return 'bureau'
  if (me.branch && me.roles.includes('branch_secretary')) return 'secretary'
  return 'member'
}

/** A branch's month as the secretary's 首页 shows it: what is left to hold, minutes owed, leave to watch. */
export interface BranchAgenda {
  /** Scheduled meetings of the month not yet begun, soonest first. */
  toHold: MeetingSummary[]
  /**
   * Meetings that have ended without minutes (会议记录), oldest first: they count as held only with them.
   * Last month's too while the server still reads them 待补记录 (inside the bureau's 会后记录 window,
   * which reaches into this month in its first days).
   */
  minutesOwed: MeetingSummary[]
  /**
   * Meetings not yet ended, this month's and next month's: leave requests for them still need a
   * decision. Next month's count too, so a request for next week's 党课 is not hidden at a month's end.
   */
  leaveOpen: MeetingSummary[]
}

export function branchAgenda(
  items: readonly MeetingSummary[],
  now: number,
  lastMonth: readonly MeetingSummary[] = [],
  nextMonth: readonly MeetingSummary[] = [],
): BranchAgenda {
  const scheduled = (list: readonly MeetingSummary[]) =>
    list.filter((meeting) => meeting.status === 'scheduled').sort((a, b) => a.startsAt - b.startsAt)
  const live = scheduled(items)
  const stillOwed = lastMonth
    .filter((meeting) => meeting.status === 'scheduled' && meeting.record === 'awaiting_record')
    .sort((a, b) => a.startsAt - b.startsAt)
  return {
    toHold: live.filter((meeting) => meeting.startsAt > now),
    minutesOwed: [...stillOwed, ...live.filter((meeting) => meeting.endsAt <= now && !meeting.hasMinutes)],
    leaveOpen: [...live, ...scheduled(nextMonth)].filter((meeting) => meeting.endsAt > now),
  }
}

/** A check-in window may open up to 240 minutes before the start (会议规则): only a meeting this close is asked about. */
export const CHECK_IN_LOOKAHEAD_MS = 240 * 60_000

/** Whether the meeting's check-in (签到) is open now and the member has not checked in yet. */
export function checkInOpen(
  meeting: { checkInOpensAt: number; endsAt: number; mine: MeetingSummary['mine'] },
  now: number,
): boolean {
  return meeting.mine === null && now >= meeting.checkInOpensAt && now < meeting.endsAt
}
