// 三会一课 by evidence, in tables a secretary or the bureau would recognise: what a meeting's record
// proves, the quorum of a 党员大会, who a scope invites, 党小组会 per group, 支委会 only with a committee,
// combined meetings, every frequency with "at least N" (month, quarter, half-year, year, school term),
// Asia/Shanghai period edges, and the cell states every bureau figure is made of.
import {
  cellState,
  completionShare,
  countStates,
  judgeCell,
  owedItems,
  recordsSince,
} from '../../cloudfunctions/domain/meeting-compliance/cells'
import {
  type JudgedMeeting,
  quorumMet,
  recordedAtOf,
  recordOf,
} from '../../cloudfunctions/domain/meeting-compliance/evidence'
import { complianceOf, runningItems } from '../../cloudfunctions/domain/meeting-compliance/judge'
import {
  judgedFrom,
  periodContaining,
  periodsEndingIn,
  periodsOfYear,
} from '../../cloudfunctions/domain/meeting-compliance/periods'
import { type BranchFacts, hasCommittee, unitsOf } from '../../cloudfunctions/domain/meeting-compliance/units'
import { DEFAULT_RULES, withDefaults } from '../../cloudfunctions/domain/meetings/rules'
import {
  defaultScopeKind,
  inviteesOf,
  isVoting,
  resolveScope,
  scopeFits,
} from '../../cloudfunctions/domain/meetings/scope'
import { periodBounds } from '../../cloudfunctions/domain/time'
import type { CellState } from '../../types/compliance'
import type { ComplianceItem, MeetingRules, MeetingType, Requirement } from '../../types/meetings'

const at = (iso: string) => new Date(`${iso}+08:00`).getTime()
const HOUR = 3_600_000
const DAY = 24 * HOUR
const RULES = DEFAULT_RULES // record within 7 days, 补录 counts within 30

/** A meeting that took place and was recorded an hour after it began (with a quorum), unless told otherwise. */
function m(id: string, type: MeetingType, iso: string, extra: Partial<JudgedMeeting> = {}): JudgedMeeting {
  const startsAt = at(iso)
  return {
    _id: id,
    type,
    startsAt,
    endsAt: startsAt + 2 * HOUR,
    status: 'scheduled',
    makeUpFor: null,
    groupId: null,
    recordedAt: startsAt + HOUR,
    quorate: type === 'general_meeting' || extra.alsoCounts?.includes('general_meeting') ? true : undefined,
    ...extra,
  }
}
/** The same, never recorded (no attendance, no minutes): a scheduled meeting. */
const bare = (id: string, type: MeetingType, iso: string, extra: Partial<JudgedMeeting> = {}) =>
  m(id, type, iso, { recordedAt: undefined, ...extra })

const BRANCH: BranchFacts = {
  hasCommittee: true,
  groups: [
    { id: 'g1', name: '低年级党小组' },
    { id: 'g2', name: '高年级党小组' },
  ],
}
/** Only the given types are required, at the given frequency. */
function only(minimums: Partial<Record<MeetingType, Requirement>>, extra: Partial<MeetingRules> = {}): MeetingRules {
  const none = Object.fromEntries(Object.keys(RULES.minimums).map((type) => [type, null])) as MeetingRules['minimums']
  return { ...RULES, ...extra, minimums: { ...none, ...minimums } }
}
const monthly = { every: 'month', atLeast: 1 } as const
const statusesOf = (items: ComplianceItem[]) =>
  items.map((item) => [item.type, item.groupName, item.period, item.status])

