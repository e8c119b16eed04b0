export interface RollMember {
  id: string
  memberType: 'formal' | 'probationary'
  status: 'active' | 'inactive'
}

/**
 * Who takes part in a 民主评议, frozen when the round opens: every active
 * member is appraised, 预备党员 included; only active 正式党员 vote on 等次
 * (预备党员 have no vote, 党章第七条); a member exempted (illness, long absence)
 * is neither appraised nor votes, and is recorded with the reason.
 */
export function appraisalRoll(
  members: readonly RollMember[],
  exemptIds: ReadonlySet<string>,
): { appraisees: string[]; voters: string[] } {
  const taking = members.filter((member) => member.status === 'active' && !exemptIds.has(member.id))
  return {
    appraisees: taking.map((member) => member.id),
    voters: taking.filter((member) => member.memberType === 'formal').map((member) => member.id),
  }
}

/** A 测评 needs at least this many voters, and the results at least this many ballots, so no one's ballot stands out. */
export const MIN_BALLOTS = 3
