import {
  digestDrift,
  digestsOf,
  digestYearOf,
  digestYearsBetween,
  evidenceOf,
  judgedMeetingsOf,
} from '../../cloudfunctions/domain/meetings/digest'
import { decodeEntry, decodeRecord, encodeEntry, encodeRecord } from '../../cloudfunctions/domain/meetings/digest-codec'
import type { DigestEntry, MeetingDigestDoc } from '../../types/meeting-digest'

/** A digest's entries as the rule reads them. */
const entriesOf = (digest: MeetingDigestDoc) =>
  Object.fromEntries(judgedMeetingsOf(digest).map(({ _id, ...entry }) => [_id, entry]))

const at = (iso: string) => new Date(`${iso}+08:00`).getTime()
const base = {
  tenantId: 't',
  status: 'scheduled' as const,
  makeUpFor: null,
  scope: { kind: 'branch' as const },
  endsAt: 0,
}

test('a meeting belongs to the Asia/Shanghai year it starts in', () => {
  expect(digestYearOf(at('2026-12-31T23:30:00'))).toBe(2026)
  expect(digestYearOf(at('2027-01-01T00:10:00'))).toBe(2027) // still 2026 in UTC
})

test('the years covering a window, end exclusive', () => {
  expect(digestYearsBetween(at('2026-01-01T00:00:00'), at('2027-01-01T00:00:00'))).toEqual([2026])
  expect(digestYearsBetween(at('2025-12-01T00:00:00'), at('2026-11-24T00:00:00'))).toEqual([2025, 2026])
})

test('meetings group into one digest per branch and year, and read back as the rule takes them', () => {
  const digests = digestsOf([
    { ...base, _id: 'a', branchId: 'b1', type: 'theme_day', startsAt: at('2026-03-05T15:00:00') },
    { ...base, _id: 'b', branchId: 'b1', type: 'lecture', startsAt: at('2026-04-05T15:00:00') },
    { ...base, _id: 'c', branchId: 'b1', type: 'lecture', startsAt: at('2027-01-05T15:00:00') },
    { ...base, _id: 'd', branchId: 'b2', type: 'lecture', startsAt: at('2026-04-05T15:00:00') },
  ])
  expect(digests.map((d) => d._id).sort()).toEqual(['b1:2026', 'b1:2027', 'b2:2026'])
  const b1 = digests.find((d) => d._id === 'b1:2026')
  expect(judgedMeetingsOf(b1 ?? { meetings: {} }).map((m) => m._id)).toEqual(['a', 'b'])
})

test('drift: missing and changed entries are set; entries of meetings gone from the branch-year turn cancelled', () => {
  const entry = (startsAt: number, status: DigestEntry['status'] = 'scheduled'): DigestEntry => ({
    type: 'lecture',
    alsoCounts: [],
    startsAt,
    endsAt: startsAt + 60_000,
    status,
    makeUpFor: null,
  })
  const coded = (entries: Record<string, DigestEntry>) =>
    Object.fromEntries(Object.entries(entries).map(([id, e]) => [id, encodeEntry(e)]))
  const stored = {
    meetings: coded({ same: entry(1), moved: entry(2), gone: entry(3), goneBefore: entry(4, 'cancelled') }),
  }
  const fresh = { meetings: coded({ same: entry(1), moved: entry(5), fresh: entry(6) }) }
  const drift = digestDrift(stored, fresh)
  expect(drift.ids.sort()).toEqual(['fresh', 'gone', 'moved'])
  expect(drift.patch.meetings).toEqual(coded({ moved: entry(5), fresh: entry(6), gone: entry(3, 'cancelled') }))
  expect(digestDrift(fresh, fresh)).toEqual({ patch: {}, ids: [] })
  expect(digestDrift(null, fresh).patch.meetings).toEqual(fresh.meetings)
  // Entries written before the evidence rules drift once: the rebuild adds what the record proves.
  const recorded = { ...fresh, records: { same: encodeRecord({ recordedAt: 2 }) } }
  expect(digestDrift(fresh, recorded)).toMatchObject({ patch: { records: { same: '2~' } }, ids: ['same'] })
  // An entry never read and one read as unrecorded say the same.
  expect(digestDrift(fresh, { ...fresh, records: { same: encodeRecord({ recordedAt: null }) } }).ids).toEqual([])
  // An entry of the old object form is rewritten in the codec's.
  expect(digestDrift({ meetings: { same: entry(1) } }, { meetings: { same: encodeEntry(entry(1)) } }).ids).toEqual([
    'same',
  ])
})

