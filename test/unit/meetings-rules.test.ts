// The meeting rules a secretary would recognise: the check-in window and lateness, token slots and short
// codes, the distance rule, reminder slots, template limits, WeCom URLs (compliance: meeting-compliance.test.ts).

import { countAttendance, summaryLine } from '../../cloudfunctions/domain/meetings/attendance-summary'
import { judgeCheckIn } from '../../cloudfunctions/domain/meetings/check-in-window'
import { judgeDistance, metresBetween } from '../../cloudfunctions/domain/meetings/distance'
import { leaveRefusal } from '../../cloudfunctions/domain/meetings/leave'
import {
  parseScene,
  SHORT_SLOT_MS,
  SLOT_MS,
  sceneOf,
  shortCodeFor,
  shortCodeIsValid,
  tokenFor,
  tokenIsValid,
} from '../../cloudfunctions/domain/meetings/qr-token'
import { dueSlot } from '../../cloudfunctions/domain/meetings/reminder-slots'
import { DEFAULT_RULES } from '../../cloudfunctions/domain/meetings/rules'
import { monthlyOccurrences } from '../../cloudfunctions/domain/meetings/series'
import { fitBytes, isRobotUrl, maskRobotUrl, robotAllowance } from '../../cloudfunctions/domain/messaging/wecom'
import { periodBounds } from '../../cloudfunctions/domain/time'
import { MeetingRules, meetingsActions } from '../../types/meetings'
import { fitToKeyword } from '../../types/subscribe-templates'

const at = (iso: string) => new Date(`${iso}+08:00`).getTime()
const MIN = 60_000

describe('check-in window (30 min before to the end, late after 5 min)', () => {
  const meeting = { startsAt: at('2026-04-15T14:00:00'), endsAt: at('2026-04-15T16:00:00') }
  it.each([
    ['31 min before the start', at('2026-04-15T13:29:00'), 'not open'],
    ['30 min before the start', at('2026-04-15T13:30:00'), 'present'],
    ['on the dot', at('2026-04-15T14:00:00'), 'present'],
    ['5 min in, inside the grace', at('2026-04-15T14:05:00'), 'present'],
    ['late by 6 min with 5 min grace', at('2026-04-15T14:06:00'), 'late'],
    ['at the end', at('2026-04-15T16:00:00'), 'late'],
    ['a minute after the end', at('2026-04-15T16:01:00'), 'closed'],
  ])('%s → %s', (_case, now, verdict) => {
    expect(judgeCheckIn(meeting, DEFAULT_RULES, now)).toBe(verdict)
  })
  it('follows a tenant that opens check-in an hour early with no grace', () => {
    const rules = { checkInOpensMinutes: 60, lateGraceMinutes: 0 }
    expect(judgeCheckIn(meeting, rules, meeting.startsAt - 45 * MIN)).toBe('present')
    expect(judgeCheckIn(meeting, rules, meeting.startsAt + 1)).toBe('late')
  })
})

describe('dynamic check-in token', () => {
  const secret = 'tenant-secret'
  const now = at('2026-04-15T14:00:10')
  const token = tokenFor(secret, 'mt_a', Math.floor(now / SLOT_MS))
  it.each([
    ['the current slot', 'mt_a', token, now, true],
    ['the next slot (scanned at the turn)', 'mt_a', token, now + SLOT_MS, true],
    ['two slots later (a replayed photo)', 'mt_a', token, now + 2 * SLOT_MS, false],
    ['another meeting', 'mt_b', token, now, false],
    ['a made-up token', 'mt_a', 'aaaaaaaaaaaa', now, false],
    ['a token of another length', 'mt_a', `${token}x`, now, false],
  ])('%s → %s', (_case, meetingId, given, when, valid) => {
    expect(tokenIsValid(secret, meetingId, given, when)).toBe(valid)
  })
  it('another tenant’s secret gives another token', () => {
    expect(tokenIsValid('other-secret', 'mt_a', token, now)).toBe(false)
  })
  it('round-trips through a scene of at most 32 characters', () => {
    const scene = sceneOf('mt_abcdefghijkmnp', token)
    expect(scene.length).toBeLessThanOrEqual(32)
    expect(parseScene(encodeURIComponent(scene))).toEqual({ meetingId: 'mt_abcdefghijkmnp', token })
    expect(parseScene('nodot')).toBeNull()
  })
  it.each(['x.%E0%A4%A', '%', 'mt_a.%ZZ'])('reads a malformed scene %j as no scene, without throwing', (scene) => {
    expect(parseScene(scene)).toBeNull()
  })
})

