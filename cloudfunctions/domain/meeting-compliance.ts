import type { ComplianceItem, Frequency, MeetingType } from '../../types/meetings'
import { granularityOf, periodBounds, periodKeyOf } from './time'

/** Make-ups (补开) for a period are held up to a year after it: reads of a period's meetings reach this far past its end. */
export const MAKE_UP_HORIZON = 366 * 86_400_000

export interface HeldMeeting {
  _id: string
  type: MeetingType
  startsAt: number
  status: 'scheduled' | 'cancelled'
  makeUpFor: string | null
}

/**
 * 三会一课 compliance of one branch for one period: for every meeting type
 * whose minimum frequency is the period's granularity —
 * - held: a meeting of the type took place in the period;
 * - held_late: none in the period, but a make-up (补开) for it took place afterwards;
 * - planned: the period is running and one is scheduled, not yet held;
 * - due: the period is running and none is scheduled yet (本月还需召开);
 * - missing: the period ended without one.
 * Boundaries are Asia/Shanghai midnights; cancelled meetings never count.
 */
export function complianceOf(
  period: string,
  minimums: Record<MeetingType, Frequency | null>,
  meetings: readonly HeldMeeting[],
  now: number,
): ComplianceItem[] {
  const granularity = granularityOf(period)
  const { start, end } = periodBounds(period)
  const live = meetings.filter((meeting) => meeting.status === 'scheduled')
  const items: ComplianceItem[] = []
  for (const [type, frequency] of Object.entries(minimums) as [MeetingType, Frequency | null][]) {
    if (frequency !== granularity) continue
    const ofType = live.filter((meeting) => meeting.type === type)
    const inPeriod = ofType.filter((meeting) => meeting.startsAt >= start && meeting.startsAt < end)
    const held = inPeriod.filter((meeting) => meeting.startsAt <= now)
    const madeUp = ofType.filter(
      (meeting) => meeting.makeUpFor === period && meeting.startsAt >= end && meeting.startsAt <= now,
    )
    const item = (status: ComplianceItem['status'], found: HeldMeeting[]): ComplianceItem => ({
      type,
      frequency,
      period,
      status,
      meetingIds: found.map((meeting) => meeting._id),
    })
    if (held.length > 0) items.push(item('held', held))
    else if (madeUp.length > 0) items.push(item('held_late', madeUp))
    else if (now >= end) items.push(item('missing', []))
    else if (inPeriod.length > 0) items.push(item('planned', inPeriod))
    else items.push(item('due', []))
  }
  return items
}

/** The periods a "this month" card looks at: the month, its quarter and its year, each still owing what it owes. */
export function currentPeriods(now: number): string[] {
  return [periodKeyOf(now, 'month'), periodKeyOf(now, 'quarter'), periodKeyOf(now, 'year')]
}
