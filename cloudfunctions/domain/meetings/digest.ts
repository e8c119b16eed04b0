import type { DigestEntry, MeetingDigestDoc } from '../../../types/meeting-digest'
import type { MeetingDoc } from '../../../types/meetings'
import type { HeldMeeting } from '../meeting-compliance'
import { periodKeyOf } from '../time'

/** What a digest keeps of a meeting (and the fields a rebuild reads). */
export type Digestible = Pick<
  MeetingDoc,
  '_id' | 'tenantId' | 'branchId' | 'type' | 'startsAt' | 'status' | 'makeUpFor'
>

export const digestId = (branchId: string, year: number) => `${branchId}:${year}`

/** The Asia/Shanghai year a meeting starts in: the digest that holds it. */
export const digestYearOf = (startsAt: number) => Number(periodKeyOf(startsAt, 'year'))

export function digestEntryOf(meeting: Digestible): DigestEntry {
  return { type: meeting.type, startsAt: meeting.startsAt, status: meeting.status, makeUpFor: meeting.makeUpFor }
}

/** The digests that hold these meetings, one per branch and year (the seed and the rebuild write them). */
export function digestsOf(meetings: readonly Digestible[]): MeetingDigestDoc[] {
  const byId = new Map<string, MeetingDigestDoc>()
  for (const meeting of meetings) {
    const year = digestYearOf(meeting.startsAt)
    const id = digestId(meeting.branchId, year)
    let digest = byId.get(id)
    if (!digest) {
      digest = { _id: id, tenantId: meeting.tenantId, branchId: meeting.branchId, year, meetings: {} }
      byId.set(id, digest)
    }
    digest.meetings[meeting._id] = digestEntryOf(meeting)
  }
  return [...byId.values()]
}

/** A digest's meetings as the compliance rule takes them. */
export function heldMeetingsOf(digest: Pick<MeetingDigestDoc, 'meetings'>): HeldMeeting[] {
  return Object.entries(digest.meetings).map(([_id, entry]) => ({ _id, ...entry }))
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
  a.startsAt === b.startsAt &&
  a.status === b.status &&
  a.makeUpFor === b.makeUpFor

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
