import type { MeetingRules } from '../../../types/meetings'

const MINUTE = 60_000

export type CheckInVerdict = 'not open' | 'present' | 'late' | 'closed'

export interface Window {
  startsAt: number
  endsAt: number
}

/** When check-in opens and when it starts counting as late (迟到). */
export function windowOf(meeting: Window, rules: Pick<MeetingRules, 'checkInOpensMinutes' | 'lateGraceMinutes'>) {
  return {
    opensAt: meeting.startsAt - rules.checkInOpensMinutes * MINUTE,
    lateAfter: meeting.startsAt + rules.lateGraceMinutes * MINUTE,
    closesAt: meeting.endsAt,
  }
}

/** What a check-in at `now` counts as: early and after-the-end check-ins are refused; after the grace it is late. */
export function judgeCheckIn(
  meeting: Window,
  rules: Pick<MeetingRules, 'checkInOpensMinutes' | 'lateGraceMinutes'>,
  now: number,
): CheckInVerdict {
  const { opensAt, lateAfter, closesAt } = windowOf(meeting, rules)
  if (now < opensAt) return 'not open'
  if (now > closesAt) return 'closed'
  return now > lateAfter ? 'late' : 'present'
}
