// The one function test, through the real SDK against the demo county: a branch's computed score
// changes when (a) a meeting of the branch gets its minutes, (b) a volunteer activity is checked in and its
// check-ins credited as hours, and (c) dues are recorded — each step through the real functions (meetings,
// assessment, lifecycle), the score read back after each, and each step moving its own indicator only.
import type { BranchScore, Scheme } from '../../types/assessment'
import { computedIndicator, indicatorOf } from '../fixtures/assessment'
import { as, type DemoEmulator, startDemoEmulator } from './helpers/demo'

let t: DemoEmulator
const HOUR = 3_600_000
const at = (iso: string) => new Date(`${iso}+08:00`).getTime()
const BRANCH = 'org_b_shiyan'
const NOW = at('2026-12-10T10:00:00')
// The demo's 实验小学 member four months behind on dues (August to November): see scripts/seed/demo-dues.ts.
const BEHIND = 'm_shiyan_08'
const VOLUNTEER = 'm_shiyan_06'

beforeAll(async () => {
  t = await startDemoEmulator({ at: NOW })
  // The branch starts with no meetings and no volunteer hours on record, so each step visibly moves its indicator.
  for (const collection of ['meetings', 'meeting_digests']) {
    await t.db.collection(collection).where({ branchId: BRANCH }).remove()
  }
  for (const collection of [
    'assessment_schemes',
    'assessment_rounds',
    'assessment_entries',
    'assessment_results',
    'volunteer_activities',
    'volunteer_signups',
    'volunteer_hours',
    'volunteer_branch_years',
  ]) {
    await t.db.collection(collection).where({ tenantId: 't_demo' }).remove()
  }
})
afterAll(() => t.stop())

const SCHEME: Scheme = {
  year: 2026,
  name: '2026年度五星支部创建考核细则',
  areas: [
    {
      key: 'life',
      name: '组织生活',
      indicators: [computedIndicator('sanhui', '三会一课', 'meetings_compliance', { method: 'ratio', target: 1 }, 20)],
    },
    {
      key: 'role',
      name: '作用发挥',
      // Ten hours a member earns full marks: one activity never fills it.
      indicators: [computedIndicator('volunteer', '志愿服务', 'volunteer_hours', { method: 'ratio', target: 10 }, 10)],
    },
    {
      key: 'base',
      name: '基础保障',
      indicators: [
        computedIndicator('dues', '按时足额交纳党费', 'dues_collection', { method: 'ratio', target: 1 }, 10),
      ],
    },
  ],
  stars: [{ stars: 5, minScore: 36 }],
}

const scoreOf = (score: BranchScore, key: string) => {
  const found = indicatorOf(score, key)
  if (found.score === null) throw new Error(`no score for ${key}`)
  return found.score
}
const view = (score: BranchScore) => ({
  sanhui: scoreOf(score, 'sanhui'),
  volunteer: scoreOf(score, 'volunteer'),
  dues: scoreOf(score, 'dues'),
  total: score.total,
})

