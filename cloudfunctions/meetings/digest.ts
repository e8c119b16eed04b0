import type { DigestEntry, MeetingDigestDoc } from '../../types/meeting-digest'
import type { MeetingDoc } from '../../types/meetings'
import {
  type Digestible,
  digestDrift,
  digestEntryOf,
  digestId,
  digestsOf,
  digestYearOf,
} from '../domain/meetings/digest'
import { periodBounds } from '../domain/time'
import { COLLECTIONS } from '../runtime/collections'
import { within } from '../runtime/range'
import { DuplicateIdError, type Store } from '../runtime/store'

/** Sets some entries of one branch-year digest, creating the digest on first use. */
async function patchDigest(
  store: Store,
  key: Pick<MeetingDigestDoc, 'tenantId' | 'branchId' | 'year'>,
  entries: Record<string, DigestEntry>,
): Promise<void> {
  const id = digestId(key.branchId, key.year)
  if (!(await store.get(COLLECTIONS.meetingDigests, id))) {
    try {
      await store.insert(COLLECTIONS.meetingDigests, { _id: id, ...key, meetings: entries })
      return
    } catch (error) {
      if (!(error instanceof DuplicateIdError)) throw error
      // Another write created it first: merge into theirs.
    }
  }
  // A nested object patches field by field (meetings.<id>.<field>), leaving other meetings alone.
  await store.update(COLLECTIONS.meetingDigests, id, { meetings: entries })
}

/**
 * Keeps the branch's digest in step with a meeting just written: its entry
 * in the year it starts in, and — when an edit moved it to another year —
 * the entry it left behind turned cancelled. Called after the meeting
 * itself is written; a write lost in between is repaired by rebuildDigests.
 */
export async function recordInDigest(store: Store, meeting: Digestible, before?: Pick<MeetingDoc, 'startsAt'>) {
  const year = digestYearOf(meeting.startsAt)
  const key = { tenantId: meeting.tenantId, branchId: meeting.branchId }
  await patchDigest(store, { ...key, year }, { [meeting._id]: digestEntryOf(meeting) })
  if (before && digestYearOf(before.startsAt) !== year) {
    const left = { ...digestEntryOf({ ...meeting, startsAt: before.startsAt }), status: 'cancelled' as const }
    await patchDigest(store, { ...key, year: digestYearOf(before.startsAt) }, { [meeting._id]: left })
  }
}

/**
 * Rebuilds a tenant's digests of one year from its meetings and reports
 * how many entries had drifted (0 when every write reached its digest).
 */
export async function rebuildDigests(store: Store, tenantId: string, year: number) {
  const { start, end } = periodBounds(String(year))
  const [meetings, stored] = await Promise.all([
    store.findAll(
      COLLECTIONS.meetings,
      { tenantId, startsAt: within(store, start, end) },
      {
        fields: {
          _id: true,
          tenantId: true,
          branchId: true,
          type: true,
          startsAt: true,
          status: true,
          makeUpFor: true,
        },
      },
    ),
    store.findAll(COLLECTIONS.meetingDigests, { tenantId, year }),
  ])
  const fresh = new Map(digestsOf(meetings).map((digest) => [digest.branchId, digest]))
  const storedBy = new Map(stored.map((digest) => [digest.branchId, digest]))
  let drifted = 0
  for (const branchId of new Set([...fresh.keys(), ...storedBy.keys()])) {
    const patch = digestDrift(storedBy.get(branchId) ?? null, fresh.get(branchId) ?? { meetings: {} })
    const count = Object.keys(patch).length
    if (count === 0) continue
    drifted += count
    await patchDigest(store, { tenantId, branchId, year }, patch)
  }
  return { year, branches: fresh.size, meetings: meetings.length, drifted }
}
