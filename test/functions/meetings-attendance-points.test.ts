import type { AttendanceStatus } from '../../types/meetings'
// Attendance corrections through the real SDK: the meetings function records the latest fact of a
// (meeting, member), the points function's settle timer reverses what the earlier fact paid, once.
import type { LedgerEntry } from '../../types/points'
import { as, type DemoEmulator, startDemoEmulator } from './helpers/demo'

let t: DemoEmulator
const at = (iso: string) => new Date(`${iso}+08:00`).getTime()
const NOW = at('2026-05-12T09:00:00')
const HOUR = 3_600_000
const MEMBER = 'm_shiyan_06'
let meetingId: string

beforeAll(async () => {
  // This month's points only: with the lived year the member's 按时参加组织生活 would be at its yearly cap by May.
  t = await startDemoEmulator({ at: NOW, history: false })
  const res = await t.call(as.secretary, 'meetings', 'schedule', {
    branchId: 'org_b_shiyan',
    meeting: {
      type: 'lecture',
      title: '党课：党的光辉历程',
      startsAt: NOW + HOUR,
      endsAt: NOW + 2 * HOUR,
      place: '会议室',
    },
  })
  if (!res.ok) throw new Error(JSON.stringify(res.error))
  meetingId = res.data.ids[0]
}, 60_000)
afterAll(() => t.stop())

const entries = async () => {
  const ids = ['present', 'late', 'absent', 'leave'].map((kind) => `meeting.${kind}:${meetingId}:${MEMBER}`)
  const res = await t.db
    .collection('points_ledger')
    .where({ memberId: MEMBER, sourceEvent: t.db.command.in(ids) })
    .get()
  return res.data as unknown as LedgerEntry[]
}
const net = async () => (await entries()).reduce((sum, entry) => sum + entry.points, 0)
const settle = async () => {
  await t.emu.fireTrigger('points', 'settle')
  await t.emu.fireTrigger('points', 'settle')
}
const mark = (status: AttendanceStatus) =>
  t.call(as.secretary, 'meetings', 'markAttendance', { meetingId, marks: [{ memberId: MEMBER, status }] })
const monthTotal = async () => {
  const res = await t.db
    .collection('points_totals')
    .where({ _id: `t_demo:m:${MEMBER}:2026-05` })
    .get()
  return (res.data[0] as { points: number } | undefined)?.points ?? 0
}

it('absent at the close, corrected to present: the deduction is reversed and the award paid once', async () => {
  const before = await monthTotal()
  t.emu.clock.set(NOW + 2 * HOUR + 60_000)
  await t.emu.fireTrigger('meetings', 'remind')
  await settle()
  expect(await net()).toBe(-2)
  t.emu.clock.set(NOW + 3 * HOUR)
  expect(await mark('present')).toMatchObject({ ok: true })
  await settle()
  expect(await net()).toBe(3)
  expect((await entries()).map((entry) => entry._id).sort()).toEqual([
    `evt:meeting.absent:${meetingId}:${MEMBER}`,
    `evt:meeting.present:${meetingId}:${MEMBER}`,
    `rev:evt:meeting.absent:${meetingId}:${MEMBER}`,
  ])
  expect(await monthTotal()).toBe(before + 3)
})

it('present corrected to absent, then back to present: each state nets right, retries pay nothing more', async () => {
  t.emu.clock.set(NOW + 4 * HOUR)
  await mark('absent')
  await settle()
  expect(await net()).toBe(-2)
  t.emu.clock.set(NOW + 5 * HOUR)
  await mark('present')
  await mark('present') // a double tap: no change, nothing recorded
  await Promise.all([settle(), t.call(as.bureau, 'points', 'processEvents', {})])
  expect(await net()).toBe(3)
  const count = (await entries()).length
  await settle()
  expect(await entries()).toHaveLength(count)
})

it('the totals kept by increments agree with a rebuild from the ledger', async () => {
  expect(await t.call(as.bureau, 'points', 'reconcile')).toMatchObject({ ok: true, data: { drift: [] } })
})
