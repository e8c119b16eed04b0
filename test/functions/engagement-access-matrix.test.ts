// Every 示范岗 / 志愿服务 / 结对帮扶 action as every persona over the demo county: allowed calls answer ok, the rest are
// refused exactly (roles by the router, branches and people by the handlers) and a refusal writes nothing.
// Nobody records their own volunteer hours or another's deed.
import { as, type DemoEmulator, describeMatrix, type MatrixCase, type Persona, startDemoEmulator } from './helpers/demo'

let t: DemoEmulator
const NOW = new Date('2026-11-18T10:00:00+08:00').getTime()
const BRANCH = 'org_b_shiyan'
const COLLECTIONS = [
  'designations',
  'post_deeds',
  'volunteer_activities',
  'volunteer_signups',
  'volunteer_hours',
  'volunteer_branch_years',
  'pairs',
  'pair_visits',
  'domain_events',
]
/** The held activity's one sign-up without hours (seeded: three of four checked in and were credited). */
let uncredited: string

beforeAll(async () => {
  t = await startDemoEmulator({ at: NOW })
  const rows = (
    await t.db.collection('volunteer_signups').where({ activityId: 'va_demo_held', checkedInAt: null }).get()
  ).data as { memberId: string }[]
  expect(rows).toHaveLength(1)
  uncredited = rows[0].memberId
})
afterAll(() => t.stop())

type Outcome =
  | 'ok'
  | 'AUTH.FORBIDDEN'
  | 'AUTH.NOT_BOUND'
  | 'VOLUNTEER.NOT_OPEN_TO_YOU'
  | 'VOLUNTEER.CHECKIN_CLOSED'
  | 'VOLUNTEER.NOT_SIGNED'
  | 'POST.ENDED'
const personas = Object.keys(as) as Persona[]
const only = (allowed: Persona[], otherwise: Outcome = 'AUTH.FORBIDDEN'): Record<Persona, Outcome> =>
  Object.fromEntries(
    personas.map((p) => [p, p === 'unbound' ? 'AUTH.NOT_BOUND' : allowed.includes(p) ? 'ok' : otherwise]),
  ) as Record<Persona, Outcome>
const EVERYONE = only(['bureau', 'gbSecretary', 'secretary', 'committee', 'member', 'instructor'])
const SHIYAN = ['secretary', 'committee', 'member'] as Persona[]

const DAY = 86_400_000
const activity = (persona: Persona, branchId: string | null) => ({
  requestId: `r_act_${persona}_${branchId ?? 'all'}`,
  branchId,
  title: '社区义务家教',
  place: '城关社区活动中心',
  startsAt: NOW + 3 * DAY,
  endsAt: NOW + 3 * DAY + 2 * 3_600_000,
  places: 10,
})

/** [action, data for the call, expected outcome per persona] — bureau staff go first (personas' order). */
const cases: MatrixCase<'assessment', [expected: Record<Persona, Outcome>]>[] = [
  ['publishVolunteerActivity', (p) => activity(p, BRANCH), only(['bureau', 'secretary'])],
  ['publishVolunteerActivity', (p) => activity(p, null), only(['bureau'])],
  ['listVolunteerActivities', () => ({ page: 1, pageSize: 20 }), EVERYONE],
  [
    'getVolunteerActivity',
    () => ({ activityId: 'va_demo_soon' }),
    {
      ...only(['bureau', ...SHIYAN]),
      gbSecretary: 'VOLUNTEER.NOT_OPEN_TO_YOU',
      instructor: 'VOLUNTEER.NOT_OPEN_TO_YOU',
    },
  ],
  // A branch's activity: its own members sign up; nobody else (staff above branches belong to none).
  ['signUpVolunteer', () => ({ activityId: 'va_demo_soon' }), only(SHIYAN, 'VOLUNTEER.NOT_OPEN_TO_YOU')],
  // The bureau's activity: open to everyone.
  ['signUpVolunteer', () => ({ activityId: 'va_demo_county' }), EVERYONE],
  [
    'volunteerCheckInCode',
    () => ({ activityId: 'va_demo_soon' }),
    { ...only([]), bureau: 'VOLUNTEER.CHECKIN_CLOSED', secretary: 'VOLUNTEER.CHECKIN_CLOSED' },
  ],
  [
    'volunteerCheckIn',
    () => ({ activityId: 'va_demo_soon', shortCode: '123456' }),
    {
      ...only([], 'VOLUNTEER.NOT_SIGNED'),
      secretary: 'VOLUNTEER.CHECKIN_CLOSED',
      committee: 'VOLUNTEER.CHECKIN_CLOSED',
      member: 'VOLUNTEER.CHECKIN_CLOSED',
    },
  ],
  // Hours of the branch's held activity: whoever manages the branch (the retry credits nothing more).
  [
    'recordVolunteerHours',
    () => ({ activityId: 'va_demo_held', entries: [{ memberId: uncredited, hours: 1.5 }] }),
    only(['bureau', 'secretary']),
  ],
  ['myVolunteerHours', () => ({ year: 2026 }), EVERYONE],
  [
    'designatePost',
    (p) => ({
      requestId: `r_post_${p}`,
      memberId: 'm_shiyan_05',
      kind: 'pioneer_post' as const,
      post: '课后服务先锋岗',
      commitment: '承担课后服务延时看护，确保每天放学后安全有序。',
      // Each allowed caller a period of their own: one post of a kind at a time.
      from: p === 'bureau' ? '2027-01-01' : '2027-04-01',
      to: p === 'bureau' ? '2027-03-01' : '2027-06-01',
    }),
    only(['bureau', 'secretary']),
  ],
  [
    'endDesignation',
    () => ({ designationId: 'dsg_demo_1', on: '2026-11-18' }),
    { ...only(['bureau']), secretary: 'POST.ENDED' },
  ],
  ['listDesignations', () => ({ branchId: BRANCH, asOf: null }), only(['bureau', ...SHIYAN])],
  ['listDesignations', () => ({ branchId: null, asOf: null }), EVERYONE],
  // Only the designated member (m_shiyan_06) records their deeds: not their secretary, not bureau staff.
  [
    'recordDeed',
    (p) => ({
      requestId: `r_deed_${p}`,
      designationId: 'dsg_demo_3',
      on: '2026-11-18',
      text: '早晨在校门口劝导家长车辆有序停放。',
      fileIds: [],
    }),
    only(['member']),
  ],
  [
    'createPair',
    (p) => ({
      requestId: `r_pair_${p}`,
      branchId: BRANCH,
      kind: 'member_student' as const,
      memberId: 'm_shiyan_05',
      partnerLabel: '五年级(2)班 小林',
      since: '2026-11-01',
    }),
    only(['bureau', 'secretary']),
  ],
  // The pair's member (m_shiyan_06) or a manager of the branch.
  [
    'recordPairVisit',
    (p) => ({
      requestId: `r_visit_${p}`,
      pairId: 'pair_demo_1',
      on: '2026-11-18',
      note: '课后辅导小周语文阅读，与家长沟通。',
      fileIds: [],
    }),
    only(['bureau', 'secretary', 'member']),
  ],
  ['listPairs', () => ({ branchId: BRANCH, year: 2026 }), only(['bureau', ...SHIYAN])],
  // The branch pair 实验小学 ↔ 山区学校联合支部: whoever manages either branch records a visit (the instructor
  // assigned to 山区 reads it, manages nothing); 山区's list shows it to those who read 山区.
  [
    'recordPairVisit',
    (p) => ({
      requestId: `r_visit_branch_${p}`,
      pairId: 'pair_demo_2',
      on: '2026-11-18',
      note: '到山区学校联合支部开展送教活动，座谈交流。',
      fileIds: [],
    }),
    only(['bureau', 'secretary']),
  ],
  ['listPairs', () => ({ branchId: 'org_b_shanqu', year: 2026 }), only(['bureau', 'instructor'])],
]

