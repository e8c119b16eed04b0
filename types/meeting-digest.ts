import type { MeetingType } from './meetings'

/**
 * What the record of a meeting proves, as the compliance rule reads it: when
 * the first member was marked present (出席/迟到), when the minutes were first
 * written, and the quorum of a 党员大会 (voting members — 正式党员 — invited and
 * present). A meeting is evidence only with both a presence and minutes.
 */
export interface MeetingEvidence {
  presentAt: number | null
  minutesAt: number | null
  voters: number
  votersPresent: number
}

/**
 * One meeting as the 三会一课 compliance rule reads it. An entry left behind
 * when a meeting moved to another year reads as cancelled: it counts only in
 * the year it now starts in. Entries written before the evidence rules lack
 * `endsAt`, `evidence` and the rest: read as no evidence until 数据校对 rebuilds
 * the digests.
 */
export interface DigestEntry {
  type: MeetingType
  /** Further types the meeting counts as (合并召开). */
  alsoCounts?: MeetingType[]
  startsAt: number
  endsAt?: number
  status: 'scheduled' | 'cancelled'
  makeUpFor: string | null
  /** The 党小组 a group-scoped meeting was for: 党小组会 is judged per group. */
  groupId?: string | null
  /** 补录: entered after it took place. */
  backfilled?: boolean
  evidence?: MeetingEvidence
}

/**
 * 会议摘要: every meeting of one branch that starts in one (Asia/Shanghai)
 * year, keyed by meeting id — kept by the meetings function as it schedules,
 * edits, cancels and records, so the bureau's matrix and overview read one
 * small document per branch instead of every meeting and roll of the year.
 */
export interface MeetingDigestDoc {
  _id: string
  tenantId: string
  branchId: string
  year: number
  meetings: Record<string, DigestEntry>
}
