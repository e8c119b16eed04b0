// 志愿服务, 党员示范岗 and 结对帮扶 through the real SDK: a branch's computed score moves when a volunteer activity's
// check-ins are credited as hours; hours pay the points rule once; sign-up, check-in and hours refuse bad input with
// a code and write nothing; retried creates answer the same document.
import type { Scheme } from '../../types/assessment'
import { indicatorOf as indicator } from '../fixtures/assessment'
import { as, type DemoEmulator, startDemoEmulator } from './helpers/demo'

let t: DemoEmulator
const HOUR = 3_600_000
const at = (iso: string) => new Date(`${iso}+08:00`).getTime()
const BRANCH = 'org_b_shiyan'
const NOW = at('2026-11-18T10:00:00')
const MEMBER = 'm_shiyan_06'

beforeAll(async () => {
  t = await startDemoEmulator({ at: NOW })
  for (const collection of ['assessment_schemes', 'assessment_rounds', 'assessment_entries', 'assessment_results']) {
    await t.db.collection(collection).where({ tenantId: 't_demo' }).remove()
  }
  // The demo's own activities, hours and posts make way: the figures below count from nothing.
  for (const collection of [
    'volunteer_activities',
    'volunteer_signups',
    'volunteer_hours',
    'volunteer_branch_years',
    'designations',
  ]) {
    await t.db.collection(collection).where({ tenantId: 't_demo' }).remove()
  }
})
afterAll(() => t.stop())

const code = (res: { ok: boolean; error?: { code: string } }) => (res.ok ? 'ok' : res.error?.code)

const SCHEME: Scheme = {
  year: 2026,
  name: '2026年度五星支部创建考核细则',
  areas: [
    {
      key: 'role',
      name: '作用发挥',
      indicators: [
        {
          key: 'volunteer',
          name: '志愿服务',
          kind: 'computed',
          source: 'volunteer_hours',
          // Two hours a member earns full marks.
          scoring: { method: 'ratio', target: 2 },
          maxScore: 10,
          guidance: '',
        },
        {
          key: 'posts',
          name: '设岗定责',
          kind: 'computed',
          source: 'model_posts',
          scoring: { method: 'per_unit', points: 2 },
          maxScore: 10,
          guidance: '',
        },
      ],
    },
  ],
  stars: [{ stars: 5, minScore: 18 }],
}

const STARTS = at('2026-11-21T09:00:00')
const ACTIVITY = {
  requestId: 'r_volunteer_1',
  branchId: BRANCH,
  title: '社区义务家教',
  place: '城关社区活动中心',
  startsAt: STARTS,
  endsAt: STARTS + 3 * HOUR,
  places: 2,
}