describe('period bounds', () => {
  it('fall at Shanghai midnight (UTC 16:00 the day before)', () => {
    expect(periodBounds('2026-04')).toEqual({ start: at('2026-04-01T00:00:00'), end: at('2026-05-01T00:00:00') })
    expect(periodBounds('2026-Q4')).toEqual({ start: at('2026-10-01T00:00:00'), end: at('2027-01-01T00:00:00') })
    expect(periodBounds('2026')).toEqual({ start: at('2026-01-01T00:00:00'), end: at('2027-01-01T00:00:00') })
  })
})

describe('the short code members type (6 digits, a minute each)', () => {
  const secret = 'tenant-secret'
  const now = at('2026-04-15T14:00:10')
  const code = shortCodeFor(secret, 'mt_a', Math.floor(now / SHORT_SLOT_MS))
  it.each([
    ['the current minute', 'mt_a', code, now, true],
    ['typed in the next minute', 'mt_a', code, now + SHORT_SLOT_MS, true],
    ['two minutes later', 'mt_a', code, now + 2 * SHORT_SLOT_MS, false],
    ['another meeting', 'mt_b', code, now, false],
    ['a shorter code', 'mt_a', code.slice(1), now, false],
  ])('%s → %s', (_case, meetingId, given, when, valid) => {
    expect(shortCodeIsValid(secret, meetingId, given, when)).toBe(valid)
  })
  it('is six digits', () => expect(code).toMatch(/^\d{6}$/))
})

describe('the distance rule fails closed', () => {
  const place = { latitude: 30, longitude: 120, radiusMeters: 200 }
  it.each([
    ['on the spot', { latitude: 30, longitude: 120 }, 'near'],
    ['150 m away', { latitude: 30.00135, longitude: 120 }, 'near'],
    ['334 m away', { latitude: 30.003, longitude: 120 }, 'too far'],
    ['no position (location refused)', null, 'no position'],
    ['latitude 1e308 (NaN distance)', { latitude: 1e308, longitude: 120 }, 'too far'],
    ['NaN', { latitude: Number.NaN, longitude: 120 }, 'too far'],
    ['Infinity', { latitude: 30, longitude: Number.POSITIVE_INFINITY }, 'too far'],
    ['longitude out of range', { latitude: 30, longitude: 480 }, 'too far'],
  ])('%s → %s', (_case, position, verdict) => {
    expect(judgeDistance(place, position).verdict).toBe(verdict)
  })
  it('the check-in contract refuses coordinates that are not finite or out of range', () => {
    const input = meetingsActions.checkIn.input
    const position = (latitude: number, longitude: number) =>
      input.safeParse({ meetingId: 'mt_a', token: 'abcdefghijkl', position: { latitude, longitude } }).success
    expect(position(30, 120)).toBe(true)
    expect(position(1e308, 120)).toBe(false)
    expect(position(Number.NaN, 120)).toBe(false)
    expect(position(30, Number.POSITIVE_INFINITY)).toBe(false)
    expect(position(-91, 0)).toBe(false)
  })
})

describe('the rule set the bureau saves', () => {
  const valid = { ...DEFAULT_RULES }
  it('refuses a 补录时限 shorter than the record window, terms out of order, and 每学期 without terms', () => {
    expect(MeetingRules.safeParse(valid).success).toBe(true)
    expect(MeetingRules.safeParse({ ...valid, recordWithinDays: 10, backfillWithinDays: 5 }).success).toBe(false)
    const byTerm = { ...valid, minimums: { ...valid.minimums, lecture: { every: 'term', atLeast: 1 } } }
    expect(MeetingRules.safeParse(byTerm).success).toBe(false)
    const terms = [
      { name: '第一学期', start: '2026-09-01', end: '2027-01-20' },
      { name: '第二学期', start: '2027-01-10', end: '2027-07-05' },
    ]
    expect(MeetingRules.safeParse({ ...byTerm, terms: terms.slice(0, 1) }).success).toBe(true)
    expect(MeetingRules.safeParse({ ...byTerm, terms }).success).toBe(false)
  })
})