describe('what one meeting’s record proves (会议记录情况)', () => {
  const start = '2026-05-12T15:00:00'
  const end = at(start) + 2 * HOUR
  const recordedOn = (daysAfterEnd: number) => ({ recordedAt: end + daysAfterEnd * DAY })
  it.each<[string, Partial<JudgedMeeting>, number, CellState | string]>([
    ['before it starts, a scheduled meeting proves nothing yet', {}, at(start) - HOUR, 'upcoming'],
    ['while it runs', {}, at(start) + HOUR, 'running'],
    ['ended two days ago, nothing recorded: 待补记录', { recordedAt: null }, end + 2 * DAY, 'awaiting_record'],
    ['ended eight days ago (window 7), nothing recorded: 未开展', { recordedAt: null }, end + 8 * DAY, 'missing'],
    ['recorded the same evening', recordedOn(0), end + 8 * DAY, 'held'],
    [
      'attendance without minutes (record incomplete), within the window',
      { recordedAt: recordedAtOf({ presentAt: end, minutesAt: null, voters: 10, votersPresent: 8 }) },
      end + 3 * DAY,
      'awaiting_record',
    ],
    [
      'minutes without anyone marked present, past the window',
      { recordedAt: recordedAtOf({ presentAt: null, minutesAt: end, voters: 10, votersPresent: 0 }) },
      end + 8 * DAY,
      'missing',
    ],
    ['补录 on day 20 (within 30) turns 未开展 into 已开展', recordedOn(20), end + 21 * DAY, 'held'],
    ['补录 on day 40 is past the 补录时限: still 未开展', recordedOn(40), end + 41 * DAY, 'missing'],
    ['cancelled', { status: 'cancelled' }, end + DAY, 'cancelled'],
    [
      'an entry written before the evidence rules (no end, no record read) reads unrecorded',
      { endsAt: undefined, recordedAt: undefined },
      end + 30 * DAY,
      'missing',
    ],
  ])('%s → %s', (_case, extra, now, expected) => {
    expect(recordOf({ ...m('a', 'lecture', start), ...extra }, 'lecture', now, RULES)).toBe(expected)
  })

  it('a tenant with a 3-day window and a 10-day 补录时限', () => {
    const rules = { recordWithinDays: 3, backfillWithinDays: 10 }
    const meeting = { ...m('a', 'lecture', start), recordedAt: null }
    expect(recordOf(meeting, 'lecture', end + 2 * DAY, rules)).toBe('awaiting_record')
    expect(recordOf(meeting, 'lecture', end + 4 * DAY, rules)).toBe('missing')
    expect(recordOf({ ...meeting, ...recordedOn(9) }, 'lecture', end + 12 * DAY, rules)).toBe('held')
    expect(recordOf({ ...meeting, ...recordedOn(11) }, 'lecture', end + 12 * DAY, rules)).toBe('missing')
  })

  it('the record is complete when both presence and minutes are there', () => {
    expect(recordedAtOf({ presentAt: 5, minutesAt: 9, voters: 1, votersPresent: 1 })).toBe(9)
    expect(recordedAtOf({ presentAt: 9, minutesAt: 5, voters: 1, votersPresent: 1 })).toBe(9)
    expect(recordedAtOf({ presentAt: null, minutesAt: 5, voters: 1, votersPresent: 0 })).toBeNull()
    expect(recordedAtOf({ presentAt: 5, minutesAt: null, voters: 1, votersPresent: 1 })).toBeNull()
    expect(recordedAtOf(undefined)).toBeNull()
  })
})

describe('quorum of a 支部党员大会: more than half of the voting members present', () => {
  it.each([
    [10, 6, true],
    [10, 5, false],
    [3, 2, true],
    [2, 1, false],
    [0, 0, false],
  ])('%i voters, %i present → %s', (voters, votersPresent, met) => {
    expect(quorumMet({ voters, votersPresent })).toBe(met)
  })
  it('a 党员大会 below quorum is flagged; held as a 党课 the same meeting still counts', () => {
    const meeting = m('a', 'general_meeting', '2026-05-12T15:00:00', {
      alsoCounts: ['lecture'],
      recordedAt: at('2026-05-12T18:00:00'),
      quorate: quorumMet({ voters: 10, votersPresent: 5 }),
    })
    const now = at('2026-05-20T00:00:00')
    expect(recordOf(meeting, 'general_meeting', now, RULES)).toBe('no_quorum')
    expect(recordOf(meeting, 'lecture', now, RULES)).toBe('held')
  })
  it('预备党员 attend without a vote', () => {
    expect(isVoting({ memberType: 'formal' })).toBe(true)
    expect(isVoting({ memberType: 'probationary' })).toBe(false)
  })
})

