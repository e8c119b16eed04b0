// The per-branch-year meeting digests the bureau's matrix and overview read: kept by the meetings
// function as it schedules, moves and cancels; rebuilt from the meetings by bureau staff, reporting
// drift; and what the matrix shows follows them. Real SDK against the emulator and the demo seed,
// in which 城关小学党支部 missed last month's 党小组会.
import { previousMonth } from '../../cloudfunctions/domain/bureau/rates'
import { decodeEntry } from '../../cloudfunctions/domain/meetings/digest-codec'
import { periodBounds, periodKeyOf } from '../../cloudfunctions/domain/time'
import { DEMO_TENANT_ID } from '../../scripts/seed/demo-bureau'
import type { MeetingDigestDoc } from '../../types/meeting-digest'
import type { MeetingType } from '../../types/meetings'
import { meetingDoc } from '../fixtures/meeting-doc'
import { as, type DemoEmulator, startDemoEmulator } from './helpers/demo'

const CHENGGUAN = 'org_b_chengguan'
/** The 党小组 of 城关小学 that skipped last month's 党小组会 in the seed. */
const FIRST_GROUP = 'org_b_chengguan_g1'
const HOUR = 3_600_000
let t: DemoEmulator
let now: number
let year: number
let lastMonth: string

beforeAll(async () => {
  t = await startDemoEmulator()
  now = t.emu.clock.now()
  year = Number(periodKeyOf(now, 'year'))
  lastMonth = previousMonth(periodKeyOf(now, 'month'))
}, 60_000)
afterAll(() => t.stop())

/** A stored digest with its entries read through the codec. */
async function digest(branchId: string, y: number) {
  const res = (await t.db
    .collection('meeting_digests')
    .where({ _id: `${branchId}:${y}` })
    .get()) as unknown as {
    data: MeetingDigestDoc[]
  }
  const found = res.data[0]
  if (!found) return null
  return {
    ...found,
    meetings: Object.fromEntries(Object.entries(found.meetings).map(([id, e]) => [id, decodeEntry(e)])),
  }
}

async function lastMonthCell(branchId: string) {
  const matrix = await t.callOk(as.bureau, 'bureau', 'complianceMatrix', {
    year: Number(lastMonth.slice(0, 4)),
    pageSize: 50,
  })
  return matrix.rows.find((row) => row.branchId === branchId)?.cells.find((cell) => cell.period === lastMonth)
}

const meeting = (startsAt: number, type: MeetingType = 'group_meeting') => ({
  type,
  title: '党小组会：学习党章',
  startsAt,
  endsAt: startsAt + 2 * HOUR,
  place: '城关小学会议室',
  location: null,
  hostId: null,
  noteTakerId: null,
  agenda: '',
})

test('the seeded digests agree with the seeded meetings: a rebuild finds no drift', async () => {
  for (const y of [year - 1, year]) {
    const report = await t.callOk(as.bureau, 'meetings', 'rebuildDigests', { year: y })
    expect(report.drifted).toBe(0)
  }
  const report = await t.callOk(as.bureau, 'meetings', 'rebuildDigests', { year })
  expect(report.branches).toBe(6)
  expect(report.meetings).toBeGreaterThan(0)
})

test('a 补开 scheduled by the secretary reaches the digest, and the matrix turns the missing cell late once held and recorded', async () => {
  expect((await lastMonthCell(CHENGGUAN))?.state).toBe('missing')
  const startsAt = now + HOUR
  const { ids } = await t.callOk(as.bureau, 'meetings', 'schedule', {
    branchId: CHENGGUAN,
    scope: { kind: 'group', groupId: FIRST_GROUP },
    meeting: meeting(startsAt),
    repeatMonthly: 1,
    makeUpFor: lastMonth,
  })
  const stored = await digest(CHENGGUAN, Number(periodKeyOf(startsAt, 'year')))
  expect(stored?.meetings[ids[0]]).toEqual({
    type: 'group_meeting',
    alsoCounts: [],
    startsAt,
    endsAt: startsAt + 2 * HOUR,
    status: 'scheduled',
    makeUpFor: lastMonth,
    groupId: FIRST_GROUP,
  })
  // Scheduled, not yet held: still missing.
  expect((await lastMonthCell(CHENGGUAN))?.state).toBe('missing')
  // Over, but nothing recorded: a scheduled meeting is not evidence.
  t.emu.clock.set(startsAt + 3 * HOUR)
  expect((await lastMonthCell(CHENGGUAN))?.state).toBe('missing')
  const [first] = (await t.callOk(as.bureau, 'meetings', 'get', { meetingId: ids[0] })).attendance ?? []
  await t.callOk(as.bureau, 'meetings', 'markAttendance', {
    meetingId: ids[0],
    marks: [{ memberId: first.memberId, status: 'present' }],
  })
  await t.callOk(as.bureau, 'meetings', 'writeMinutes', { meetingId: ids[0], text: '补开上月党小组会，学习党章。' })
  const cell = await lastMonthCell(CHENGGUAN)
  expect(cell?.state).toBe('late')
  expect(cell?.items).toContainEqual({
    type: 'group_meeting',
    groupName: '第一党小组',
    period: lastMonth,
    status: 'held_late',
  })
  t.emu.clock.set(now)
})

