// The demo bureau's lived year (scripts/seed/demo-meetings.ts), read back through the bureau's own
// actions: twelve months of 三会一课 held with minutes, most branches on time every month, 城关小学
// lagging (党小组会 missed last month, five and eight months ago), 山区联合支部's missed 集中学习
// seven months ago made up (补开) the month after. The same instant seeds the same year.
import { periodBounds, periodKeyOf } from '../../cloudfunctions/domain/time'
import { demoBureau } from '../../scripts/seed/demo-bureau'
import { demoMeetings } from '../../scripts/seed/demo-meetings'
import { as, type DemoEmulator, startDemoEmulator } from './helpers/demo'

let t: DemoEmulator
let now: number
beforeAll(async () => {
  t = await startDemoEmulator()
  now = t.emu.clock.now()
}, 60_000)
afterAll(() => t.stop())

/** The month `monthsAgo` months before the emulator's: '2026-04' for 7 months before November 2026. */
function monthsAgo(n: number): string {
  let key = periodKeyOf(now, 'month')
  for (let i = 0; i < n; i++) key = periodKeyOf(periodBounds(key).start - 1, 'month')
  return key
}

const cell = (branchId: string, period: string) => t.callOk(as.bureau, 'bureau', 'cellDetail', { branchId, period })

test('every month of the past year: 实验小学 held its four monthly meetings, each with minutes', async () => {
  for (let n = 1; n <= 11; n++) {
    const detail = await cell('org_b_shiyan', monthsAgo(n))
    expect({ period: detail.period, state: detail.state }).toEqual({ period: monthsAgo(n), state: 'held' })
    expect(detail.meetings.length).toBeGreaterThanOrEqual(4)
    expect(detail.meetings.every((meeting) => meeting.minutes !== null && meeting.attended > 0)).toBe(true)
  }
})

test('城关小学 lags: its 党小组会 missing last month, five and eight months ago, held in the others', async () => {
  const missing: number[] = []
  for (let n = 1; n <= 11; n++) {
    const detail = await cell('org_b_chengguan', monthsAgo(n))
    if (detail.state === 'missing') {
      expect(detail.items).toContainEqual(expect.objectContaining({ type: 'group_meeting', status: 'missing' }))
      missing.push(n)
    } else expect(detail.state).toBe('held')
  }
  expect(missing).toEqual([1, 5, 8])
})

test('山区联合支部 made up (补开) the 集中学习 it missed seven months ago: that month reads as late', async () => {
  const detail = await cell('org_b_shanqu', monthsAgo(7))
  expect(detail.state).toBe('late')
  expect(detail.items).toContainEqual(expect.objectContaining({ type: 'study', status: 'held_late' }))
  expect((await cell('org_b_shanqu', monthsAgo(6))).state).toBe('held')
})

test('the overview’s trend has a figure for every finished month of the year, last month 5 of 6 branches', async () => {
  const overview = await t.callOk(as.bureau, 'bureau', 'overview', {})
  // The running month is left out of the completion line (进行中, never 滞后).
  expect(overview.trend.map((point) => point.compliance === null)).toEqual([...Array(11).fill(false), true])
  expect(overview.trend[10].compliance).toBeCloseTo(5 / 6, 3)
})

test('the same instant seeds the same year', () => {
  expect(demoMeetings(demoBureau(now), now)).toEqual(demoMeetings(demoBureau(now), now))
})
