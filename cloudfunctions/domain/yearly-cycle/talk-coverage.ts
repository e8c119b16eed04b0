import type { TalkCoverage, TalkGap } from '../../../types/yearly-cycle'
import { shareOf } from '../share'

export interface BranchPeople {
  /** 支部委员会 members, the secretary among them; a branch without a committee lists its secretary (and deputy). */
  committeeIds: readonly string[]
  /** Every active member, committee members included. */
  memberIds: readonly string[]
}

/** Sorted pair key, so a talk reads the same whoever recorded it. */
export const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`)

/**
 * 谈心谈话 coverage for a year (《中国共产党支部工作条例（试行）》: 支部委员之间、
 * 支部委员和党员之间 at least once a year). What is required:
 * - every pair of committee members has talked (so the secretary with each
 *   of them, and they with each other);
 * - every member outside the committee has talked with at least one
 *   committee member (the committee divides the members among itself).
 * A branch too small for a committee has its secretary (and deputy) as the
 * "committee": then every member talks with one of them. A branch with no one
 * to hold the talks owes nothing and says so (noCommittee).
 * Talks between two ordinary members count for neither, though recorded.
 */
export function talkCoverage(
  people: BranchPeople,
  talks: readonly { pair: readonly [string, string] }[],
): TalkCoverage {
  const active = new Set(people.memberIds)
  const committee = people.committeeIds.filter((id) => active.has(id))
  if (committee.length === 0) return { required: 0, covered: 0, share: null, gaps: [], noCommittee: true }
  const talked = new Set(talks.map((talk) => pairKey(talk.pair[0], talk.pair[1])))
  const committeeSet = new Set(committee)
  const gaps: TalkGap[] = []
  let required = 0
  for (let i = 0; i < committee.length; i++) {
    for (let j = i + 1; j < committee.length; j++) {
      required += 1
      if (!talked.has(pairKey(committee[i], committee[j])))
        gaps.push({ kind: 'pair', a: committee[i], b: committee[j] })
    }
  }
  for (const memberId of people.memberIds) {
    if (committeeSet.has(memberId)) continue
    required += 1
    if (!committee.some((committeeId) => talked.has(pairKey(memberId, committeeId))))
      gaps.push({ kind: 'member', memberId })
  }
  const covered = required - gaps.length
  return { required, covered, share: shareOf(covered, required), gaps, noCommittee: false }
}
