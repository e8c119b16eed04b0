import type { CellState, MeetingRecordState } from '../../types/compliance'
import { MEETING_RECORD_STATES } from '../../types/compliance'
import type { MeetingDigestDoc, MeetingEvidence } from '../../types/meeting-digest'
import type { MeetingDoc } from '../../types/meetings'
import { countStates, judgeCell, recordsSince } from '../domain/meeting-compliance/cells'
import { recordOf } from '../domain/meeting-compliance/evidence'
import { periodsOfYear } from '../domain/meeting-compliance/periods'
import {
  type Digestible,
  type DigestPatch,
  digestDrift,
  digestEntryOf,
  digestId,
  digestsOf,
  digestYearOf,
  encodedOf,
  evidenceOf,
  judgedMeetingsOf,
} from '../domain/meetings/digest'
import { isVoting } from '../domain/meetings/scope'
import { periodBounds } from '../domain/time'
import { COLLECTIONS } from '../runtime/collections'
import { within } from '../runtime/range'
import { DuplicateIdError, type Store } from '../runtime/store'
import { branchFacts } from '../shared/compliance-view'
import { meetingsByBranch } from '../shared/meeting-digests'
import { loadRules } from '../shared/meeting-rules'
import { membersByIds } from '../shared/members'

/** Sets some entries and records of one branch-year digest, creating the digest on first use. */
async function patchDigest(
  store: Store,
  key: Pick<MeetingDigestDoc, 'tenantId' | 'branchId' | 'year'>,
  patch: DigestPatch,
): Promise<void> {
  const id = digestId(key.branchId, key.year)
  if (!(await store.get(COLLECTIONS.meetingDigests, id))) {
    try {
      await store.insert(COLLECTIONS.meetingDigests, {
        _id: id,
        ...key,
        meetings: patch.meetings ?? {},
        records: patch.records ?? {},
      })
      return
    } catch (error) {
      if (!(error instanceof DuplicateIdError)) throw error
      // Another write created it first: merge into theirs.
    }
  }
  // A nested object patches key by key (meetings.<id>, records.<id>), leaving other meetings alone.
  await store.update(COLLECTIONS.meetingDigests, id, { ...patch })
}

/**
 * Keeps the branch's digest in step with a meeting just written: its entry
 * in the year it starts in (its evidence, when given; otherwise the entry
 * keeps what it had), and — when an edit moved it to another year — the
 * entry it left behind turned cancelled. Called after the meeting itself is
 * written; a write lost in between is repaired by rebuildDigests.
 */
export async function recordInDigest(
  store: Store,
  meeting: Digestible,
  before?: Pick<MeetingDoc, 'startsAt'>,
  evidence?: MeetingEvidence,
) {
  const year = digestYearOf(meeting.startsAt)
  const key = { tenantId: meeting.tenantId, branchId: meeting.branchId }
  const encoded = encodedOf(digestEntryOf(meeting, evidence))
  await patchDigest(
    store,
    { ...key, year },
    {
      meetings: { [meeting._id]: encoded.meeting },
      ...(encoded.record !== null ? { records: { [meeting._id]: encoded.record } } : {}),
    },
  )
  if (before && digestYearOf(before.startsAt) !== year) {
    const left = encodedOf({ ...digestEntryOf({ ...meeting, startsAt: before.startsAt }), status: 'cancelled' })
    await patchDigest(
      store,
      { ...key, year: digestYearOf(before.startsAt) },
      { meetings: { [meeting._id]: left.meeting } },
    )
  }
}

/** The voting members (正式党员) among some members, read in 500s. */
async function votingAmong(store: Store, memberIds: readonly string[]): Promise<Set<string>> {
  const people = await membersByIds(store, memberIds)
  return new Set([...people.values()].filter(isVoting).map((member) => member._id))
}

/**
 * Re-reads a meeting's roll and minutes into its digest entry's evidence:
 * after minutes are written, attendance is marked, a meeting closes or is
 * entered after the fact (补录). Check-ins do not: the close after the end
 * reads them all.
 */
export async function refreshEvidence(store: Store, meeting: Pick<MeetingDoc, '_id'>): Promise<MeetingEvidence | null> {
  // Read again: the caller's copy predates the minutes or marks it just wrote.
  const fresh = await store.get(COLLECTIONS.meetings, meeting._id)
  if (!fresh) return null
  const [rows, voting] = await Promise.all([
    store.findAll(
      COLLECTIONS.meetingAttendance,
      { meetingId: fresh._id },
      { fields: { memberId: true, status: true, at: true } },
    ),
    votingAmong(store, fresh.attendeeIds),
  ])
  const evidence = evidenceOf(fresh, rows, voting)
  await recordInDigest(store, fresh, undefined, evidence)
  return evidence
}

