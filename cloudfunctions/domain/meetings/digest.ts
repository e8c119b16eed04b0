import type { DigestEntry, MeetingDigestDoc, MeetingEvidence } from '../../../types/meeting-digest'
import type { AttendanceDoc, MeetingDoc } from '../../../types/meetings'
import type { JudgedMeeting } from '../meeting-compliance/evidence'
import { periodKeyOf } from '../time'

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

/** A meeting's digest entry; with `evidence` when known (an entry patched without it keeps what it had). */
export function digestEntryOf(meeting: Digestible, evidence?: MeetingEvidence): DigestEntry {
  return {
    type: meeting.type,
    alsoCounts: meeting.alsoCounts ?? [],
    startsAt: meeting.startsAt,
    endsAt: meeting.endsAt,
    status: meeting.status,
    makeUpFor: meeting.makeUpFor,
    groupId: meeting.scope.kind === 'group' ? meeting.scope.groupId : null,
    backfilled: Boolean(meeting.backfilled),
    ...(evidence ? { evidence } : {}),
  }
}

/** The digests that hold these meetings, one per branch and year (the seed and the rebuild write them). */
export function digestsOf(
  meetings: readonly Digestible[],
  evidence: ReadonlyMap<string, MeetingEvidence> = new Map(),
): MeetingDigestDoc[] {
  const byId = new Map<string, MeetingDigestDoc>()
  for (const meeting of meetings) {
    const year = digestYearOf(meeting.startsAt)
    const id = digestId(meeting.branchId, year)
    let digest = byId.get(id)
    if (!digest) {
      digest = { _id: id, tenantId: meeting.tenantId, branchId: meeting.branchId, year, meetings: {} }
      byId.set(id, digest)
    }
    digest.meetings[meeting._id] = digestEntryOf(meeting, evidence.get(meeting._id))
  }
  return [...byId.values()]
}

/** A digest's meetings as the compliance rule takes them. */
export function judgedMeetingsOf(digest: Pick<MeetingDigestDoc, 'meetings'>): JudgedMeeting[] {
  return Object.entries(digest.meetings).map(([_id, entry]) => ({ _id, ...entry }))
}

/** The years whose digests cover [start, end). */
export function digestYearsBetween(start: number, end: number): number[] {
  const years: number[] = []
  for (let year = digestYearOf(start); year <= digestYearOf(Math.max(start, end - 1)); year++) years.push(year)
  return years
}

/** Nothing recorded yet (no presence, no minutes): what an entry without evidence also says. */
const blank = (evidence: MeetingEvidence | undefined) =>
  !evidence || (evidence.presentAt === null && evidence.minutesAt === null)

const sameEvidence = (a: MeetingEvidence | undefined, b: MeetingEvidence | undefined) =>
  a === b ||
  (blank(a) && blank(b)) ||
  (a !== undefined &&
    b !== undefined &&
    a.presentAt === b.presentAt &&
    a.minutesAt === b.minutesAt &&
    a.voters === b.voters &&
    a.votersPresent === b.votersPresent)

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
  sameEvidence(a.evidence, b.evidence)

/**
 * What a rebuild changes in a stored digest: entries that are missing or
 * differ from the meetings, and entries for meetings no longer in this
 * branch-year, turned cancelled (a patch can merge, not delete).
 */
export function digestDrift(
  stored: Pick<MeetingDigestDoc, 'meetings'> | null,
  fresh: Pick<MeetingDigestDoc, 'meetings'>,
): Record<string, DigestEntry> {
  const patch: Record<string, DigestEntry> = {}
  for (const [id, entry] of Object.entries(fresh.meetings)) {
    if (!sameEntry(stored?.meetings[id], entry)) patch[id] = entry
  }
  for (const [id, entry] of Object.entries(stored?.meetings ?? {})) {
    if (!(id in fresh.meetings) && entry.status !== 'cancelled') patch[id] = { ...entry, status: 'cancelled' }
  }
  return patch
}
