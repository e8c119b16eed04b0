import type { Indicator, IndicatorScore } from '../../../types/assessment'
import type { ErrorCode } from '../../../types/errors'
import { showTenths, tenths } from './computed-score'

type SelfAssessed = Extract<Indicator, { kind: 'self' }>

export interface SelfEntry {
  text: string
  fileIds: readonly string[]
  claimedScore: number | null
  score: number | null
  comment: string | null
}

/**
 * A self-assessed indicator as the branch sees it: scored by the bureau (its
 * comment says why points were lost); written and waiting (the branch's own
 * 自评分 stands in, provisionally, or nothing); or not written (nothing).
 */
export function scoreSelf(indicator: SelfAssessed, entry: SelfEntry | undefined): IndicatorScore {
  const base = {
    key: indicator.key,
    name: indicator.name,
    kind: 'self' as const,
    maxScore: indicator.maxScore,
    figure: null,
  }
  const lostOf = (score: number) => (tenths(indicator.maxScore) - tenths(score)) / 10
  if (!entry || entry.text.length === 0)
    return { ...base, score: 0, lost: indicator.maxScore, reason: '未填写自评材料', state: 'not_submitted' }
  if (entry.score !== null) {
    const lost = lostOf(entry.score)
    const reason = lost === 0 ? '得满分' : `失 ${showTenths(tenths(lost))} 分：${entry.comment ?? ''}`
    return { ...base, score: entry.score, lost, reason, state: 'scored' }
  }
  if (entry.claimedScore !== null)
    return {
      ...base,
      score: entry.claimedScore,
      lost: lostOf(entry.claimedScore),
      reason: `自评 ${entry.claimedScore} 分，待教育局党委评分`,
      state: 'claimed',
    }
  return { ...base, score: null, lost: 0, reason: '已填写，待教育局党委评分', state: 'claimed' }
}

/**
 * Why a score (the bureau's, or a branch's claimed one) may not be given to
 * an indicator, or null: only self-assessed indicators take one; never above
 * the maximum; and the bureau writes why whenever it takes points off, since
 * "why points were lost" is what the branch reads.
 */
export function selfScoreRefusal(indicator: Indicator, score: number, comment: string | null): ErrorCode | null {
  if (indicator.kind !== 'self') return 'ASSESSMENT.NOT_SELF_ASSESSED'
  if (tenths(score) > tenths(indicator.maxScore)) return 'ASSESSMENT.SCORE_OVER_MAX'
  if (comment !== null && tenths(score) < tenths(indicator.maxScore) && comment.trim().length === 0)
    return 'ASSESSMENT.COMMENT_REQUIRED'
  return null
}

/** Whether a self-assessed item is ready to submit: written, with evidence when the scheme asks for it. */
export function entryComplete(indicator: SelfAssessed, entry: SelfEntry | undefined): boolean {
  return !!entry && entry.text.length > 0 && (!indicator.evidenceRequired || entry.fileIds.length > 0)
}