async function snapshot(): Promise<string> {
  const all = await Promise.all(
    COLLECTIONS.map(async (name) => ((await t.db.collection(name).where({}).get()) as { data: unknown[] }).data),
  )
  return JSON.stringify(all)
}

describeMatrix(() => t, 'assessment', cases, snapshot)

test('the held activity’s hours were credited once, whoever asked first', async () => {
  expect(await t.count('volunteer_hours', { activityId: 'va_demo_held', memberId: uncredited })).toBe(1)
  expect(await t.count('domain_events', { kind: 'volunteer.hours', memberId: uncredited })).toBe(1)
})

test('bad input is coded in Chinese and writes nothing', async () => {
  const before = await snapshot()
  const base = activity('secretary', BRANCH)
  const bad: [string, unknown, string][] = [
    ['publishVolunteerActivity', { ...base, endsAt: base.startsAt - 1 }, '结束时间应晚于开始时间'],
    ['publishVolunteerActivity', { ...base, places: 0 }, '名额至少1人'],
    ['volunteerCheckIn', { activityId: 'va_demo_soon', shortCode: '12ab' }, '请输入6位签到码'],
    [
      'recordVolunteerHours',
      { activityId: 'va_demo_held', entries: [{ memberId: uncredited, hours: 1.2 }] },
      '时长以半小时计',
    ],
    [
      'designatePost',
      {
        requestId: 'r_bad_post',
        memberId: 'm_shiyan_05',
        kind: 'model_post',
        post: '示范岗',
        commitment: '好好干',
        from: '2026-12-01',
        to: '2027-06-01',
      },
      '承诺不少于10个字',
    ],
    [
      'createPair',
      {
        requestId: 'r_bad_pair',
        branchId: BRANCH,
        kind: 'member_family',
        memberId: 'm_shiyan_05',
        partnerLabel: '城关镇幸福路12号3单元401室张某某一家及其在外务工的父母和爷爷奶奶',
        since: '2026-11-01',
      },
      '结对对象只需简称',
    ],
  ]
  for (const [action, input, message] of bad) {
    const res = await t.callUnchecked(as.secretary, 'assessment', action, input)
    expect([action, res.ok ? 'ok' : res.error.code]).toEqual([action, 'INPUT.INVALID'])
    expect(JSON.stringify(res.ok ? null : res.error.details)).toContain(message)
  }
  // The secretary's own hours: refused however the entry is sent, nothing written.
  const own = await t.call(as.secretary, 'assessment', 'recordVolunteerHours', {
    activityId: 'va_demo_held',
    entries: [{ memberId: 'm_shiyan_01', hours: 1 }],
  })
  expect(own.ok ? 'ok' : own.error.code).toBe('VOLUNTEER.OWN_HOURS')
  expect(await snapshot()).toBe(before)
})