test('a branch’s computed score rises when a meeting gets its minutes, a volunteer activity is checked in, and dues are recorded', async () => {
  await t.callOk(as.bureau, 'assessment', 'saveScheme', SCHEME)
  const { roundId } = await t.callOk(as.bureau, 'assessment', 'openRound', {
    year: 2026,
    deadline: at('2026-12-28T18:00:00'),
  })
  const read = async () =>
    view((await t.callOk(as.secretary, 'assessment', 'branchScore', { roundId, branchId: BRANCH })).score)
  const start = await read()
  expect(start.sanhui).toBe(0)
  expect(start.volunteer).toBe(0)
  expect(start.dues).toBeLessThan(10)

  // (a) A 支委会 this month, held and recorded: attendance marked, then the minutes written.
  const meetingAt = at('2026-12-11T15:00:00')
  const { ids } = await t.callOk(as.secretary, 'meetings', 'schedule', {
    branchId: BRANCH,
    scope: { kind: 'committee' },
    meeting: {
      type: 'committee_meeting',
      title: '支委会：研究年度工作总结',
      startsAt: meetingAt,
      endsAt: meetingAt + 2 * HOUR,
      place: '实验小学会议室',
    },
  })
  t.emu.clock.set(meetingAt + 3 * HOUR)
  const meeting = (await t.db.collection('meetings').doc(ids[0]).get()) as unknown as {
    data: { attendeeIds: string[] }
  }
  await t.callOk(as.secretary, 'meetings', 'markAttendance', {
    meetingId: ids[0],
    marks: meeting.data.attendeeIds
      .filter((memberId) => memberId !== 'm_shiyan_01')
      .map((memberId) => ({ memberId, status: 'present' as const })),
  })
  // Attendance alone is not the evidence 三会一课 counts: the score waits for the minutes.
  expect(await read()).toEqual(start)
  await t.callOk(as.secretary, 'meetings', 'writeMinutes', {
    meetingId: ids[0],
    text: '总结本年度支部工作，讨论明年计划。',
  })
  const afterMinutes = await read()
  expect(afterMinutes.sanhui).toBeGreaterThan(start.sanhui)
  expect(afterMinutes).toMatchObject({ volunteer: start.volunteer, dues: start.dues })
  expect(afterMinutes.total).toBeGreaterThan(start.total)

  // (b) A volunteer activity: the member signs up, checks in with the organiser's code, the check-in is credited.
  const startsAt = at('2026-12-12T09:00:00')
  const { id } = await t.callOk(as.secretary, 'assessment', 'publishVolunteerActivity', {
    requestId: 'r_score_moves_volunteer',
    branchId: BRANCH,
    title: '社区义务家教',
    place: '城关社区活动中心',
    startsAt,
    endsAt: startsAt + 3 * HOUR,
    places: 5,
  })
  await t.callOk(as.member, 'assessment', 'signUpVolunteer', { activityId: id })
  t.emu.clock.set(startsAt - 10 * 60_000)
  const { shortCode } = await t.callOk(as.secretary, 'assessment', 'volunteerCheckInCode', { activityId: id })
  await t.callOk(as.member, 'assessment', 'volunteerCheckIn', { activityId: id, shortCode })
  t.emu.clock.set(startsAt + 4 * HOUR)
  const detail = await t.callOk(as.secretary, 'assessment', 'getVolunteerActivity', { activityId: id })
  const checkedIn = detail.signups.filter((row) => row.checkedInAt !== null)
  expect(checkedIn.map((row) => row.memberId)).toEqual([VOLUNTEER])
  await t.callOk(as.secretary, 'assessment', 'recordVolunteerHours', {
    activityId: id,
    entries: checkedIn.map((row) => ({ memberId: row.memberId, hours: detail.maxHours })),
  })
  const afterVolunteer = await read()
  expect(afterVolunteer.volunteer).toBeGreaterThan(afterMinutes.volunteer)
  expect(afterVolunteer).toMatchObject({ sanhui: afterMinutes.sanhui, dues: afterMinutes.dues })
  expect(afterVolunteer.total).toBeGreaterThan(afterMinutes.total)

  // (c) Dues: the secretary records the four months the member was behind on.
  await t.callOk(as.secretary, 'lifecycle', 'recordDuesPayment', {
    requestId: 'r_score_moves_dues',
    memberId: BEHIND,
    months: ['2026-08', '2026-09', '2026-10', '2026-11'],
    method: 'cash',
    reference: '',
    paidOn: '2026-12-12',
  })
  const afterDues = await read()
  expect(afterDues.dues).toBe(10)
  expect(afterDues.dues).toBeGreaterThan(afterVolunteer.dues)
  expect(afterDues).toMatchObject({ sanhui: afterVolunteer.sanhui, volunteer: afterVolunteer.volunteer })
  expect(afterDues.total).toBeGreaterThan(afterVolunteer.total)
})
