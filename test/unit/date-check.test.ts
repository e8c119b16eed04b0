// The date check's rules (scripts/test-dates.ts): which lines read the machine's clock, and which
// function suites run at the test instant and so are run again at every instant of the matrix.
import { isDateSensitive, realClockReads } from '../../scripts/test-dates'
import { DATE_MATRIX, DEFAULT_TEST_NOW, parseInstant } from '../support/instant'

// Spelled in pieces so the date check does not find these lines in this file itself.
const NOW_CALL = ['Date', 'now()'].join('.')
const NEW_DATE = ['new Date', '()'].join('')

test('a read of the machine clock is found, with its line; a `real clock:` comment allows it', () => {
  const source = [
    'const a = t.emu.clock.now()',
    `const b = ${NOW_CALL}`,
    `const c = ${NEW_DATE}`,
    "const d = new Date('2026-05-12T09:00:00+08:00')",
    '// real clock: the emulator returns to the machine time',
    `expect(${NOW_CALL}).toBeGreaterThan(0)`,
    `const e = ${NOW_CALL} // real clock: elapsed wall time`,
  ].join('\n')
  expect(realClockReads('x.ts', source)).toEqual([
    { file: 'x.ts', line: 2, text: `const b = ${NOW_CALL}` },
    { file: 'x.ts', line: 3, text: `const c = ${NEW_DATE}` },
  ])
})

test('a suite is date-sensitive when it starts the demo at the test instant', () => {
  expect(isDateSensitive('t = await startDemoEmulator()')).toBe(true)
  expect(isDateSensitive('const at = testInstant()')).toBe(true)
  expect(isDateSensitive("t = await startDemoEmulator({ at: at('2026-05-12T09:00:00') })")).toBe(false)
})

test('the matrix names the awkward instants in Asia/Shanghai', () => {
  const shanghai = (iso: string) => new Date(parseInstant(iso) + 8 * 3_600_000).toISOString().slice(0, 16)
  expect(DATE_MATRIX.map(({ at }) => shanghai(at))).toEqual([
    '2027-03-31T23:59',
    '2026-12-31T23:59',
    '2027-01-01T00:00',
    '2028-02-29T12:00',
    '2027-04-30T23:59',
  ])
  expect(shanghai(DEFAULT_TEST_NOW)).toBe('2026-11-18T10:00')
  expect(parseInstant('1780000000000')).toBe(1_780_000_000_000)
  expect(() => parseInstant('tomorrow')).toThrow('not an instant')
})
