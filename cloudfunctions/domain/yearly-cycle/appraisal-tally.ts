import type { AppraisalGrade, GradeCounts, TallyRow } from '../../../types/yearly-cycle'
import { shareOf } from '../share'

const none = (): GradeCounts => ({ excellent: 0, qualified: 0, basic: 0, unqualified: 0 })

/**
 * The 测评 counts per member appraised, from the filled ballots alone: no
 * voter is known here, and the result lists members in the roll's order, so
 * nothing in it follows the ballots' order either. Marks for someone not on
 * the roll are ignored (the ballot rule refuses them before they are cast).
 */
export function tallyBallots(
  appraisees: readonly string[],
  ballots: readonly { marks: Readonly<Record<string, string>> | null }[],
): { ballots: number; rows: TallyRow[] } {
  const counts = new Map(appraisees.map((id) => [id, none()]))
  let cast = 0
  for (const ballot of ballots) {
    if (!ballot.marks) continue
    cast += 1
    for (const [memberId, grade] of Object.entries(ballot.marks)) {
      const row = counts.get(memberId)
      if (row && grade in row) row[grade as AppraisalGrade] += 1
    }
  }
  const rows = appraisees.map((memberId) => {
    const row = counts.get(memberId) ?? none()
    const ballotsFor = row.excellent + row.qualified + row.basic + row.unqualified
    return { memberId, counts: row, ballots: ballotsFor, excellentShare: shareOf(row.excellent, ballotsFor) }
  })
  return { ballots: cast, rows }
}

/** Totals of decided 等次, for the bureau and the year view. */
export function gradeCounts(grades: readonly AppraisalGrade[]): GradeCounts {
  const counts = none()
  for (const grade of grades) counts[grade] += 1
  return counts
}
