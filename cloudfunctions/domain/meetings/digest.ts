import type { DigestEntry, MeetingDigestDoc, MeetingEvidence } from '../../../types/meeting-digest'
import type { AttendanceDoc, MeetingDoc } from '../../../types/meetings'
import { carries, type JudgedMeeting, quorumMet, recordedAtOf } from '../meeting-compliance/evidence'
import { periodKeyOf } from '../time'
import { decodeEntry, decodeRecord, encodeEntry, encodeRecord } from './digest-codec'

/** What a digest keeps of a meeting (and the fields a rebuild reads). */
export type Digestible = Pick<
  MeetingDoc,
  | '_id'
  | 'tenantId'
  | 'branchId'
  | 'type'
  | 'alsoCounts'
  | 'startsAt'
  | 'endsAt'
  | 'status'
  | 'makeUpFor'
  | 'scope'
  | 'backfilled'
>

export const digestId = (branchId: string, year: number) => `${branchId}:${year}`

/** The Asia/Shanghai year a meeting starts in: the digest that holds it. */
export const digestYearOf = (startsAt: number) => Number(periodKeyOf(startsAt, 'year'))

/**
 * What a meeting's record proves (see MeetingEvidence): from its roll and
 * minutes, and which of its attendees have a vote.
 */
export function evidenceOf(
  meeting: Pick<MeetingDoc, 'attendeeIds' | 'minutes'>,
  rows: readonly Pick<AttendanceDoc, 'memberId' | 'status' | 'at'>[],
  voting: ReadonlySet<string>,
): MeetingEvidence {
  const present = rows.filter((row) => row.status === 'present' || row.status === 'late')
  const invited = new Set(meeting.attendeeIds)
  return {
    presentAt: present.length ? Math.min(...present.map((row) => row.at)) : null,
    minutesAt: meeting.minutes ? (meeting.minutes.firstWrittenAt ?? meeting.minutes.writtenAt) : null,
    voters: meeting.attendeeIds.filter((id) => voting.has(id)).length,
    votersPresent: present.filter((row) => invited.has(row.memberId) && voting.has(row.memberId)).length,
  }
}

/**
 * A meeting's digest entry; with what its `evidence` proves when known (an
 * entry patched without it keeps what it had). Fields at their default are
 * left out: 500 branches' year of entries is one read the bureau makes often.
 */
export function digestEntryOf(meeting: Digestible, evidence?: MeetingEvidence): DigestEntry {
  const entry: DigestEntry = {
    type: meeting.type,
    alsoCounts: meeting.alsoCounts ?? [],
    startsAt: meeting.startsAt,
    endsAt: meeting.endsAt,
    status: meeting.status,
    makeUpFor: meeting.makeUpFor,
  }
  if (meeting.scope.kind === 'group') entry.groupId = meeting.scope.groupId
  if (meeting.backfilled) entry.backfilled = true
  if (evidence) {
    entry.recordedAt = recordedAtOf(evidence)
    if (carries(entry, 'general_meeting')) entry.quorate = quorumMet(evidence)
  }
  return entry
}

/** What a digest patch sets: entries of meetings, and records, each by meeting id, in the codec's strings. */
export interface DigestPatch {
  meetings?: Record<string, string>
  records?: Record<string, string>
}

/** A meeting's entry as the digest stores it: what it is, and (when known) what its record proves. */
export function encodedOf(entry: DigestEntry): { meeting: string; record: string | null } {
  const { recordedAt, quorate, ...rest } = entry
  return {
    meeting: encodeEntry(rest),
    record: recordedAt === undefined && quorate === undefined ? null : encodeRecord({ recordedAt, quorate }),
  }
}

/** The digests that hold these meetings, one per branch and year (the seed and the rebuild write them). */
export function digestsOf(
  meetings: readonly Digestible[],
  evidence: ReadonlyMap<string, MeetingEvidence> = new Map(),
): MeetingDigestDoc[] {
  const byId = new Map<string, MeetingDigestDoc & { records: Record<string, string> }>()
  for (const meeting of meetings) {
    const year = digestYearOf(meeting.startsAt)
    const id = digestId(meeting.branchId, year)
    let digest = byId.get(id)
    if (!digest) {
      digest = { _id: id, tenantId: meeting.tenantId, branchId: meeting.branchId, year, meetings: {}, records: {} }
      byId.set(id, digest)
    }
    const encoded = encodedOf(digestEntryOf(meeting, evidence.get(meeting._id)))
    digest.meetings[meeting._id] = encoded.meeting
    if (encoded.record !== null) digest.records[meeting._id] = encoded.record
  }
  return [...byId.values()]
}

/** A digest's meetings as the compliance rule takes them: each entry with its record. */
export function judgedMeetingsOf(digest: Pick<MeetingDigestDoc, 'meetings' | 'records'>): JudgedMeeting[] {
  return Object.entries(digest.meetings).map(([_id, stored]) => ({
    _id,
    ...decodeEntry(stored),
    ...decodeRecord(digest.records?.[_id]),
  }))
}

/** The years whose digests cover [start, end). */
export function digestYearsBetween(start: number, end: number): number[] {
  const years: number[] = []
  for (let year = digestYearOf(start); year <= digestYearOf(Math.max(start, end - 1)); year++) years.push(year)
  return years
}

const sameEntry = (a: DigestEntry | undefined, b: DigestEntry) =>
  a !== undefined &&
  a.type === b.type &&
  (a.alsoCounts ?? []).join() === (b.alsoCounts ?? []).join() &&
  a.startsAt === b.startsAt &&
  a.endsAt === b.endsAt &&
  a.status === b.status &&
  a.makeUpFor === b.makeUpFor &&
  (a.groupId ?? null) === (b.groupId ?? null) &&
  Boolean(a.backfilled) === Boolean(b.backfilled) &&
  // Not yet read and read as unrecorded say the same.
  (a.recordedAt ?? null) === (b.recordedAt ?? null) &&
  a.quorate === b.quorate

/**
 * What a rebuild changes in a stored digest, as a patch and the meetings it
 * touches: entries that are missing or differ from the meetings (an entry of
 * the old object form always differs: it is rewritten in the codec's), and
 * entries of meetings no longer in this branch-year, turned cancelled (a
 * patch can merge, not delete).
 */
export function digestDrift(
  stored: Pick<MeetingDigestDoc, 'meetings' | 'records'> | null,
  fresh: Pick<MeetingDigestDoc, 'meetings' | 'records'>,
): { patch: DigestPatch; ids: string[] } {
  const before = new Map((stored ? judgedMeetingsOf(stored) : []).map((entry) => [entry._id, entry]))
  const meetings: Record<string, string> = {}
  const records: Record<string, string> = {}
  const ids = new Set<string>()
  for (const entry of judgedMeetingsOf(fresh)) {
    const { _id, ...now } = entry
    const was = before.get(_id)
    const legacy = typeof stored?.meetings[_id] === 'object'
    if (!legacy && was !== undefined && sameEntry(was, now)) continue
    const encoded = encodedOf(now)
    meetings[_id] = encoded.meeting
    if (encoded.record !== null) records[_id] = encoded.record
    ids.add(_id)
  }
  for (const [id, entry] of before) {
    if (!(id in fresh.meetings) && entry.status !== 'cancelled') {
      const { _id, ...rest } = entry
      meetings[id] = encodedOf({ ...rest, status: 'cancelled' }).meeting
      ids.add(id)
    }
  }
  const patch: DigestPatch = {}
  if (Object.keys(meetings).length) patch.meetings = meetings
  if (Object.keys(records).length) patch.records = records
  return { patch, ids: [...ids] }
}
