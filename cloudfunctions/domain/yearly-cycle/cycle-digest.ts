import type {
  AppraisalGrade,
  AppraisalRoundDoc,
  CycleDigestDoc,
  OrgLifeDoc,
  ReportRating,
} from '../../../types/yearly-cycle'
import { gradeCounts } from './appraisal-tally'
import { type BranchPeople, talkCoverage } from './talk-coverage'

/** Everything a branch's year digest is made of, each read from its own collection. */
export interface DigestInputs {
  tenantId: string
  branchId: string
  year: number
  people: BranchPeople
  talks: readonly { pair: readonly [string, string] }[]
  orgLife: Pick<OrgLifeDoc, 'theme' | 'opinionsClosedAt' | 'meetingId' | 'report'> | null
  opinions: number
  /** Who has handed in a 对照检查 for the year's 组织生活会. */
  selfExaminedIds: readonly string[]
  rectifications: { total: number; closed: number }
  round: Pick<AppraisalRoundDoc, '_id' | 'votingOpensAt' | 'votingClosesAt' | 'status' | 'exemptions'> | null
  /** The decided 等次, once the 党员大会 has decided. */
  grades: readonly AppraisalGrade[]
  report: { roundId: string; reportId: string; submittedAt: number; bureau: readonly ReportRating[] } | null
  now: number
}

/**
 * The year view's inputs for one branch and year. 对照检查 are expected of
 * every active member not exempted from this year's 民主评议, and count only
 * from them (a member who left no longer owes one, nor counts).
 */
export function cycleDigest(inputs: DigestInputs): CycleDigestDoc {
  const coverage = talkCoverage(inputs.people, inputs.talks)
  const exempt = new Set(inputs.round?.exemptions.map((exemption) => exemption.memberId) ?? [])
  const takingPart = new Set(inputs.people.memberIds.filter((id) => !exempt.has(id)))
  const { orgLife, round, report } = inputs
  return {
    _id: cycleDigestId(inputs.branchId, inputs.year),
    tenantId: inputs.tenantId,
    branchId: inputs.branchId,
    year: inputs.year,
    talks: {
      required: coverage.required,
      covered: coverage.covered,
      share: coverage.share,
      gaps: coverage.gaps.length,
    },
    orgLife: orgLife && {
      theme: orgLife.theme,
      opinionsClosed: orgLife.opinionsClosedAt !== null,
      opinions: inputs.opinions,
      selfExaminations: {
        expected: takingPart.size,
        submitted: inputs.selfExaminedIds.filter((id) => takingPart.has(id)).length,
      },
      meetingId: orgLife.meetingId,
      rectifications: inputs.rectifications,
      reportSubmitted: orgLife.report !== null,
    },
    appraisal: round && {
      roundId: round._id,
      votingOpensAt: round.votingOpensAt,
      votingClosesAt: round.votingClosesAt,
      status: round.status,
      counts: round.status === 'decided' ? gradeCounts(inputs.grades) : null,
    },
    report: report && { ...report, bureau: [...report.bureau] },
    updatedAt: inputs.now,
  }
}

export const cycleDigestId = (branchId: string, year: number) => `${branchId}:${year}`