/** Branches a rebuild call takes before it answers and asks to be called again. */
const REBUILD_BUDGET_MS = 12_000

const NO_RECORDS = () =>
  Object.fromEntries(MEETING_RECORD_STATES.map((state) => [state, 0])) as Record<MeetingRecordState, number>

/**
 * 数据校对 → 重建会议摘要: rebuilds a tenant's digests of one year from its
 * meetings, rolls and minutes, branch by branch from `cursor` until the time
 * budget, and reports what changed: entries that had drifted (0 when every
 * write reached its digest), and each month whose state the rebuild changed
 * — the way data written before the evidence rules comes under them.
 */
export async function rebuildDigests(store: Store, tenantId: string, year: number, cursor: number, now: number) {
  const started = Date.now()
  const { start, end } = periodBounds(String(year))
  const branches = (
    await store.findAll(
      COLLECTIONS.orgs,
      { tenantId, kind: 'branch' },
      { fields: { _id: true, name: true, order: true }, orderBy: [['order', 'asc']] },
    )
  ).slice(cursor)
  const rules = await loadRules(store, tenantId)
  const { earliest } = await meetingsByBranch(store, tenantId, start, end, new Set())
  const periods = periodsOfYear(year, 'month')
  const records = NO_RECORDS()
  const changes: { branchId: string; branchName: string; period: string; before: CellState; after: CellState }[] = []
  const after: CellState[] = []
  let done = 0
  let meetingCount = 0
  let drifted = 0
  let changed = 0
  let earliestSeen = earliest
  for (const branch of branches) {
    if (done > 0 && Date.now() - started > REBUILD_BUDGET_MS) break
    const meetings = await store.findAll(COLLECTIONS.meetings, {
      tenantId,
      branchId: branch._id,
      startsAt: within(store, start, end),
    })
    const rows = meetings.length
      ? await store.findAll(
          COLLECTIONS.meetingAttendance,
          { tenantId, branchId: branch._id, meetingId: store.command.in(meetings.map((meeting) => meeting._id)) },
          { fields: { meetingId: true, memberId: true, status: true, at: true } },
        )
      : []
    const voting = await votingAmong(store, [...new Set(meetings.flatMap((meeting) => meeting.attendeeIds))])
    const evidence = new Map(
      meetings.map((meeting) => [
        meeting._id,
        evidenceOf(
          meeting,
          rows.filter((row) => row.meetingId === meeting._id),
          voting,
        ),
      ]),
    )
    const fresh = digestsOf(meetings, evidence)[0] ?? { meetings: {}, records: {} }
    const stored = await store.get(COLLECTIONS.meetingDigests, digestId(branch._id, year))
    const { patch, ids } = digestDrift(stored, fresh)
    const count = ids.length
    if (count > 0) await patchDigest(store, { tenantId, branchId: branch._id, year }, patch)
    drifted += count
    meetingCount += meetings.length
    for (const meeting of judgedMeetingsOf(fresh)) records[recordOf(meeting, meeting.type, now, rules)]++
    for (const meeting of meetings) earliestSeen = Math.min(earliestSeen ?? meeting.startsAt, meeting.startsAt)
    const facts = (await branchFacts(store, tenantId, new Set([branch._id]), rules)).get(branch._id)
    if (facts) {
      const since = recordsSince(earliestSeen, now)
      const beforeMeetings = stored ? judgedMeetingsOf(stored) : []
      const afterMeetings = judgedMeetingsOf({
        meetings: { ...(stored?.meetings ?? {}), ...patch.meetings },
        records: { ...(stored?.records ?? {}), ...patch.records },
      })
      for (const period of periods) {
        const was = judgeCell(period, rules, facts, beforeMeetings, now, since).state
        const is = judgeCell(period, rules, facts, afterMeetings, now, since).state
        after.push(is)
        if (was === is) continue
        changed++
        if (changes.length < 100)
          changes.push({ branchId: branch._id, branchName: branch.name, period, before: was, after: is })
      }
    }
    done++
  }
  const next = cursor + done
  const of = cursor + branches.length
  return {
    year,
    done: next >= of,
    cursor: next,
    progress: { done: next, of },
    branches: done,
    meetings: meetingCount,
    drifted,
    records,
    changes,
    changed,
    states: countStates(after),
  }
}
