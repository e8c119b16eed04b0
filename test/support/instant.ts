/**
 * The instant a date-sensitive test runs at. Tests never read the machine's
 * calendar: a suite about "whatever today is" (the demo seed, the bureau's
 * current month) runs at `testInstant()`, which is TEST_NOW when set (an ISO
 * time with its offset, or epoch ms) and otherwise a named ordinary weekday.
 * `npm test` runs those suites again at the awkward instants in DATE_MATRIX
 * (scripts/test-dates.ts), so a rule that breaks at a month's, quarter's or
 * year's edge fails here, not in production.
 */

/** A Wednesday in the middle of a month and a quarter: the instant suites run at by default. */
export const DEFAULT_TEST_NOW = '2026-11-18T10:00:00+08:00'

/** The awkward instants, in Asia/Shanghai, that the date check runs the date-sensitive suites at. */
export const DATE_MATRIX: ReadonlyArray<{ label: string; at: string }> = [
  { label: 'last minute of a quarter (Q1)', at: '2027-03-31T23:59:00+08:00' },
  { label: 'last minute of the year', at: '2026-12-31T23:59:00+08:00' },
  { label: 'first minute of a year', at: '2027-01-01T00:00:00+08:00' },
  { label: '29 February of a leap year', at: '2028-02-29T12:00:00+08:00' },
  { label: 'last minute of an ordinary month', at: '2027-04-30T23:59:00+08:00' },
]

/** Parses an ISO time (with offset) or epoch milliseconds; throws on anything else. */
export function parseInstant(text: string): number {
  const ms = /^\d+$/.test(text) ? Number(text) : Date.parse(text)
  if (!Number.isFinite(ms))
    throw new Error(`not an instant: ${text} (use ISO with an offset, e.g. ${DEFAULT_TEST_NOW})`)
  return ms
}

export function testInstant(): number {
  return parseInstant(process.env.TEST_NOW || DEFAULT_TEST_NOW)
}
