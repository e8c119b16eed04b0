import type { ErrorCode } from '../../../types/errors'
import type { AppraisalPhase, AppraisalRoundDoc } from '../../../types/yearly-cycle'

type Round = Pick<AppraisalRoundDoc, 'votingOpensAt' | 'votingClosesAt' | 'status' | 'voters' | 'appraisees'>

/**
 * Where a round is at an instant: 个人自评 until voting opens, 民主测评 from
 * the opening instant up to (not including) the closing one, then counting
 * until the 党员大会's decision is recorded.
 */
export function appraisalPhase(round: Round, now: number): AppraisalPhase {
  if (round.status === 'decided') return 'decided'
  if (now < round.votingOpensAt) return 'self_review'
  if (now < round.votingClosesAt) return 'voting'
  return 'counting'
}

/**
 * Why a member may not cast a ballot now, or null: they are not on the
 * voters' roll (预备党员, exempted, joined later), voting has not opened or has
 * closed (a late vote), they have voted already (a ballot is final when cast:
 * changing it would need a link from voter to ballot), or the ballot does
 * not give exactly one 等次 to every member appraised.
 */
export function voteRefusal(
  round: Round,
  voterId: string,
  alreadyVoted: boolean,
  marks: Readonly<Record<string, string>>,
  now: number,
): ErrorCode | null {
  if (!round.voters.includes(voterId)) return 'APPRAISAL.NOT_VOTER'
  const phase = appraisalPhase(round, now)
  if (phase === 'self_review') return 'APPRAISAL.NOT_OPEN'
  if (phase !== 'voting') return 'APPRAISAL.CLOSED'
  if (alreadyVoted) return 'APPRAISAL.ALREADY_VOTED'
  return ballotCoversRoll(round.appraisees, marks) ? null : 'APPRAISAL.BALLOT_INCOMPLETE'
}

/**
 * Every ballot rates exactly the members appraised, the voter themself
 * included: a ballot missing its author's own line would name its author.
 */
export function ballotCoversRoll(appraisees: readonly string[], marks: Readonly<Record<string, string>>): boolean {
  const keys = Object.keys(marks)
  return keys.length === appraisees.length && appraisees.every((id) => Object.hasOwn(marks, id))
}
