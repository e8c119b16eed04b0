import { streaks } from '../../cloudfunctions/domain/study/streak'
import { isTarget, noteLength, windowState } from '../../cloudfunctions/domain/study/targets'

describe('study streaks (Asia/Shanghai days, Monday-first weeks)', () => {
  it.each([
    ['nothing yet', [], '2026-04-08', 0, 0],
    ['today only', ['2026-04-08'], '2026-04-08', 1, 1],
    ['three days up to today', ['2026-04-06', '2026-04-07', '2026-04-08'], '2026-04-08', 3, 1],
    ['up to yesterday still counts', ['2026-04-06', '2026-04-07'], '2026-04-08', 2, 1],
    ['a gap breaks it', ['2026-04-05', '2026-04-07', '2026-04-08'], '2026-04-08', 2, 2],
    ['two days ago is broken', ['2026-04-06'], '2026-04-08', 0, 1],
    ['across a month end', ['2026-03-30', '2026-03-31', '2026-04-01'], '2026-04-01', 3, 1],
    ['weeks: last week and this week', ['2026-03-31', '2026-04-08'], '2026-04-08', 1, 2],
    ['weeks: only last week keeps the streak', ['2026-03-24', '2026-03-31'], '2026-04-08', 0, 2],
    ['weeks: Sunday belongs to the week before Monday', ['2026-04-05', '2026-04-06'], '2026-04-06', 2, 2],
    ['repeated days count once', ['2026-04-08', '2026-04-08'], '2026-04-08', 1, 1],
  ])('%s', (_case, days, today, streakDays, streakWeeks) => {
    expect(streaks(days, today)).toEqual({ days: streakDays, weeks: streakWeeks })
  })
})

describe('check-in window and targets', () => {
  const task = { startsOn: '2026-04-01', dueOn: '2026-04-10', branchIds: ['b1'], memberIds: null }
  it.each([
    ['2026-03-31', 'not started'],
    ['2026-04-01', 'open'],
    ['2026-04-10', 'open'],
    ['2026-04-11', 'past due'],
  ] as const)('%s → %s', (today, state) => {
    expect(windowState(task, today)).toBe(state)
  })
  it.each([
    ['a member of a targeted branch', { _id: 'm1', branchId: 'b1' }, null, true],
    ['a member of another branch', { _id: 'm2', branchId: 'b2' }, null, false],
    ['bureau staff without a branch', { _id: 'm3', branchId: null }, null, false],
    ['named in the task', { _id: 'm1', branchId: 'b1' }, ['m1'], true],
    ['not named in the task', { _id: 'm4', branchId: 'b1' }, ['m1'], false],
  ] as const)('%s', (_case, member, memberIds, expected) => {
    expect(isTarget({ ...task, memberIds }, member)).toBe(expected)
  })
  it('counts characters as a reader sees them', () => {
    expect(noteLength('  学习党章👍  ')).toBe(5)
  })
})