describe('reminder slots', () => {
  const start = at('2026-04-15T14:00:00')
  it.each([
    ['25 h before', start - 25 * 60 * MIN, [], null],
    ['24 h before', start - 24 * 60 * MIN, [], '24h'],
    ['3 h before, 24h already sent', start - 180 * MIN, ['24h'], null],
    ['1 h before', start - 60 * MIN, ['24h'], '1h'],
    ['scheduled 30 min ahead: only the 1 h slot', start - 30 * MIN, [], '1h'],
    ['1 h slot done', start - 30 * MIN, ['24h', '1h'], null],
    ['after the start', start + MIN, [], null],
  ])('%s', (_case, now, done, slot) => {
    expect(dueSlot(start, now, done)).toBe(slot)
  })
})

describe('subscribe-message fields', () => {
  it('cuts thing to 20, name to 10 and phrase to 5 characters', () => {
    const data = {
      thing1: { value: fitToKeyword('thing', '学习贯彻党的二十届三中全会精神专题组织生活会暨民主评议党员') },
      name2: { value: fitToKeyword('name', '欧阳建国欧阳建国欧阳建国') },
      phrase3: { value: fitToKeyword('phrase', '即将开始会议') },
    }
    expect(Array.from(data.thing1.value)).toHaveLength(20)
    expect(data.thing1.value.endsWith('…')).toBe(true)
    expect(Array.from(data.name2.value)).toHaveLength(10)
    expect(data.phrase3.value).toHaveLength(5)
    expect(fitToKeyword('thing', '短')).toBe('短')
  })
})

describe('WeCom robot', () => {
  it.each([
    ['https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa', true],
    ['http://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx', false],
    ['https://evil.example.com/cgi-bin/webhook/send?key=693a91f6-7xxx', false],
    ['https://qyapi.weixin.qq.com.evil.com/cgi-bin/webhook/send?key=693a91f6', false],
    ['https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc', false],
  ])('%s → %s', (url, valid) => {
    expect(isRobotUrl(url)).toBe(valid)
  })
  it('masks the key and keeps at most 20 a minute', () => {
    expect(maskRobotUrl('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abcd1234efgh5678')).toBe(
      'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abcd****5678',
    )
    const now = 1_000_000
    expect(
      robotAllowance(
        Array.from({ length: 20 }, (_, i) => now - i * 1000),
        now,
      ),
    ).toBe(0)
    expect(robotAllowance([now - 61_000], now)).toBe(20)
    expect(Buffer.byteLength(fitBytes('党'.repeat(2000)))).toBeLessThanOrEqual(2048)
  })
})

describe('leave, distance, series, summary', () => {
  it('leave only before the start', () => {
    expect(leaveRefusal({ startsAt: 1000 }, 999)).toBeNull()
    expect(leaveRefusal({ startsAt: 1000 }, 1000)).toBe('MEETING.STARTED')
  })
  it('measures a few hundred metres in a county town', () => {
    const d = metresBetween({ latitude: 30.0, longitude: 120.0 }, { latitude: 30.003, longitude: 120.0 })
    expect(Math.round(d)).toBe(334)
  })
  it('a monthly 主题党日 series keeps the local day and time', () => {
    const series = monthlyOccurrences(at('2026-01-31T15:00:00'), at('2026-01-31T17:00:00'), 3)
    expect(series.map((s) => new Date(s.startsAt).toISOString())).toEqual([
      '2026-01-31T07:00:00.000Z',
      '2026-02-28T07:00:00.000Z',
      '2026-03-31T07:00:00.000Z',
    ])
  })
  it('summarises a roll for the minutes', () => {
    const counts = countAttendance(
      ['a', 'b', 'c', 'd', 'e'],
      new Map([
        ['a', 'present'],
        ['b', 'late'],
        ['c', 'leave'],
        ['d', 'absent'],
      ]),
    )
    expect(counts).toEqual({ expected: 5, present: 1, late: 1, leave: 1, absent: 1, unmarked: 1 })
    // Not yet marked is 未签到, never 缺席: the minutes do not run ahead of marking.
    expect(summaryLine(counts, { leave: ['王芳'], absent: ['李强'] })).toBe(
      '应到5人，实到2人，迟到1人，请假1人（王芳），缺席1人（李强），未签到1人',
    )
    expect(summaryLine({ ...counts, absent: 2, unmarked: 0 }, { leave: [], absent: ['李强', '赵敏'] }, 2)).toBe(
      '应到5人，实到2人，迟到1人，请假1人，缺席2人（李强、赵敏），列席2人',
    )
  })
})
