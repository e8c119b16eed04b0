import { type RatingSummary, REPORT_RATINGS, type ReportRating } from '../../../types/yearly-cycle'
import { shareOf } from '../share'

/**
 * A 述职报告's ratings summed up: how many of each of 好/较好/一般/差, the
 * share of 好 and 较好, and the overall rating — the median, the lower of the
 * two middle ratings when there is an even number (a tie reads the more
 * cautious way: two 好 and two 一般 is 一般).
 */
export function ratingSummary(ratings: readonly ReportRating[]): RatingSummary {
  const counts = Object.fromEntries(REPORT_RATINGS.map((rating) => [rating, 0])) as Record<ReportRating, number>
  for (const rating of ratings) counts[rating] += 1
  const ordered = [...ratings].sort((a, b) => REPORT_RATINGS.indexOf(a) - REPORT_RATINGS.indexOf(b))
  return {
    counts,
    total: ratings.length,
    goodShare: shareOf(counts.good + counts.fairly_good, ratings.length),
    overall: ordered.length ? ordered[Math.floor(ordered.length / 2)] : null,
  }
}

/** Where a branch's report stands against the round's deadline. */
export function reportStatus(
  report: { submittedAt: number } | null,
  deadline: number,
): 'missing' | 'submitted' | 'late' {
  if (!report) return 'missing'
  return report.submittedAt > deadline ? 'late' : 'submitted'
}
