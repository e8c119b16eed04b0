import type { MeetingType } from './meetings'

/**
 * One meeting as the 三会一课 compliance rule reads it. An entry left behind
 * when a meeting moved to another year reads as cancelled: it counts only in
 * the year it now starts in.
 */
export interface DigestEntry {
  type: MeetingType
  startsAt: number
  status: 'scheduled' | 'cancelled'
  makeUpFor: string | null
}

/**
 * 会议摘要: every meeting of one branch that starts in one (Asia/Shanghai)
 * year, keyed by meeting id — kept by the meetings function as it schedules,
 * edits and cancels, so the bureau's matrix and overview read one small
 * document per branch instead of every meeting of the year.
 */
export interface MeetingDigestDoc {
  _id: string
  tenantId: string
  branchId: string
  year: number
  meetings: Record<string, DigestEntry>
}
