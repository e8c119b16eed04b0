// A branch merged into another (or closed with its members sent to another) moves every member as one
// 组织关系转接 does, on the demo county at 2026-12-10 10:00: they leave the old branch's meetings not yet
// begun and are invited to the new branch's, and both branches' 党费 figures follow at once (December is
// the new branch's, the months before stay with the old one). A 党小组 merged moves its members' 党小组会 too.
import { as, type DemoEmulator, startDemoEmulator } from './helpers/demo'

let t: DemoEmulator
const NOW = new Date('2026-12-10T10:00:00+08:00').getTime()
beforeAll(async () => {
  t = await startDemoEmulator({ at: NOW })
})
afterAll(() => t.stop())

const FROM = 'org_b_shiyan'
const INTO = 'org_b_chengguan'
const CHENGGUAN_SECRETARY = 'o_demo_m_chengguan_01'
const MOVER = 'm_shiyan_06'
const HOUR = 3_600_000

async function branchMeeting(openid: string, branchId: string, title: string) {
  const startsAt = new Date('2026-12-18T15:00:00+08:00').getTime()
  const { ids } = await t.callOk(openid, 'meetings', 'schedule', {
    branchId,
    scope: { kind: 'branch' },
    meeting: { type: 'lecture', title, startsAt, endsAt: startsAt + HOUR, place: '会议室' },
  })
  return ids[0]
}
const attendees = async (meetingId: string) =>
  ((await t.db.collection('meetings').doc(meetingId).get()).data as { attendeeIds: string[] }).attendeeIds

test('merging 低年级党小组 into 高年级: its members leave its 党小组会 and join the other group’s', async () => {
  const at = new Date('2026-12-17T15:00:00+08:00').getTime()
  const groupMeeting = async (groupId: string, title: string) =>
    (
      await t.callOk(as.secretary, 'meetings', 'schedule', {
        branchId: FROM,
        scope: { kind: 'group', groupId },
        meeting: { type: 'group_meeting', title, startsAt: at, endsAt: at + HOUR, place: '会议室' },
      })
    ).ids[0]
  const low = await groupMeeting('org_b_shiyan_g1', '党小组会：低年级')
  const high = await groupMeeting('org_b_shiyan_g2', '党小组会：高年级')
  const lowMember = (await attendees(low)).find((id) => id !== 'm_shiyan_01') as string
  expect(await attendees(high)).not.toContain(lowMember)

  await t.callOk(as.secretary, 'roster', 'mergeOrg', { orgId: 'org_b_shiyan_g1', intoId: 'org_b_shiyan_g2' })
  expect(await attendees(low)).not.toContain(lowMember)
  expect(await attendees(high)).toContain(lowMember)
})

test('merging 实验小学 into 城关: its members leave its meetings, join 城关’s, and 党费 figures follow', async () => {
  const own = await branchMeeting(as.secretary, FROM, '党课：实验小学')
  const theirs = await branchMeeting(CHENGGUAN_SECRETARY, INTO, '党课：城关')
  expect(await attendees(own)).toContain(MOVER)
  expect(await attendees(theirs)).not.toContain(MOVER)

  // The stored branch-months the bureau's 党费收缴率 reads (a closed branch leaves the bureau's list, its months stay).
  const month = async (branchId: string, key: string) =>
    ((await t.db.collection('dues_branch_months').doc(`${branchId}:${key}`).get()).data as { owedMonths: number })
      .owedMonths
  const figures = async () => ({
    from: { nov: await month(FROM, '2026-11'), dec: await month(FROM, '2026-12') },
    into: { nov: await month(INTO, '2026-11'), dec: await month(INTO, '2026-12') },
  })
  const before = await figures()
  expect(before.from.dec).toBeGreaterThan(0)

  const moving = await t.count('members', { branchId: FROM, status: 'active' })
  const merged = await t.callOk(as.bureau, 'roster', 'mergeOrg', { orgId: FROM, intoId: INTO })
  expect(merged.movedMembers).toBe(moving)

  // The meetings: out of the old branch's, into the new one's.
  expect(await attendees(own)).not.toContain(MOVER)
  expect(await attendees(theirs)).toContain(MOVER)
  // 党费: December is now 城关's for everyone who moved; November and before stay where they were owed.
  const after = await figures()
  expect(after.into.dec).toBe(before.into.dec + before.from.dec)
  expect(after.from.dec).toBe(0)
  expect([after.from.nov, after.into.nov]).toEqual([before.from.nov, before.into.nov])
})
