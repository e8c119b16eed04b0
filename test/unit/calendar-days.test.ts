// Calendar arithmetic on 'YYYY-MM-DD' days and 'YYYY-MM' months, as the 细则's anniversaries and the
// dues months count them (no clock, no time zone surprises).
import { addMonthsToDay, addMonthsToMonth, daysBetween } from '../../cloudfunctions/domain/time'

describe('calendar days and months', () => {
  it.each([
    ['a year of probation', '2025-07-20', 12, '2026-07-20'],
    ['from a leap day', '2024-02-29', 12, '2025-02-28'],
    ['to a leap day', '2027-02-28', 12, '2028-02-28'],
    ['the 31st into a short month', '2026-08-31', 6, '2027-02-28'],
    ['a month back across the new year', '2027-01-15', -1, '2026-12-15'],
  ])('%s: %s + %i months = %s', (_case, day, months, result) => {
    expect(addMonthsToDay(day, months)).toBe(result)
  })
  it.each([
    ['2026-03-01', '2026-04-01', 31],
    ['2028-02-28', '2028-03-01', 2],
    ['2026-12-31', '2027-01-01', 1],
    ['2026-07-25', '2026-07-20', -5],
  ])('%s → %s is %i days', (from, to, days) => {
    expect(daysBetween(from, to)).toBe(days)
  })
  it.each([
    ['2026-12', 1, '2027-01'],
    ['2026-01', -1, '2025-12'],
    ['2026-04', -11, '2025-05'],
    ['2026-04', 0, '2026-04'],
    ['2026-11', 26, '2029-01'],
  ])('%s + %i months = %s', (month, n, result) => {
    expect(addMonthsToMonth(month, n)).toBe(result)
  })
})
