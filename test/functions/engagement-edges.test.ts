// 志愿服务 and 结对帮扶 edges through the real SDK over the demo county: two members racing for an activity's last
// place (one gets it, the other is told it is full, the count stays true), and 结对帮扶 pairs of all three kinds
// the issue names — a member with a student, a member with a family, a branch with another branch — each with a
// visit recorded and counted on the list; a branch pair shows on both branches' lists and either side records visits.
import { as, type DemoEmulator, startDemoEmulator } from './helpers/demo'

let t: DemoEmulator
const HOUR = 3_600_000
const at = (iso: string) => new Date(`${iso}+08:00`).getTime()
const NOW = at('2026-11-18T10:00:00')
const BRANCH = 'org_b_shiyan'
const PARTNER = 'org_b_yz_high' // the 总支书记 persona is its secretary

beforeAll(async () => {
  t = await startDemoEmulator({ at: NOW })
})
afterAll(() => t.stop())

const code = (res: { ok: boolean; error?: { code: string } }) => (res.ok ? 'ok' : res.error?.code)

test('two members racing for the last place: one gets it, the other is told it is full, the count stays true', async () => {
  for (const round of [1, 2, 3]) {
    const startsAt = at('2026-11-25T09:00:00') + round * 24 * HOUR
    const { id } = await t.callOk(as.secretary, 'assessment', 'publishVolunteerActivity', {
      requestId: `r_race_${round}`,
      branchId: BRANCH,
      title: '校园周边交通劝导',
      place: '实验小学校门口',
      startsAt,
      endsAt: startsAt + 2 * HOUR,
      places: 1,
    })
    const [a, b] = await Promise.all([
      t.call(as.member, 'assessment', 'signUpVolunteer', { activityId: id }),
      t.call(as.committee, 'assessment', 'signUpVolunteer', { activityId: id }),
    ])
    expect([code(a), code(b)].sort()).toEqual(['VOLUNTEER.FULL', 'ok'])
    expect(await t.count('volunteer_signups', { activityId: id })).toBe(1)
    const activity = await t.callOk(as.secretary, 'assessment', 'getVolunteerActivity', { activityId: id })
    expect(activity.signed).toBe(1)
    expect(activity.signups).toHaveLength(1)
  }
})

test('结对帮扶 of all three kinds, each with a visit; a branch pair on both branches’ lists', async () => {
  const since = '2026-09-01'
  const pairs = [
    {
      requestId: 'r_pair_student',
      kind: 'member_student' as const,
      memberId: 'm_shiyan_06',
      partnerLabel: '三年级(2)班 小王',
    },
    {
      requestId: 'r_pair_family',
      kind: 'member_family' as const,
      memberId: 'm_shiyan_05',
      partnerLabel: '城关镇李家（留守儿童家庭）',
    },
    {
      requestId: 'r_pair_branch',
      kind: 'branch_branch' as const,
      partnerBranchId: PARTNER,
      partnerLabel: '一中高中部党支部',
    },
  ]
  const ids: string[] = []
  for (const pair of pairs) {
    const { id } = await t.callOk(as.secretary, 'assessment', 'createPair', { ...pair, branchId: BRANCH, since })
    ids.push(id)
  }
  // A branch pair names no member, a member pair no branch: refused with a code, nothing written.
  const before = await t.count('pairs', {})
  expect(
    code(
      await t.call(as.secretary, 'assessment', 'createPair', {
        requestId: 'r_pair_bad',
        branchId: BRANCH,
        kind: 'branch_branch',
        memberId: 'm_shiyan_06',
        partnerLabel: '一中高中部党支部',
        since,
      }),
    ),
  ).toBe('INPUT.INVALID')
  expect(await t.count('pairs', {})).toBe(before)

  const note = '走访了解学习生活情况，与家长交流辅导方法。'
  await t.callOk(as.member, 'assessment', 'recordPairVisit', {
    requestId: 'r_visit_student',
    pairId: ids[0],
    on: '2026-11-10',
    note,
    fileIds: [],
  })
  await t.callOk(as.secretary, 'assessment', 'recordPairVisit', {
    requestId: 'r_visit_family',
    pairId: ids[1],
    on: '2026-11-12',
    note,
    fileIds: [],
  })
  // The branch pair: the maker's secretary and the partner branch's secretary each record a visit.
  await t.callOk(as.secretary, 'assessment', 'recordPairVisit', {
    requestId: 'r_visit_branch_1',
    pairId: ids[2],
    on: '2026-10-20',
    note,
    fileIds: [],
  })
  await t.callOk(as.gbSecretary, 'assessment', 'recordPairVisit', {
    requestId: 'r_visit_branch_2',
    pairId: ids[2],
    on: '2026-11-15',
    note,
    fileIds: [],
  })
  // A plain member of neither side may not.
  expect(
    code(
      await t.call(as.committee, 'assessment', 'recordPairVisit', {
        requestId: 'r_visit_branch_3',
        pairId: ids[2],
        on: '2026-11-15',
        note,
        fileIds: [],
      }),
    ),
  ).toBe('AUTH.FORBIDDEN')

  const ours = (await t.callOk(as.secretary, 'assessment', 'listPairs', { branchId: BRANCH, year: 2026 })).items
  const row = (id: string) => ours.find((item) => item.id === id)
  expect(row(ids[0])).toMatchObject({
    kind: 'member_student',
    partner: '三年级(2)班 小王',
    visits: 1,
    lastVisitOn: '2026-11-10',
  })
  expect(row(ids[0])?.memberName).not.toBeNull()
  expect(row(ids[1])).toMatchObject({ kind: 'member_family', partner: '城关镇李家（留守儿童家庭）', visits: 1 })
  expect(row(ids[2])).toMatchObject({ kind: 'branch_branch', memberName: null, visits: 2, lastVisitOn: '2026-11-15' })
  expect(row(ids[2])?.partner).toContain('高中部')
  // The partner branch sees the same pair, named by the branch that made it, with both visits.
  const theirs = (await t.callOk(as.gbSecretary, 'assessment', 'listPairs', { branchId: PARTNER, year: 2026 })).items
  const mirrored = theirs.find((item) => item.id === ids[2])
  expect(mirrored).toMatchObject({ kind: 'branch_branch', visits: 2 })
  expect(mirrored?.partner).toContain('实验小学')
  // Member pairs stay with their branch.
  expect(theirs.some((item) => item.id === ids[0] || item.id === ids[1])).toBe(false)
})