test('moving a meeting into the next year leaves a cancelled entry behind; cancelling marks it cancelled', async () => {
  const lastEvening = periodBounds(String(year)).end - 4 * HOUR // 20:00 on 31 December
  // A week before it, so it can still be booked whatever instant the suite runs at (even 31 Dec 23:59).
  t.emu.clock.set(lastEvening - 7 * 24 * HOUR)
  const { ids } = await t.callOk(as.bureau, 'meetings', 'schedule', {
    branchId: CHENGGUAN,
    scope: { kind: 'branch' },
    meeting: meeting(lastEvening, 'lecture'),
    repeatMonthly: 1,
    makeUpFor: null,
  })
  const id = ids[0]
  expect((await digest(CHENGGUAN, year))?.meetings[id]?.status).toBe('scheduled')

  const newYear = lastEvening + 24 * HOUR
  await t.callOk(as.bureau, 'meetings', 'update', { meetingId: id, meeting: meeting(newYear, 'lecture') })
  expect((await digest(CHENGGUAN, year))?.meetings[id]?.status).toBe('cancelled')
  expect((await digest(CHENGGUAN, year + 1))?.meetings[id]).toMatchObject({ startsAt: newYear, status: 'scheduled' })
  // Other meetings of the year are untouched by the patch.
  expect(Object.keys((await digest(CHENGGUAN, year))?.meetings ?? {}).length).toBeGreaterThan(1)

  await t.callOk(as.bureau, 'meetings', 'cancel', { meetingId: id, reason: '时间冲突' })
  expect((await digest(CHENGGUAN, year + 1))?.meetings[id]?.status).toBe('cancelled')
  const report = await t.callOk(as.bureau, 'meetings', 'rebuildDigests', { year: year + 1 })
  expect(report.drifted).toBe(0)
  t.emu.clock.set(now)
})

test('a meeting written behind the function’s back is drift: the rebuild counts it, reports the month it changes, and the matrix then sees it', async () => {
  const { start } = periodBounds(lastMonth)
  const heldAt = start + 10 * 24 * HOUR + 15 * HOUR
  await t.db.collection('meetings').add({
    data: meetingDoc(
      {
        _id: 'mt_behind_back',
        tenantId: DEMO_TENANT_ID,
        branchId: CHENGGUAN,
        type: 'group_meeting',
        startsAt: heldAt,
      },
      {
        title: '党小组会：学习党章',
        place: '城关小学会议室',
        scope: { kind: 'group', groupId: FIRST_GROUP },
        attendeeIds: ['m_chengguan_03'],
        minutes: { text: '学习党章第一章。', photos: [], writtenBy: 'm_chengguan_01', writtenAt: heldAt + 3 * HOUR },
      },
    ),
  })
  await t.db.collection('meeting_attendance').add({
    data: {
      _id: 'mt_behind_back:m_chengguan_03',
      tenantId: DEMO_TENANT_ID,
      meetingId: 'mt_behind_back',
      branchId: CHENGGUAN,
      memberId: 'm_chengguan_03',
      status: 'present',
      via: 'hand',
      at: heldAt,
      recordedBy: 'm_chengguan_01',
    },
  })
  // The digest does not know it yet (and the 补开 above has not happened at this hour).
  expect((await lastMonthCell(CHENGGUAN))?.state).toBe('missing')
  const report = await t.callOk(as.bureau, 'meetings', 'rebuildDigests', {
    year: Number(lastMonth.slice(0, 4)),
  })
  expect(report.drifted).toBe(1)
  expect(report.changes).toContainEqual({
    branchId: CHENGGUAN,
    branchName: '城关小学党支部',
    period: lastMonth,
    before: 'missing',
    after: 'held',
  })
  expect((await lastMonthCell(CHENGGUAN))?.state).toBe('held')
})

test('years before the bureau’s first recorded meeting are 无记录, not 未开展', async () => {
  const matrix = await t.callOk(as.bureau, 'bureau', 'complianceMatrix', { year: year - 2, pageSize: 50 })
  expect(matrix.rows).toHaveLength(6)
  for (const row of matrix.rows) {
    expect(row.missing).toBe(0)
    expect(new Set(row.cells.map((cell) => cell.state))).toEqual(new Set(['none']))
  }
  expect(matrix.totals.perPeriod.every((p) => p.missing === 0 && p.held === 0)).toBe(true)
  // The year the records begin in judges only from that month on.
  const rebuilt = await t.callOk(as.bureau, 'meetings', 'rebuildDigests', { year: year - 1 })
  if (rebuilt.meetings > 0) {
    const first = await t.callOk(as.bureau, 'bureau', 'complianceMatrix', { year: year - 1, pageSize: 50 })
    const states = first.rows[0].cells.map((cell) => cell.state)
    const judged = states.findIndex((state) => state !== 'none')
    expect(judged).toBeGreaterThan(-1)
    expect(states.slice(judged).includes('none')).toBe(false)
  }
})
