import type { VolunteerActivityDoc } from '../../../types/assessment'
import type { ErrorCode } from '../../../types/errors'

type Activity = Pick<VolunteerActivityDoc, 'branchId' | 'startsAt' | 'endsAt' | 'places' | 'status'>

/**
 * Why a member may not sign up (or take it back) now: the activity is
 * cancelled, has started, is another branch's, or — signing up — is full.
 * Taking a sign-up back frees the place.
 */
export function signUpRefusal(
  activity: Activity,
  member: { branchId: string | null },
  signed: number,
  cancel: boolean,
  now: number,
): ErrorCode | null {
  if (activity.status === 'cancelled') return 'VOLUNTEER.CANCELLED'
  if (now >= activity.startsAt) return 'VOLUNTEER.STARTED'
  if (activity.branchId !== null && activity.branchId !== member.branchId) return 'VOLUNTEER.NOT_OPEN_TO_YOU'
  if (!cancel && signed >= activity.places) return 'VOLUNTEER.FULL'
  return null
}

/** The activity's length in half hours, rounded up (a 1 h 40 min activity allows 2 hours). */
export function lengthInHalfHours(activity: Pick<Activity, 'startsAt' | 'endsAt'>): number {
  return Math.ceil((activity.endsAt - activity.startsAt) / 1_800_000)
}

/** Why hours may not be credited: the activity has not ended, or more than its length is asked. */
export function creditRefusal(activity: Activity, hours: number, now: number): ErrorCode | null {
  if (now < activity.endsAt) return 'VOLUNTEER.NOT_ENDED'
  return hours * 2 > lengthInHalfHours(activity) ? 'VOLUNTEER.HOURS_OVER_LENGTH' : null
}
