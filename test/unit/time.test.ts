/**
 * A phone set to New York (with its daylight-saving jumps) must still read Beijing time.
 * @jest-environment ./test/unit/new-york-environment.ts
 */

import {
  clockTime,
  dateKey,
  fullDateTime,
  hourOf,
  instantOf,
  monthDayTime,
  periodKey,
  periodLabel,
  periodName,
  shortDateTime,
  yearOf,
} from '../../src/lib/time'

/** An instant named by its Beijing wall clock. */
const beijing = (iso: string) => Date.parse(`${iso}+08:00`)

/** What Intl's zone data says Asia/Shanghai shows for an instant: the oracle the fixed offset must agree with. */
function intlShanghai(epochMs: number): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(epochMs))
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`
}

test('this file really runs in a zone other than Beijing', () => {
  // 08:30 in Beijing on 5 May 2026 is 20:30 the evening before in New York (EDT).
  expect(new Date(beijing('2026-05-05T08:30:00')).getHours()).toBe(20)
})

test.each([
  ['a weekday afternoon', '2026-05-12T15:00:00', '5月12日 15:00', '2026年5月12日 15:00', '2026-05-12 15:00', '15:00'],
  [
    'just after Beijing midnight (still the day before in New York)',
    '2026-01-01T00:05:00',
    '1月1日 00:05',
    '2026年1月1日 00:05',
    '2026-01-01 00:05',
    '00:05',
  ],
  [
    'the last minute of a year',
    '2026-12-31T23:59:00',
    '12月31日 23:59',
    '2026年12月31日 23:59',
    '2026-12-31 23:59',
    '23:59',
  ],
  [
    '29 February of a leap year',
    '2028-02-29T09:58:00',
    '2月29日 09:58',
    '2028年2月29日 09:58',
    '2028-02-29 09:58',
    '09:58',
  ],
  [
    'the night New York springs forward',
    '2026-03-08T15:30:00',
    '3月8日 15:30',
    '2026年3月8日 15:30',
    '2026-03-08 15:30',
    '15:30',
  ],
])('%s reads as Beijing time', (_, iso, short, full, dense, clock) => {
  const at = beijing(iso)
  expect(monthDayTime(at)).toBe(short)
  expect(fullDateTime(at)).toBe(full)
  expect(shortDateTime(at)).toBe(dense)
  expect(clockTime(at)).toBe(clock)
})

test('the fixed +08:00 agrees with the Asia/Shanghai zone data at every hour of three years', () => {
  const start = beijing('2025-01-01T00:00:00')
  const end = beijing('2028-01-01T00:00:00')
  const disagreements: string[] = []
  for (let at = start; at < end; at += 3_600_000 + 17 * 60_000) {
    if (shortDateTime(at) !== intlShanghai(at)) disagreements.push(`${at}: ${shortDateTime(at)} ≠ ${intlShanghai(at)}`)
  }
  expect(disagreements).toEqual([])
})

test('dates, years and hours are Beijing’s', () => {
  const newYear = beijing('2027-01-01T00:30:00')
  expect(dateKey(newYear)).toBe('2027-01-01')
  expect(dateKey(newYear, -1)).toBe('2026-12-31')
  expect(dateKey(beijing('2028-02-28T12:00:00'), 1)).toBe('2028-02-29')
  expect(yearOf(newYear)).toBe(2027)
  expect(hourOf(newYear)).toBe(0)
})

test('a wall-clock date and time typed in a form name the Beijing instant', () => {
  expect(instantOf('2026-05-12', '15:00')).toBe(beijing('2026-05-12T15:00:00'))
  expect(instantOf('2026-12-31', '9:05')).toBe(beijing('2026-12-31T09:05:00'))
  expect(instantOf('2026-5-12', '15:00')).toBeNaN()
  expect(instantOf('2026-05-12', '')).toBeNaN()
})

test.each([
  ['the last minute of March', '2026-03-31T23:59:00', '2026-03', '2026-Q1', '2026'],
  ['the first minute of April', '2026-04-01T00:00:00', '2026-04', '2026-Q2', '2026'],
  ['the last minute of a year', '2026-12-31T23:59:00', '2026-12', '2026-Q4', '2026'],
  ['the first minute of a year', '2027-01-01T00:00:00', '2027-01', '2027-Q1', '2027'],
])('%s falls in its Beijing periods', (_, iso, month, quarter, year) => {
  const at = beijing(iso)
  expect(periodKey(at, 'month')).toBe(month)
  expect(periodKey(at, 'quarter')).toBe(quarter)
  expect(periodKey(at, 'year')).toBe(year)
})

test('periods step back and forth across years', () => {
  const at = beijing('2027-01-15T10:00:00')
  expect(periodKey(at, 'month', -1)).toBe('2026-12')
  expect(periodKey(at, 'quarter', -1)).toBe('2026-Q4')
  expect(periodKey(at, 'year', -1)).toBe('2026')
})

test('periods are named in full for headings and briefly for columns', () => {
  expect(periodName('2026')).toBe('2026年度')
  expect(periodName('2026-Q2')).toBe('2026年第二季度')
  expect(periodName('2026-05')).toBe('2026年5月')
  expect(periodLabel('2026')).toBe('2026年')
  expect(periodLabel('2026-Q4')).toBe('四季度')
  expect(periodLabel('2026-11')).toBe('11月')
})
