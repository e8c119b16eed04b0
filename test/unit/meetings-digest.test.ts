import {
  digestDrift,
  digestsOf,
  digestYearOf,
  digestYearsBetween,
  heldMeetingsOf,
} from '../../cloudfunctions/domain/meetings/digest'
import type { DigestEntry } from '../../types/meeting-digest'

const at = (iso: string) => new Date(`${iso}+08:00`).getTime()
const base = { tenantId: 't', status: 'scheduled' as const, makeUpFor: null }

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
  expect(heldMeetingsOf(b1 ?? { meetings: {} }).map((m) => m._id)).toEqual(['a', 'b'])
})

test('drift: missing and changed entries are set; entries of meetings gone from the branch-year turn cancelled', () => {
  const entry = (startsAt: number, status: DigestEntry['status'] = 'scheduled'): DigestEntry => ({
    type: 'lecture',
    startsAt,
    status,
    makeUpFor: null,
  })
  const stored = { meetings: { same: entry(1), moved: entry(2), gone: entry(3), goneBefore: entry(4, 'cancelled') } }
  const fresh = { meetings: { same: entry(1), moved: entry(5), fresh: entry(6) } }
  expect(digestDrift(stored, fresh)).toEqual({ moved: entry(5), fresh: entry(6), gone: entry(3, 'cancelled') })
  expect(digestDrift(fresh, fresh)).toEqual({})
  expect(digestDrift(null, fresh)).toEqual(fresh.meetings)
})