describe('scope: who a meeting is for', () => {
  it.each<[string, MeetingType[], 'branch' | 'group' | 'committee', boolean]>([
    ['党员大会 for the whole branch', ['general_meeting'], 'branch', true],
    ['党员大会 for one group', ['general_meeting'], 'group', false],
    ['支委会 for the committee', ['committee_meeting'], 'committee', true],
    ['支委会 for the whole branch', ['committee_meeting'], 'branch', false],
    ['党小组会 for one group', ['group_meeting'], 'group', true],
    ['党小组会 for the whole branch (the old default)', ['group_meeting'], 'branch', false],
    ['党课 for one group', ['lecture'], 'group', true],
    ['组织生活会 with 民主评议党员', ['org_life', 'appraisal'], 'branch', true],
    ['党员大会 with a 党课', ['general_meeting', 'lecture'], 'branch', true],
    ['支委会 with a 党课', ['committee_meeting', 'lecture'], 'committee', false],
  ])('%s → %s', (_case, types, kind, fits) => {
    expect(scopeFits(types, { kind })).toBe(fits)
  })

  it('the form starts from the type’s scope; a 党小组会 must name its group', () => {
    expect(defaultScopeKind('committee_meeting')).toBe('committee')
    expect(defaultScopeKind('group_meeting')).toBe('group')
    expect(defaultScopeKind('theme_day')).toBe('branch')
    expect(resolveScope('committee_meeting', undefined)).toEqual({ kind: 'committee' })
    expect(resolveScope('group_meeting', undefined)).toBeNull()
    expect(resolveScope('group_meeting', { kind: 'group', groupId: 'g1' })).toEqual({ kind: 'group', groupId: 'g1' })
  })

  const member = (id: string, extra: Partial<Parameters<typeof inviteesOf>[2][number]> = {}) => ({
    _id: id,
    branchId: 'b',
    groupId: 'g1',
    committeePosition: null,
    memberType: 'formal' as const,
    status: 'active' as const,
    ...extra,
  })
  const roster = [
    member('secretary', { committeePosition: 'secretary', groupId: 'g2' }),
    member('organiser', { committeePosition: 'organization' }),
    member('plain'),
    member('probation', { memberType: 'probationary', groupId: 'g2' }),
    member('left', { status: 'inactive' }),
    member('elsewhere', { branchId: 'other' }),
  ]
  it.each([
    [
      'the whole branch: its active members',
      { kind: 'branch' as const },
      ['secretary', 'organiser', 'plain', 'probation'],
    ],
    ['the committee: members holding a position', { kind: 'committee' as const }, ['secretary', 'organiser']],
    ['one 党小组: its members only', { kind: 'group' as const, groupId: 'g2' }, ['secretary', 'probation']],
  ])('%s', (_case, scope, invited) => {
    expect(inviteesOf(scope, 'b', roster)).toEqual(invited)
  })
})

