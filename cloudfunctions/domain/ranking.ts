/**
 * Standard competition ranking (1, 1, 3): ties share a rank and the next rank
 * skips, as published 积分排名 lists do. Sorted by score, highest first; equal
 * scores keep their input order.
 */
export function rankBy<T>(items: readonly T[], score: (item: T) => number): (T & { rank: number })[] {
  const sorted = [...items].sort((a, b) => score(b) - score(a))
  let rank = 0
  let previous: number | undefined
  return sorted.map((item, index) => {
    const value = score(item)
    if (value !== previous) rank = index + 1
    previous = value
    return { ...item, rank }
  })
}

/** One's rank among others without listing them: 1 + how many scored strictly more. */
export function rankFromAbove(countAbove: number): number {
  return countAbove + 1
}

export interface BranchFacts {
  branchId: string
  name: string
  /** Active members, exempt included. */
  members: number
  /** Active members not exempt: the fair denominator. */
  activeMembers: number
  /** Points of the non-exempt members in the period. */
  total: number
  /** Non-exempt members with any ledger entry in the period. */
  participants: number
}

export type BranchSort = 'average' | 'participation' | 'total'

/**
 * Fair branch ranking: a 10-member school and a 50-member school compare on
 * average points per active non-exempt member and on participation rate (the
 * share of those members with any activity), not only on totals. A branch
 * with no countable members averages 0.
 */
export function rankBranches(branches: readonly BranchFacts[], sort: BranchSort) {
  const rows = branches.map((branch) => ({
    branchId: branch.branchId,
    name: branch.name,
    members: branch.members,
    activeMembers: branch.activeMembers,
    total: branch.total,
    average: branch.activeMembers ? round2(branch.total / branch.activeMembers) : 0,
    participation: branch.activeMembers ? round2(Math.min(1, branch.participants / branch.activeMembers)) : 0,
  }))
  return rankBy(rows, (row) => row[sort])
}

function round2(n: number): number {
  return Math.round(n * 100) / 100
}
