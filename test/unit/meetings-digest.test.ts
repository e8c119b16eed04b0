import {
  digestDrift,
  digestsOf,
  digestYearOf,
  digestYearsBetween,
  evidenceOf,
  judgedMeetingsOf,
} from '../../cloudfunctions/domain/meetings/digest'
import type { DigestEntry } from '../../types/meeting-digest'

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
    startsAt,
    status,
    makeUpFor: null,
  })
  const evidence = { presentAt: 1, minutesAt: 2, voters: 3, votersPresent: 2 }
  const stored = { meetings: { same: entry(1), moved: entry(2), gone: entry(3), goneBefore: entry(4, 'cancelled') } }
  const fresh = { meetings: { same: entry(1), moved: entry(5), fresh: entry(6) } }
  expect(digestDrift(stored, fresh)).toEqual({ moved: entry(5), fresh: entry(6), gone: entry(3, 'cancelled') })
  expect(digestDrift(fresh, fresh)).toEqual({})
  expect(digestDrift(null, fresh)).toEqual(fresh.meetings)
  // Entries written before the evidence rules drift once: the rebuild adds what the record proves.
  expect(digestDrift(stored, { meetings: { same: { ...entry(1), evidence } } })).toMatchObject({
    same: { evidence },
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
  expect(digest.meetings.g).toMatchObject({ groupId: 'grp1', alsoCounts: [], backfilled: false })
  expect(digest.meetings.o).toMatchObject({ groupId: null, alsoCounts: ['appraisal'], backfilled: true })
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