describe('who owes what: 党小组会 per group, 支委会 only with a committee', () => {
  it.each([
    [7, undefined, true],
    [6, undefined, false],
    [6, true, true],
    [9, false, false],
  ])('%i full members, the bureau’s setting %s → committee %s', (fullMembers, override, has) => {
    expect(hasCommittee(fullMembers, override)).toBe(has)
  })

  it('units: each group for 党小组会, the committee only where there is one', () => {
    expect(unitsOf('group_meeting', BRANCH).map((unit) => unit.groupName)).toEqual(['低年级党小组', '高年级党小组'])
    expect(unitsOf('group_meeting', { ...BRANCH, groups: [] })).toEqual([])
    expect(unitsOf('committee_meeting', { ...BRANCH, hasCommittee: false })).toEqual([])
    expect(unitsOf('lecture', BRANCH)).toEqual([{ groupId: null, groupName: null }])
  })

  it('one group’s 党小组会 does not satisfy the other group', () => {
    const items = complianceOf(
      '2026-04',
      only({ group_meeting: monthly }),
      BRANCH,
      [m('a', 'group_meeting', '2026-04-08T15:00:00', { groupId: 'g1' })],
      at('2026-05-10T00:00:00'),
    )
    expect(statusesOf(items)).toEqual([
      ['group_meeting', '低年级党小组', '2026-04', 'held'],
      ['group_meeting', '高年级党小组', '2026-04', 'missing'],
    ])
    expect(cellState(items, '2026-04', at('2026-05-10T00:00:00'))).toBe('missing')
  })

  it('a branch without a committee owes no 支委会: 无需', () => {
    const rules = only({ committee_meeting: monthly })
    const small = { ...BRANCH, hasCommittee: false }
    const items = complianceOf('2026-04', rules, small, [], at('2026-05-10T00:00:00'))
    expect(items).toEqual([])
    expect(cellState(items, '2026-04', at('2026-05-10T00:00:00'))).toBe('not_required')
    expect(statusesOf(complianceOf('2026-04', rules, BRANCH, [], at('2026-05-10T00:00:00')))).toEqual([
      ['committee_meeting', null, '2026-04', 'missing'],
    ])
  })
})

describe('combined meetings count for each type they carry', () => {
  it('组织生活会 with 民主评议党员 in December satisfies both yearly requirements', () => {
    const rules = only({ org_life: { every: 'year', atLeast: 1 }, appraisal: { every: 'year', atLeast: 1 } })
    const items = complianceOf(
      '2026-12',
      rules,
      BRANCH,
      [m('a', 'org_life', '2026-12-20T09:00:00', { alsoCounts: ['appraisal'] })],
      at('2027-01-05T00:00:00'),
    )
    expect(statusesOf(items)).toEqual([
      ['org_life', null, '2026', 'held'],
      ['appraisal', null, '2026', 'held'],
    ])
  })
  it('a 党课 held inside a 党员大会 counts as the quarter’s 党课', () => {
    const rules = only({ general_meeting: { every: 'quarter', atLeast: 1 }, lecture: { every: 'quarter', atLeast: 1 } })
    const items = complianceOf(
      '2026-06',
      rules,
      BRANCH,
      [m('a', 'general_meeting', '2026-05-20T15:00:00', { alsoCounts: ['lecture'] })],
      at('2026-07-02T00:00:00'),
    )
    expect(items.map((item) => item.status)).toEqual(['held', 'held'])
  })
})

describe('evidence decides: a scheduled meeting is not held', () => {
  const rules = only({ theme_day: monthly })
  const now = at('2026-05-10T00:00:00')
  it.each<[string, JudgedMeeting[], number, string, CellState]>([
    ['held and recorded', [m('a', 'theme_day', '2026-04-20T15:00:00')], now, 'held', 'held'],
    ['scheduled, never recorded', [bare('a', 'theme_day', '2026-04-20T15:00:00')], now, 'missing', 'missing'],
    [
      'ended on the 28th, record still due (window runs to 5 May)',
      [bare('a', 'theme_day', '2026-04-28T15:00:00')],
      at('2026-05-03T00:00:00'),
      'awaiting_record',
      'awaiting',
    ],
    [
      'a 补录 on 20 May of the meeting of 28 April counts again',
      [m('a', 'theme_day', '2026-04-28T15:00:00', { recordedAt: at('2026-05-20T10:00:00') })],
      at('2026-05-21T00:00:00'),
      'held',
      'held',
    ],
  ])('%s → %s', (_case, meetings, when, status, state) => {
    const items = complianceOf('2026-04', rules, BRANCH, meetings, when)
    expect(items.map((item) => item.status)).toEqual([status])
    expect(cellState(items, '2026-04', when)).toBe(state)
  })

  it('a 党员大会 below quorum leaves the quarter 未达法定人数', () => {
    const items = complianceOf(
      '2026-06',
      only({ general_meeting: { every: 'quarter', atLeast: 1 } }),
      BRANCH,
      [m('a', 'general_meeting', '2026-05-20T15:00:00', { quorate: false })],
      at('2026-07-02T00:00:00'),
    )
    expect(items.map((item) => item.status)).toEqual(['no_quorum'])
    expect(cellState(items, '2026-06', at('2026-07-02T00:00:00'))).toBe('no_quorum')
  })
})

