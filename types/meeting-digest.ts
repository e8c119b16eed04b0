import type { MeetingType } from './meetings'

/**
 * What the record of a meeting proves, read from its roll and minutes: when
 * the first member was marked present (出席/迟到), when the minutes were first
 * written, and the quorum of a 党员大会 (voting members — 正式党员 — invited and
 * present). A meeting is evidence only with both a presence and minutes. The
 * digest keeps only what the compliance rule needs of it (recordedAt, quorate).
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
  /** The 党小组 a group-scoped meeting was for (absent for the others): 党小组会 is judged per group. */
  groupId?: string | null
  /** 补录: entered after it took place (absent otherwise). */
  backfilled?: boolean
  /**
   * When its record became complete — someone marked 出席/迟到 and minutes
   * written — or null while it is not; absent until the record was first read
   * (a scheduled meeting). The rule needs no more of the roll: the digest
   * stays small, 500 branches a year are one read.
   */
  recordedAt?: number | null
  /** Of a meeting counting as 党员大会: whether more than half the voting members were present. */
  quorate?: boolean
}

/**
 * 会议摘要: every meeting of one branch that starts in one (Asia/Shanghai)
 * year, keyed by meeting id — kept by the meetings function as it schedules,
 * edits, cancels and records, so the bureau's matrix and overview read one
 * small document per branch instead of every meeting and roll of the year.
 *
 * Entries are stored as short strings (cloudfunctions/domain/meetings/
 * digest-codec.ts): a year of 500 branches is ~39,000 entries the bureau reads
 * on every view, and on the wire each number of an object costs a wrapper
 * ({"$numberDouble": …}) several times its size. What a meeting is (`meetings`)
 * and what its record proves (`records`) are kept apart, so scheduling and
 * recording each patch their own entry without reading the other. Digests
 * written before the codec hold DigestEntry objects, which still read.
 */
export interface MeetingDigestDoc {
  _id: string
  tenantId: string
  branchId: string
  year: number
  meetings: Record<string, string | DigestEntry>
  /** `recordedAt~quorate` per meeting, once its record was first read. */
  records?: Record<string, string>
}
