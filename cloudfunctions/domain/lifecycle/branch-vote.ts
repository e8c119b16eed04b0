import type { BranchVote } from '../../../types/lifecycle'

export type VoteVerdict = 'carried' | 'no_quorum' | 'too_few_in_favour'

/**
 * A 支部大会 resolution on admitting or converting a member (细则第二十四条):
 * more than half of the formal members entitled to vote must be present, and
 * more than half of them (of those entitled, not of those present) must vote
 * for it. 9 entitled: 5 present and 5 in favour carries; 4 does not.
 */
export function voteVerdict(vote: BranchVote): VoteVerdict {
  if (vote.present * 2 <= vote.eligible) return 'no_quorum'
  if (vote.inFavour * 2 <= vote.eligible) return 'too_few_in_favour'
  return 'carried'
}