describe('the digest codec: one short string per meeting', () => {
  const entry: DigestEntry = {
    type: 'org_life',
    alsoCounts: ['appraisal', 'general_meeting'],
    startsAt: at('2026-12-20T09:00:00'),
    endsAt: at('2026-12-20T11:30:00'),
    status: 'scheduled',
    makeUpFor: '2026-09-01~2027-01-20',
    groupId: 'org_b_shiyan_g1',
    backfilled: true,
  }
  test.each<[string, DigestEntry]>([
    ['every field', entry],
    [
      'a cancelled lecture with nothing optional',
      {
        ...entry,
        type: 'lecture',
        alsoCounts: [],
        status: 'cancelled',
        makeUpFor: null,
        groupId: undefined,
        backfilled: undefined,
      },
    ],
    ['an entry of old, without an end', { ...entry, endsAt: undefined }],
  ])('%s reads back as written', (_case, written) => {
    const text = encodeEntry(written)
    expect(text.length).toBeLessThan(70)
    const read = decodeEntry(text)
    expect(read).toEqual(Object.fromEntries(Object.entries(written).filter(([, value]) => value !== undefined)))
  })
  test('records: when complete and the quorum; none read yet is empty', () => {
    expect(decodeRecord(encodeRecord({ recordedAt: 123_456_789, quorate: false }))).toEqual({
      recordedAt: 123_456_789,
      quorate: false,
    })
    expect(decodeRecord(encodeRecord({ recordedAt: null }))).toEqual({ recordedAt: null })
    expect(decodeRecord(undefined)).toEqual({})
  })
  test('an object entry (a digest written before the codec) reads as it is', () => {
    expect(decodeEntry(entry)).toBe(entry)
  })
})

test('a digest entry keeps the group of a 党小组会, the types it was combined with, and 补录', () => {
  const [digest] = digestsOf([
    {
      ...base,
      _id: 'g',
      branchId: 'b1',
      type: 'group_meeting',
      scope: { kind: 'group', groupId: 'grp1' },
      startsAt: at('2026-03-05T15:00:00'),
    },
    {
      ...base,
      _id: 'o',
      branchId: 'b1',
      type: 'org_life',
      alsoCounts: ['appraisal'],
      backfilled: { at: 1, by: 'm' },
      startsAt: at('2026-12-05T15:00:00'),
    },
  ])
  const entries = entriesOf(digest)
  expect(entries.g).toEqual({
    type: 'group_meeting',
    alsoCounts: [],
    startsAt: at('2026-03-05T15:00:00'),
    endsAt: 0,
    status: 'scheduled',
    makeUpFor: null,
    groupId: 'grp1',
  })
  expect(entries.o).toMatchObject({ alsoCounts: ['appraisal'], backfilled: true })
  expect(entries.o.groupId).toBeUndefined()
})

test('a digest entry keeps only what the rule reads of the record: when it was complete, and a 党员大会’s quorum', () => {
  const evidence = new Map([
    ['l', { presentAt: 100, minutesAt: 300, voters: 9, votersPresent: 4 }],
    ['g', { presentAt: 100, minutesAt: null, voters: 9, votersPresent: 6 }],
  ])
  const [digest] = digestsOf(
    [
      { ...base, _id: 'l', branchId: 'b', type: 'lecture', startsAt: 0 },
      { ...base, _id: 'g', branchId: 'b', type: 'lecture', alsoCounts: ['general_meeting'], startsAt: 0 },
    ],
    evidence,
  )
  const entries = entriesOf(digest)
  expect(entries.l).toMatchObject({ recordedAt: 300 })
  expect(entries.l.quorate).toBeUndefined()
  expect(entries.g).toMatchObject({ recordedAt: null, quorate: true })
})

describe('evidence of a meeting from its roll and minutes', () => {
  const meeting = {
    attendeeIds: ['f1', 'f2', 'f3', 'p1'],
    minutes: { text: '记录', photos: [], writtenBy: 's', writtenAt: 900, firstWrittenAt: 500 },
  }
  const voting = new Set(['f1', 'f2', 'f3'])
  test.each([
    [
      'the first 出席 or 迟到, the first save of the minutes, voters present',
      [
        { memberId: 'f1', status: 'late' as const, at: 300 },
        { memberId: 'f2', status: 'present' as const, at: 200 },
        { memberId: 'f3', status: 'absent' as const, at: 100 },
        { memberId: 'p1', status: 'present' as const, at: 150 },
      ],
      { presentAt: 150, minutesAt: 500, voters: 3, votersPresent: 2 },
    ],
    [
      'leave and absence are not presence',
      [
        { memberId: 'f1', status: 'leave' as const, at: 100 },
        { memberId: 'f2', status: 'absent' as const, at: 100 },
      ],
      { presentAt: null, minutesAt: 500, voters: 3, votersPresent: 0 },
    ],
    [
      'a 预备党员 present does not count toward the quorum',
      [{ memberId: 'p1', status: 'present' as const, at: 100 }],
      { presentAt: 100, minutesAt: 500, voters: 3, votersPresent: 0 },
    ],
  ])('%s', (_case, rows, expected) => {
    expect(evidenceOf(meeting, rows, voting)).toEqual(expected)
  })
  test('minutes saved before firstWrittenAt was kept read their save time; none read null', () => {
    expect(
      evidenceOf({ ...meeting, minutes: { ...meeting.minutes, firstWrittenAt: undefined } }, [], voting).minutesAt,
    ).toBe(900)
    expect(evidenceOf({ ...meeting, minutes: null }, [], voting).minutesAt).toBeNull()
  })
})
