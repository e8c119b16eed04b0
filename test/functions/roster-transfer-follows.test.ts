// 组织关系转接 within the county (roster.transferMember) and what follows the member, through the real SDK:
// meeting invitations not yet started (the old branch's withdrawn, the new branch's and new 党小组's
// given), the reminders that ride on them (the remind timer tells them of the new branch's meeting and not
// the old one's), and study targets (the new branch's tasks become theirs, the old branch's drop away).
import { as, type DemoEmulator, startDemoEmulator } from './helpers/demo'

let t: DemoEmulator
const at = (iso: string) => new Date(`${iso}+08:00`).getTime()
const NOW = at('2026-05-12T09:00:00')
const HOUR = 3_600_000
const SHIYAN = 'org_b_shiyan'
const CHENGGUAN = 'org_b_chengguan'
const CG_GROUP = 'org_b_chengguan_g1'
const MOVING = 'm_shiyan_08'
const MOVING_OPENID = 'o_demo_m_shiyan_08'
const REMINDER_TEMPLATE = 'tmpl_meeting_reminder'

beforeAll(async () => {
  t = await startDemoEmulator({ at: NOW })
})
afterAll(() => t.stop())

const schedule = async (openid: string, branchId: string, title: string, scope: Record<string, unknown>) => {
  const startsAt = NOW + 30 * HOUR
  const { ids } = await t.callOk(openid, 'meetings', 'schedule', {
    branchId,
    scope: scope as { kind: 'branch' },
    meeting: { type: 'general_meeting', title, startsAt, endsAt: startsAt + HOUR, place: '会议室' },
  })
  return ids[0]
}
const publish = async (openid: string, title: string, branchIds: string[] | null) => {
  const task = await t.callOk(openid, 'study', 'publishTask', {
    title,
    content: { text: '请认真学习' },
    startsOn: '2026-05-11',
    dueOn: '2026-05-20',
    branchIds,
  })
  return task.id
}
const myOpenTaskIds = async () =>
  (await t.callOk(MOVING_OPENID, 'study', 'myTasks', { status: 'open', pageSize: 50 })).items.map((task) => task.id)
const upcomingIds = async () =>
  (await t.callOk(MOVING_OPENID, 'meetings', 'listMine', { when: 'upcoming', pageSize: 50 })).items.map((m) => m.id)
const remindersTo = async (meetingId: string) =>
  (await t.emu.outbox()).filter(
    (entry) =>
      entry.apiName === 'subscribeMessage.send' &&
      entry.params.touser === MOVING_OPENID &&
      String(entry.params.page).includes(meetingId),
  )

it('moves future meeting invitations, their reminders and study targets to the new branch', async () => {
  const oldMeeting = await schedule(as.secretary, SHIYAN, '实验小学支部党员大会', { kind: 'branch' })
  const newMeeting = await schedule(as.bureau, CHENGGUAN, '城关小学支部党员大会', { kind: 'branch' })
  const oldTask = await publish(as.secretary, '实验小学：学习党章', [SHIYAN])
  const newTask = await publish(as.bureau, '城关小学：学习条例', [CHENGGUAN])
  // Before: invited to and studying with their own branch only.
  expect(await upcomingIds()).toContain(oldMeeting)
  expect(await upcomingIds()).not.toContain(newMeeting)
  expect(await myOpenTaskIds()).toEqual(expect.arrayContaining([oldTask]))
  expect(await myOpenTaskIds()).not.toContain(newTask)
  // They accept reminders (one credit each use); two are enough for either meeting.
  for (let i = 0; i < 2; i++) {
    await t.callOk(MOVING_OPENID, 'meetings', 'subscribe', { templateIds: [REMINDER_TEMPLATE] })
  }

  await t.callOk(as.secretary, 'roster', 'transferMember', {
    memberId: MOVING,
    toBranchId: CHENGGUAN,
    toGroupId: CG_GROUP,
  })

  const upcoming = await upcomingIds()
  expect(upcoming).toContain(newMeeting)
  expect(upcoming).not.toContain(oldMeeting)
  const tasks = await myOpenTaskIds()
  expect(tasks).toContain(newTask)
  expect(tasks).not.toContain(oldTask)

  // 24 hours before, the remind timer tells them of the new branch's meeting, not the old one's.
  t.emu.clock.set(NOW + 7 * HOUR)
  await t.emu.fireTrigger('meetings', 'remind')
  expect(await remindersTo(newMeeting)).toHaveLength(1)
  expect(await remindersTo(oldMeeting)).toHaveLength(0)
})