describe('Asia/Shanghai period edges and 补开', () => {
  const rules = only({ group_meeting: monthly })
  const oneGroup = { ...BRANCH, groups: [{ id: 'g1', name: '第一党小组' }] }
  const g = { groupId: 'g1' }
  it.each<[string, string, JudgedMeeting[], number, string]>([
    [
      'held on the last evening of March counts for March',
      '2026-03',
      [m('a', 'group_meeting', '2026-03-31T21:30:00', g)],
      at('2026-04-02T00:00:00'),
      'held',
    ],
    [
      '00:10 on 1 April Shanghai (16:10 UTC on 31 March) counts for April',
      '2026-03',
      [m('a', 'group_meeting', '2026-04-01T00:10:00', g)],
      at('2026-04-09T00:00:00'),
      'missing',
    ],
    [
      'a recorded make-up in April for March is held late',
      '2026-03',
      [m('a', 'group_meeting', '2026-04-03T15:00:00', { ...g, makeUpFor: '2026-03' })],
      at('2026-04-05T00:00:00'),
      'held_late',
    ],
    [
      'a make-up not yet held leaves March missing',
      '2026-03',
      [bare('a', 'group_meeting', '2026-04-20T15:00:00', { ...g, makeUpFor: '2026-03' })],
      at('2026-04-09T00:00:00'),
      'missing',
    ],
    [
      'a cancelled meeting does not count',
      '2026-04',
      [m('a', 'group_meeting', '2026-04-03T15:00:00', { ...g, status: 'cancelled' })],
      at('2026-04-05T00:00:00'),
      'due',
    ],
    [
      'scheduled later this month is planned',
      '2026-04',
      [bare('a', 'group_meeting', '2026-04-20T15:00:00', g)],
      at('2026-04-05T00:00:00'),
      'planned',
    ],
    [
      'held this month, its record due: 待补记录',
      '2026-04',
      [bare('a', 'group_meeting', '2026-04-03T15:00:00', g)],
      at('2026-04-05T00:00:00'),
      'awaiting_record',
    ],
    ['nothing yet this month is due', '2026-04', [], at('2026-04-05T00:00:00'), 'due'],
  ])('%s', (_case, period, meetings, now, status) => {
    expect(complianceOf(period, rules, oneGroup, meetings, now).map((item) => item.status)).toEqual([status])
  })
})

