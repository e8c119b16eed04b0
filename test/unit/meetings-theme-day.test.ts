import { DEFAULT_RULES } from '../../cloudfunctions/domain/meetings/rules'
import { branchesWithoutThemeDay, themeDayMonthDue } from '../../cloudfunctions/domain/meetings/theme-day'

describe('主题党日 check: which day, which branches', () => {
  it.each([
    ['the 19th, reminder day 20', '2026-05-19', DEFAULT_RULES, null],
    ['the 20th', '2026-05-20', DEFAULT_RULES, '2026-05'],
    ['the 31st catches up a missed morning', '2026-05-31', DEFAULT_RULES, '2026-05'],
    ['a tenant reminding from the 10th', '2026-05-10', { ...DEFAULT_RULES, themeDayReminderDay: 10 }, '2026-05'],
    ['switched off', '2026-05-25', { ...DEFAULT_RULES, themeDayReminderDay: null }, null],
    [
      'theme day not required monthly',
      '2026-05-25',
      {
        ...DEFAULT_RULES,
        minimums: { ...DEFAULT_RULES.minimums, theme_day: { every: 'quarter' as const, atLeast: 1 } },
      },
      null,
    ],
  ])('%s', (_case, today, rules, expected) => {
    expect(themeDayMonthDue(today, rules)).toBe(expected)
  })

  it('a scheduled theme day of the month counts; cancelled, other types and make-ups for another month do not', () => {
    const meeting = { type: 'theme_day' as const, status: 'scheduled', makeUpFor: null }
    const missing = branchesWithoutThemeDay(
      ['b_held', 'b_cancelled', 'b_lecture', 'b_makeup', 'b_makeup_same', 'b_none'],
      [
        { ...meeting, branchId: 'b_held' },
        { ...meeting, branchId: 'b_cancelled', status: 'cancelled' },
        { ...meeting, branchId: 'b_lecture', type: 'lecture' as const },
        { ...meeting, branchId: 'b_makeup', makeUpFor: '2026-04' },
        { ...meeting, branchId: 'b_makeup_same', makeUpFor: '2026-05' },
      ],
      '2026-05',
    )
    expect(missing).toEqual(['b_cancelled', 'b_lecture', 'b_makeup', 'b_none'])
  })
})