test("a branch's volunteer figure rises when an activity's check-ins are credited, and the hours pay points once", async () => {
  await t.callOk(as.bureau, 'assessment', 'saveScheme', SCHEME)
  const { roundId } = await t.callOk(as.bureau, 'assessment', 'openRound', {
    year: 2026,
    deadline: at('2026-12-20T18:00:00'),
  })
  const before = await t.callOk(as.secretary, 'assessment', 'branchScore', { roundId, branchId: BRANCH })
  expect(indicator(before.score, 'volunteer').figure?.numerator).toBe(0)
  expect(indicator(before.score, 'volunteer').score).toBe(0)

  // Published twice with the same request id (a retry): one activity.
  const { id } = await t.callOk(as.secretary, 'assessment', 'publishVolunteerActivity', ACTIVITY)
  expect(await t.callOk(as.secretary, 'assessment', 'publishVolunteerActivity', ACTIVITY)).toEqual({ id })
  expect(await t.count('volunteer_activities', { tenantId: 't_demo' })).toBe(1)

  // The member signs up (twice: the retry keeps one place), the committee member takes the last place.
  expect(await t.callOk(as.member, 'assessment', 'signUpVolunteer', { activityId: id })).toEqual({
    signed: true,
    placesLeft: 1,
  })
  expect(await t.callOk(as.member, 'assessment', 'signUpVolunteer', { activityId: id })).toEqual({
    signed: true,
    placesLeft: 1,
  })
  await t.callOk(as.committee, 'assessment', 'signUpVolunteer', { activityId: id })
  // Full: the secretary is refused with a code and nothing is written.
  expect(code(await t.call(as.secretary, 'assessment', 'signUpVolunteer', { activityId: id }))).toBe('VOLUNTEER.FULL')
  expect(await t.count('volunteer_signups', { activityId: id })).toBe(2)
  // The committee member gives the place back; the secretary takes it.
  expect(await t.callOk(as.committee, 'assessment', 'signUpVolunteer', { activityId: id, cancel: true })).toEqual({
    signed: false,
    placesLeft: 1,
  })
  await t.callOk(as.secretary, 'assessment', 'signUpVolunteer', { activityId: id })
  expect((await t.callOk(as.member, 'assessment', 'getVolunteerActivity', { activityId: id })).signed).toBe(2)

  // Check-in: not before its window, never with a wrong code, once with the organiser's current code.
  expect(code(await t.call(as.secretary, 'assessment', 'volunteerCheckInCode', { activityId: id }))).toBe(
    'VOLUNTEER.CHECKIN_CLOSED',
  )
  t.emu.clock.set(STARTS - 10 * 60_000)
  const { shortCode } = await t.callOk(as.secretary, 'assessment', 'volunteerCheckInCode', { activityId: id })
  expect(code(await t.call(as.member, 'assessment', 'volunteerCheckInCode', { activityId: id }))).toBe('AUTH.FORBIDDEN')
  const wrong = shortCode === '000000' ? '000001' : '000000'
  expect(code(await t.call(as.member, 'assessment', 'volunteerCheckIn', { activityId: id, shortCode: wrong }))).toBe(
    'VOLUNTEER.CODE_INVALID',
  )
  // The committee member gave their place back: no check-in for them.
  expect(code(await t.call(as.committee, 'assessment', 'volunteerCheckIn', { activityId: id, shortCode }))).toBe(
    'VOLUNTEER.NOT_SIGNED',
  )
  const first = await t.callOk(as.member, 'assessment', 'volunteerCheckIn', { activityId: id, shortCode })
  expect(first).toEqual({ checkedInAt: STARTS - 10 * 60_000, first: true })
  expect((await t.callOk(as.member, 'assessment', 'volunteerCheckIn', { activityId: id, shortCode })).first).toBe(false)

  // Hours: not before the end; never more than the activity lasted; never the organiser's own.
  const entries = [{ memberId: MEMBER, hours: 3 }]
  expect(code(await t.call(as.secretary, 'assessment', 'recordVolunteerHours', { activityId: id, entries }))).toBe(
    'VOLUNTEER.NOT_ENDED',
  )
  t.emu.clock.set(STARTS + 4 * HOUR)
  expect(
    code(
      await t.call(as.secretary, 'assessment', 'recordVolunteerHours', {
        activityId: id,
        entries: [{ memberId: MEMBER, hours: 3.5 }],
      }),
    ),
  ).toBe('VOLUNTEER.HOURS_OVER_LENGTH')
  expect(
    code(
      await t.call(as.secretary, 'assessment', 'recordVolunteerHours', {
        activityId: id,
        entries: [...entries, { memberId: 'm_shiyan_01', hours: 3 }],
      }),
    ),
  ).toBe('VOLUNTEER.OWN_HOURS')
  expect(
    code(
      await t.call(as.secretary, 'assessment', 'recordVolunteerHours', {
        activityId: id,
        entries: [{ memberId: MEMBER, hours: 1.2 }],
      }),
    ),
  ).toBe('INPUT.INVALID')
  expect(await t.count('volunteer_hours', { activityId: id })).toBe(0)
  expect(await t.count('domain_events', { kind: 'volunteer.hours' })).toBe(0)

  const credited = await t.callOk(as.secretary, 'assessment', 'recordVolunteerHours', { activityId: id, entries })
  expect(credited).toEqual({ credited: 1, alreadyCredited: 0 })
  // A retry credits nothing more and pays nothing more.
  expect(await t.callOk(as.secretary, 'assessment', 'recordVolunteerHours', { activityId: id, entries })).toEqual({
    credited: 0,
    alreadyCredited: 1,
  })
  const ledger = (await t.db.collection('points_ledger').where({ memberId: MEMBER, ruleKey: 'volunteer_hours' }).get())
    .data as { points: number }[]
  // The default rule pays 1 point an hour: 3 hours, 3 points, once.
  expect(ledger.map((entry) => entry.points)).toEqual([3])

  const mine = await t.callOk(as.member, 'assessment', 'myVolunteerHours', { year: 2026 })
  expect(mine.hours).toBe(3)
  expect(mine.items).toEqual([{ activityId: id, title: '社区义务家教', on: '2026-11-21', hours: 3 }])

  const after = await t.callOk(as.secretary, 'assessment', 'branchScore', { roundId, branchId: BRANCH })
  const volunteer = indicator(after.score, 'volunteer')
  expect(volunteer.figure?.numerator).toBe(3)
  expect(volunteer.figure?.text).toMatch(/志愿服务共 3 小时/)
  expect(volunteer.score).toBeGreaterThan(0)
  expect(after.score.total).toBeGreaterThan(before.score.total)
})