describe('frequencies: month, quarter, half-year, year and school term, each with at least N', () => {
  const TERMS = [
    { name: '2026—2027学年第一学期', start: '2026-09-01', end: '2027-01-20' },
    { name: '2026—2027学年第二学期', start: '2027-02-25', end: '2027-07-05' },
  ]
  it.each([
    ['a quarter falls due in its last month', '2026-03', 'quarter', ['2026-Q1']],
    ['nothing quarterly in February', '2026-02', 'quarter', []],
    ['the first half-year in June', '2026-06', 'half', ['2026-H1']],
    ['the year in December', '2026-12', 'year', ['2026']],
    ['a quarter cell holds its three months', '2026-Q2', 'month', ['2026-04', '2026-05', '2026-06']],
    ['a quarter cell of Q4 holds the year', '2026-Q4', 'year', ['2026']],
    ['a term in the month it ends', '2027-01', 'term', ['2026-09-01~2027-01-20']],
    ['a term not in a month it does not end in', '2026-12', 'term', []],
  ] as const)('%s', (_case, cell, every, periods) => {
    expect(periodsEndingIn(cell, every, TERMS)).toEqual(periods)
  })

  it('the period running now, and none between terms', () => {
    const may = at('2026-05-12T10:00:00')
    expect(periodContaining(may, 'half', TERMS)).toBe('2026-H1')
    expect(periodContaining(may, 'quarter', TERMS)).toBe('2026-Q2')
    expect(periodContaining(at('2026-10-12T10:00:00'), 'term', TERMS)).toBe('2026-09-01~2027-01-20')
    expect(periodContaining(at('2027-02-10T10:00:00'), 'term', TERMS)).toBeNull()
    expect(periodBounds('2026-09-01~2027-01-20')).toEqual({
      start: at('2026-09-01T00:00:00'),
      end: at('2027-01-21T00:00:00'),
    })
    expect(periodBounds('2026-H2')).toEqual({ start: at('2026-07-01T00:00:00'), end: at('2027-01-01T00:00:00') })
  })

  it.each<[string, Requirement, JudgedMeeting[], number, string]>([
    [
      'at least twice a month: one held, one scheduled → planned',
      { every: 'month', atLeast: 2 },
      [m('a', 'study', '2026-05-03T15:00:00'), bare('b', 'study', '2026-05-20T15:00:00')],
      at('2026-05-10T00:00:00'),
      'planned',
    ],
    [
      'at least twice a month: one held only → due',
      { every: 'month', atLeast: 2 },
      [m('a', 'study', '2026-05-03T15:00:00')],
      at('2026-05-10T00:00:00'),
      'due',
    ],
    [
      'at least twice a month: one held at the end → missing',
      { every: 'month', atLeast: 2 },
      [m('a', 'study', '2026-05-03T15:00:00')],
      at('2026-06-10T00:00:00'),
      'missing',
    ],
    [
      'twice a half-year: both held → held',
      { every: 'half', atLeast: 2 },
      [m('a', 'study', '2026-02-03T15:00:00'), m('b', 'study', '2026-05-03T15:00:00')],
      at('2026-07-10T00:00:00'),
      'held',
    ],
    [
      'once a term: held in October → held when the term ends',
      { every: 'term', atLeast: 1 },
      [m('a', 'study', '2026-10-03T15:00:00')],
      at('2027-02-01T00:00:00'),
      'held',
    ],
  ])('%s', (_case, requirement, meetings, now, status) => {
    const rules = only({ study: requirement }, { terms: TERMS })
    const period = requirement.every === 'term' ? '2027-01' : requirement.every === 'half' ? '2026-06' : '2026-05'
    expect(complianceOf(period, rules, BRANCH, meetings, now).map((item) => item.status)).toEqual([status])
  })

  it('what a branch owes right now, in every running period', () => {
    const rules = only(
      {
        group_meeting: monthly,
        general_meeting: { every: 'quarter', atLeast: 1 },
        study: { every: 'half', atLeast: 2 },
        lecture: { every: 'term', atLeast: 1 },
      },
      { terms: TERMS },
    )
    const items = runningItems(
      rules,
      BRANCH,
      [m('a', 'group_meeting', '2026-10-03T15:00:00', { groupId: 'g1' })],
      at('2026-10-12T10:00:00'),
    )
    expect(statusesOf(items)).toEqual([
      ['general_meeting', null, '2026-Q4', 'due'],
      ['group_meeting', '低年级党小组', '2026-10', 'held'],
      ['group_meeting', '高年级党小组', '2026-10', 'due'],
      ['lecture', null, '2026-09-01~2027-01-20', 'due'],
      ['study', null, '2026-H2', 'due'],
    ])
  })

  it('rule sets saved before "at least N" read a bare frequency as at least once', () => {
    const legacy = withDefaults({ minimums: { group_meeting: 'quarter' } as unknown as MeetingRules['minimums'] })
    expect(legacy.minimums.group_meeting).toEqual({ every: 'quarter', atLeast: 1 })
    expect(legacy.minimums.theme_day).toEqual({ every: 'month', atLeast: 1 })
    expect(legacy.recordWithinDays).toBe(7)
  })
})

