import type { ErrorCode } from '../../../types/errors'
import type { AppraisalGrade } from '../../../types/yearly-cycle'
import { excellentCap } from './excellent-cap'

/**
 * Why the 党员大会's decisions cannot be recorded, or null: every member
 * appraised gets exactly one 等次 and nobody else does; 优秀 stays within the
 * cap. (A 不合格 without a written reason and a handling is refused by the
 * contract before this.) The 等次 comes from the meeting, never from points.
 */
export function decisionRefusal(
  appraisees: readonly string[],
  capPercent: number,
  decisions: readonly { memberId: string; grade: AppraisalGrade }[],
): ErrorCode | null {
  const decided = new Set(decisions.map((decision) => decision.memberId))
  if (decided.size !== decisions.length || decided.size !== appraisees.length) return 'APPRAISAL.DECISIONS_INCOMPLETE'
  if (!appraisees.every((id) => decided.has(id))) return 'APPRAISAL.DECISIONS_INCOMPLETE'
  const excellent = decisions.filter((decision) => decision.grade === 'excellent').length
  return excellent > excellentCap(appraisees.length, capPercent) ? 'APPRAISAL.EXCELLENT_CAP' : null
}