test('a designation feeds 设岗定责 and its deeds pay points once; only the designated member records them', async () => {
  const roundId = 't_demo_2026'
  const before = await t.callOk(as.secretary, 'assessment', 'branchScore', { roundId, branchId: BRANCH })
  const post = {
    requestId: 'r_post_1',
    memberId: MEMBER,
    kind: 'model_post' as const,
    post: '校门口文明劝导岗',
    commitment: '每周一、三早晨在校门口文明劝导，守护学生上学安全。',
    from: '2026-09-01',
    to: '2027-07-31',
  }
  const { id } = await t.callOk(as.secretary, 'assessment', 'designatePost', post)
  expect(await t.callOk(as.secretary, 'assessment', 'designatePost', post)).toEqual({ id })
  // A second 示范岗 overlapping the first is refused; a 先锋岗 beside it is not.
  expect(
    code(
      await t.call(as.secretary, 'assessment', 'designatePost', { ...post, requestId: 'r_post_2', from: '2026-12-01' }),
    ),
  ).toBe('POST.OVERLAP')
  expect(await t.count('designations', { memberId: MEMBER })).toBe(1)

  // It shows on the member's page and the branch's.
  const own = await t.callOk(as.member, 'assessment', 'listDesignations', { branchId: null, asOf: null })
  expect(own.items.map((item) => item.post)).toEqual(['校门口文明劝导岗'])
  const branch = await t.callOk(as.committee, 'assessment', 'listDesignations', { branchId: BRANCH, asOf: null })
  expect(branch.items.map((item) => item.memberId)).toContain(MEMBER)

  const deed = {
    requestId: 'r_deed_1',
    designationId: id,
    on: '2026-11-20',
    text: '早晨在校门口劝导家长车辆有序停放。',
    fileIds: [],
  }
  // Someone else may not record the member's deed; a day in the future or before the post is refused.
  expect(code(await t.call(as.secretary, 'assessment', 'recordDeed', deed))).toBe('AUTH.FORBIDDEN')
  expect(code(await t.call(as.member, 'assessment', 'recordDeed', { ...deed, on: '2026-11-22' }))).toBe(
    'DATE.IN_FUTURE',
  )
  expect(code(await t.call(as.member, 'assessment', 'recordDeed', { ...deed, on: '2026-08-01' }))).toBe(
    'POST.NOT_IN_FORCE',
  )
  expect(await t.count('post_deeds', { designationId: id })).toBe(0)
  await t.callOk(as.member, 'assessment', 'recordDeed', deed)
  await t.callOk(as.member, 'assessment', 'recordDeed', deed)
  expect(await t.count('post_deeds', { designationId: id })).toBe(1)
  const paid = (await t.db.collection('points_ledger').where({ memberId: MEMBER, ruleKey: 'post_deed' }).get())
    .data as { points: number }[]
  expect(paid.map((entry) => entry.points)).toEqual([1])

  const after = await t.callOk(as.secretary, 'assessment', 'branchScore', { roundId, branchId: BRANCH })
  expect(indicator(after.score, 'posts').figure?.numerator).toBe(
    (indicator(before.score, 'posts').figure?.numerator ?? 0) + 1,
  )
})

test('结对帮扶: a pair with a student by a short label; visits by the pair’s member or a manager, nobody else', async () => {
  const pair = {
    requestId: 'r_pair_1',
    branchId: BRANCH,
    kind: 'member_student' as const,
    memberId: MEMBER,
    partnerLabel: '四年级(1)班 小吴',
    since: '2026-09-01',
  }
  const { id } = await t.callOk(as.secretary, 'assessment', 'createPair', pair)
  expect(await t.callOk(as.secretary, 'assessment', 'createPair', pair)).toEqual({ id })
  // A student pair needs a member; a branch pair another branch, not a member.
  expect(
    code(await t.call(as.secretary, 'assessment', 'createPair', { ...pair, requestId: 'r_pair_2', memberId: null })),
  ).toBe('INPUT.INVALID')
  expect(
    code(
      await t.call(as.secretary, 'assessment', 'createPair', { ...pair, requestId: 'r_pair_3', since: '2026-11-30' }),
    ),
  ).toBe('DATE.IN_FUTURE')
  expect(await t.count('pairs', { branchId: BRANCH, partnerLabel: '四年级(1)班 小吴' })).toBe(1)

  const visit = {
    requestId: 'r_visit_1',
    pairId: id,
    on: '2026-11-17',
    note: '家访小吴，了解作业完成情况。',
    fileIds: [],
  }
  expect(code(await t.call(as.committee, 'assessment', 'recordPairVisit', visit))).toBe('AUTH.FORBIDDEN')
  await t.callOk(as.member, 'assessment', 'recordPairVisit', visit)
  await t.callOk(as.secretary, 'assessment', 'recordPairVisit', { ...visit, requestId: 'r_visit_2', on: '2026-11-20' })

  // The member sees their own pairs; the committee member the branch's.
  const mine = await t.callOk(as.member, 'assessment', 'listPairs', { branchId: BRANCH, year: 2026 })
  expect(mine.items.every((item) => item.memberName !== null)).toBe(true)
  const row = mine.items.find((item) => item.id === id)
  expect(row).toMatchObject({ partner: '四年级(1)班 小吴', visits: 2, lastVisitOn: '2026-11-20' })
  const all = await t.callOk(as.committee, 'assessment', 'listPairs', { branchId: BRANCH, year: 2026 })
  expect(all.items.length).toBeGreaterThan(mine.items.length)
})
