import type { CycleDigestDoc } from '../../../types/yearly-cycle'
import { appraisalPhase } from './appraisal-round'
import { orgLifeProgress } from './org-life-progress'
import { ratingSummary, reportStatus } from './report-rating'
import type { BranchYear } from './year-row'

type Digest = Pick<CycleDigestDoc, 'talks' | 'orgLife' | 'appraisal' | 'report'>

/**
 * One branch's year as the bureau's view reads it, from its digest (null:
 * nothing recorded yet) and the two facts the digest cannot hold — whether the
 * linked 组织生活会 meeting is held (the meetings data says, live) and the
 * 述职 round's deadline — at an instant.
 */
export function branchYearOf(
  branch: { _id: string; name: string },
  digest: Digest | null,
  context: { meetingHeld: boolean; reportDeadline: number | null; now: number },
): BranchYear {
  const talks = digest?.talks ?? { required: 0, covered: 0, share: null, gaps: 0 }
  const orgLife = digest?.orgLife ?? null
  const appraisal = digest?.appraisal ?? null
  const report = context.reportDeadline === null ? null : (digest?.report ?? null)
  return {
    branchId: branch._id,
    name: branch.name,
    talks: { share: talks.share, gaps: talks.gaps },
    orgLife: orgLifeProgress({
      theme: orgLife?.theme ?? null,
      opinionsClosed: orgLife?.opinionsClosed ?? false,
      opinions: orgLife?.opinions ?? 0,
      talks: { required: talks.required, covered: talks.covered },
      selfExaminations: orgLife?.selfExaminations ?? { expected: 0, submitted: 0 },
      meetingHeld: orgLife !== null && context.meetingHeld,
      rectifications: orgLife?.rectifications ?? { total: 0, closed: 0 },
      reportSubmitted: orgLife?.reportSubmitted ?? false,
    }),
    appraisal: appraisal && {
      phase: appraisalPhase({ ...appraisal, voters: [], appraisees: [] }, context.now),
      counts: appraisal.counts,
    },
    report: {
      status: reportStatus(report, context.reportDeadline ?? 0),
      bureau: report ? ratingSummary(report.bureau) : null,
    },
  }
}
