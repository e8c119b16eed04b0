import type { MeetingRecordState } from '../../../types/compliance'
import type { DigestEntry, MeetingEvidence } from '../../../types/meeting-digest'
import type { MeetingRules, MeetingType } from '../../../types/meetings'

const DAY = 86_400_000

/** A meeting as the compliance rule reads it: its digest entry and its id. */
export type JudgedMeeting = DigestEntry & { _id: string }

/** The bureau's deadlines for a meeting's record: 待补记录 until the first, still counted (补录) until the second. */
export type RecordWindows = Pick<MeetingRules, 'recordWithinDays' | 'backfillWithinDays'>

/** Whether a meeting counts as a type: its own, or one it was combined with (合并召开). */
export function carries(meeting: Pick<DigestEntry, 'type' | 'alsoCounts'>, type: MeetingType): boolean {
  return meeting.type === type || (meeting.alsoCounts ?? []).includes(type)
}

/** 党员大会 quorum (支部工作条例): more than half of the members with a vote (正式党员) present. */
export function quorumMet(evidence: Pick<MeetingEvidence, 'voters' | 'votersPresent'>): boolean {
  return evidence.votersPresent * 2 > evidence.voters
}

/** When the record became complete (someone marked present and minutes written), or null while it is not. */
export function recordedAtOf(evidence: MeetingEvidence | undefined): number | null {
  if (!evidence || evidence.presentAt === null || evidence.minutesAt === null) return null
  return Math.max(evidence.presentAt, evidence.minutesAt)
}

/**
 * The record of one meeting as evidence for one type it carries:
 * - upcoming / running until it ends (a scheduled meeting proves nothing);
 * - held (已开展): attendance and minutes recorded no later than the 补录 deadline
 *   after the end — and, for a 党员大会, with a quorum (otherwise no_quorum);
 * - awaiting_record (待补记录): not recorded yet, within the record window;
 * - missing (未开展): not recorded within the window (a 补录 before the 补录
 *   deadline still turns it into held), or recorded too late to count.
 */
export function recordOf(
  meeting: Pick<JudgedMeeting, 'status' | 'startsAt' | 'endsAt' | 'recordedAt' | 'quorate'>,
  type: MeetingType,
  now: number,
  windows: RecordWindows,
): MeetingRecordState {
  if (meeting.status === 'cancelled') return 'cancelled'
  const end = meeting.endsAt ?? meeting.startsAt
  if (now < meeting.startsAt) return 'upcoming'
  if (now < end) return 'running'
  const recorded = meeting.recordedAt ?? null
  const countsUntil = end + Math.max(windows.recordWithinDays, windows.backfillWithinDays) * DAY
  if (recorded !== null && recorded <= countsUntil) {
    return type === 'general_meeting' && meeting.quorate === false ? 'no_quorum' : 'held'
  }
  if (recorded === null && now < end + windows.recordWithinDays * DAY) return 'awaiting_record'
  return 'missing'
}
