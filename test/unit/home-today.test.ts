import { branchAgenda, checkInOpen, homeViewFor } from '../../src/pages/home/today'
import type { MeetingSummary } from '../../types/meetings'
import type { Me } from '../../types/roster'

const NOW = Date.parse('2026-11-18T10:00:00+08:00')
const HOUR = 3_600_000
const branch = { id: 'org_b_shiyan', name: '实验小学党支部', joint: false }

describe('which 首页 a person gets', () => {
  const view = (roles: Me['roles'], inBranch = true) => homeViewFor({ roles, branch: inBranch ? branch : null })

  test('bureau staff and 党建指导员 the bureau’s, a 支部书记 the branch’s, everyone else a member’s', () => {
    expect(view(['member', 'bureau_staff'])).toBe('bureau')
    expect(view(['member', 'instructor'])).toBe('bureau')
    expect(view(['member', 'branch_secretary'])).toBe('secretary')
    expect(view(['member', 'branch_committee'])).toBe('member')
    expect(view(['member', 'general_branch_secretary'])).toBe('member')
    expect(view(['member'])).toBe('member')
  })

  test('a secretary role without a branch has no branch to show: the member’s view', () => {
    expect(view(['branch_secretary'], false)).toBe('member')
  })
})

const meeting = (id: string, startsAt: number, extra: Partial<MeetingSummary> = {}): MeetingSummary => ({
  id,
  branchId: branch.id,
  branchName: branch.name,
  type: 'group_meeting',
  title: id,
  startsAt,
  endsAt: startsAt + 2 * HOUR,
  place: '会议室',
  status: 'scheduled',
  seriesId: null,
  mine: null,
  myLeave: null,
  hasMinutes: false,
  alsoCounts: [],
  backfilled: false,
  record: startsAt > NOW ? 'upcoming' : 'awaiting_record',
  ...extra,
})

describe('a branch’s month on the secretary’s 首页', () => {
  const items = [
    meeting('later', NOW + 48 * HOUR),
    meeting('held-with-minutes', NOW - 72 * HOUR, { hasMinutes: true, record: 'held' }),
    meeting('held-without', NOW - 96 * HOUR),
    meeting('cancelled', NOW + 24 * HOUR, { status: 'cancelled', record: 'cancelled' }),
    meeting('running', NOW - HOUR, { record: 'running' }),
    meeting('soon', NOW + 2 * HOUR),
  ]
  const agenda = branchAgenda(items, NOW)
  const ids = (list: MeetingSummary[]) => list.map((m) => m.id)

  test('to hold: scheduled and not begun, soonest first; cancelled ones are not owed', () => {
    expect(ids(agenda.toHold)).toEqual(['soon', 'later'])
  })

  test('records owed: held and 待补记录, oldest first; one recorded, or still running, is not owed', () => {
    expect(ids(agenda.minutesOwed)).toEqual(['held-without'])
  })

  test('last month’s meetings the server still reads 待补记录 come first; recorded or past the window, not', () => {
    const early = NOW - 20 * 24 * HOUR
    const lastMonth = [
      meeting('last-month-awaiting', early, { record: 'awaiting_record' }),
      meeting('last-month-missing', early - 5 * 24 * HOUR, { record: 'missing' }),
      meeting('last-month-held', early - 24 * HOUR, { hasMinutes: true, record: 'held' }),
      meeting('last-month-cancelled', early + HOUR, { status: 'cancelled', record: 'cancelled' }),
    ]
    expect(ids(branchAgenda(items, NOW, lastMonth).minutesOwed)).toEqual(['last-month-awaiting', 'held-without'])
  })

  test('leave to decide: every meeting not yet ended, the running one included', () => {
    expect(ids(agenda.leaveOpen)).toEqual(['running', 'soon', 'later'])
  })

  test('leave to decide: next month’s scheduled meetings too (next week’s 党课 at a month’s end)', () => {
    const nextMonth = [
      meeting('next-month-dangke', NOW + 10 * 24 * HOUR),
      meeting('next-month-cancelled', NOW + 11 * 24 * HOUR, { status: 'cancelled' }),
    ]
    const withNext = branchAgenda(items, NOW, [], nextMonth)
    expect(ids(withNext.leaveOpen)).toEqual(['running', 'soon', 'later', 'next-month-dangke'])
    // Next month's meetings are not this month's to hold.
    expect(ids(withNext.toHold)).toEqual(ids(agenda.toHold))
  })
})

describe('签到 on the member’s 首页', () => {
  const window = { checkInOpensAt: NOW - 10 * 60_000, endsAt: NOW + HOUR }

  test('offered while the window is open and the member has not checked in', () => {
    expect(checkInOpen({ ...window, mine: null }, NOW)).toBe(true)
    expect(checkInOpen({ ...window, mine: 'present' }, NOW)).toBe(false)
    expect(checkInOpen({ ...window, mine: null }, window.checkInOpensAt - 1)).toBe(false)
    expect(checkInOpen({ ...window, mine: null }, window.endsAt)).toBe(false)
  })
})
