import type { ErrorCode } from '../../../types/errors'

export interface Rater {
  id: string
  bureauStaff: boolean
  /** The branches the rater is an active member of. */
  branchId: string | null
}

/**
 * Why someone may not rate a 述职报告, or null: the round is closed; it is
 * their own report (nobody rates themself); they are neither bureau staff
 * nor, when the round lets members rate, a member of that branch; or they
 * rated it already (bureau staff by name, members through the ballot box).
 */
export function ratingRefusal(
  report: { branchId: string; secretaryId: string },
  round: { status: 'open' | 'closed'; membersRate: boolean },
  rater: Rater,
  alreadyRated: boolean,
): ErrorCode | null {
  if (round.status === 'closed') return 'REPORT.ROUND_CLOSED'
  if (rater.id === report.secretaryId) return 'REPORT.OWN_REPORT'
  const asMember = round.membersRate && rater.branchId === report.branchId
  if (!rater.bureauStaff && !asMember) return 'AUTH.FORBIDDEN'
  return alreadyRated ? 'REPORT.ALREADY_RATED' : null
}