describe('a cell’s state: the one vocabulary of every bureau figure', () => {
  const item = (status: ComplianceItem['status']) => ({ status })
  const november = at('2026-11-18T10:00:00')
  it.each<[string, ComplianceItem['status'][], string, CellState]>([
    ['未开展 wins over everything', ['missing', 'no_quorum', 'awaiting_record', 'held'], '2026-10', 'missing'],
    ['未达法定人数 over 待补记录', ['no_quorum', 'awaiting_record'], '2026-10', 'no_quorum'],
    ['待补记录 over 已补开', ['awaiting_record', 'held_late'], '2026-10', 'awaiting'],
    ['已补开 over 已开展', ['held_late', 'held'], '2026-10', 'late'],
    ['all held', ['held'], '2026-10', 'held'],
    ['nothing due: 无需', [], '2026-10', 'not_required'],
    ['the running month with something left: 进行中', ['held', 'due'], '2026-11', 'open'],
    ['the running month already done: 已开展', ['held'], '2026-11', 'held'],
    ['a month not begun', ['due'], '2026-12', 'future'],
  ])('%s', (_case, statuses, period, state) => {
    expect(cellState(statuses.map(item), period, november)).toBe(state)
  })

  it('before the records begin a finished month is 无记录; the first month is judged', () => {
    const since = recordsSince(at('2026-03-17T15:00:00'), november)
    expect(since).toBe(at('2026-03-01T00:00:00'))
    expect(cellState([item('missing')], '2026-02', november, since)).toBe('none')
    expect(cellState([item('missing')], '2026-03', november, since)).toBe('missing')
    expect(recordsSince(null, november)).toBe(at('2026-11-01T00:00:00'))
  })

  it('completion rates count only finished, judged cells', () => {
    const counts = countStates(['held', 'late', 'missing', 'awaiting', 'not_required', 'open', 'future'])
    expect(counts).toMatchObject({ held: 1, late: 1, missing: 1, awaiting: 1, not_required: 1, open: 1, future: 1 })
    expect(completionShare(counts)).toBe(0.5)
    expect(completionShare(countStates(['open', 'not_required']))).toBeNull()
  })

  it('what a branch is reminded of: not held, still to record, below quorum', () => {
    const items = complianceOf('2026-04', only({ theme_day: monthly }), BRANCH, [], at('2026-05-10T00:00:00'))
    expect(owedItems(items).map((entry) => entry.status)).toEqual(['missing'])
  })

  it('a quarter cell judges the quarter’s months and the quarter; the year has twelve month cells', () => {
    const rules = only({ theme_day: monthly, general_meeting: { every: 'quarter', atLeast: 1 } })
    const { items, state } = judgeCell('2026-Q2', rules, BRANCH, [], at('2026-08-01T00:00:00'), 0)
    expect(items.map((entry) => entry.period)).toEqual(['2026-Q2', '2026-04', '2026-05', '2026-06'])
    expect(state).toBe('missing')
    expect(periodsOfYear(2026, 'month')).toHaveLength(12)
    expect(periodsOfYear(2026, 'quarter')).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4'])
  })
})

describe('reads for a cell reach back to where its requirements began', () => {
  const TERMS = [{ name: '第一学期', start: '2025-09-01', end: '2026-01-20' }]
  it.each([
    [
      'a June cell with quarterly requirements: April',
      '2026-06',
      only({ general_meeting: { every: 'quarter', atLeast: 1 } }),
      '2026-04-01T00:00:00',
    ],
    [
      'a June cell with yearly requirements: January',
      '2026-06',
      only({ org_life: { every: 'year', atLeast: 1 } }),
      '2026-01-01T00:00:00',
    ],
    [
      'a January cell with a term ending in it: the September before',
      '2026-01',
      only({ lecture: { every: 'term', atLeast: 1 } }, { terms: TERMS }),
      '2025-09-01T00:00:00',
    ],
    ['monthly only: the cell itself', '2026-06', only({ theme_day: monthly }), '2026-06-01T00:00:00'],
  ])('%s', (_case, cell, rules, from) => {
    expect(judgedFrom(periodBounds(cell), rules)).toBe(at(from))
  })
})
