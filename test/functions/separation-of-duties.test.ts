// Separation of duties (职责分离): nobody awards points to themself, approves their own claim, marks their own
// attendance or designates themself to a 示范岗 — another manager of the branch or bureau staff must — and a
// claim decision is one conditional write whose loser says so: a claim shown as rejected is never left paid.
// Self-service stays: a member claims for themself.
import { as, type DemoEmulator, startDemoEmulator, withoutSeededPoints } from './helpers/demo'

let t: DemoEmulator
const NOW = new Date('2026-04-08T10:00:00+08:00').getTime()
const HOUR = 3_600_000
const SECRETARY = 'm_shiyan_01'

beforeAll(async () => {
  t = await startDemoEmulator({ at: NOW })
  await withoutSeededPoints(t)
}, 60_000)
afterAll(() => t.stop())

const ledgerOf = (memberId: string) => t.count('points_ledger', { memberId })
const sumOf = async (where: Record<string, unknown>) => {
  const res = (await t.db.collection('points_ledger').where(where).get()) as unknown as { data: { points: number }[] }
  return res.data.reduce((sum, entry) => sum + entry.points, 0)
}

describe('hand awards', () => {
  it('a secretary cannot award themself; bureau staff can', async () => {
    const award = { memberId: SECRETARY, ruleKey: 'manual_bonus', points: 2, reason: '优秀教案评比' }
    const own = await t.call(as.secretary, 'points', 'award', { ...award, requestId: 'self-1' })
    expect(own).toMatchObject({ ok: false, error: { code: 'AUTH.SELF_DEALING' } })
    expect(await ledgerOf(SECRETARY)).toBe(0)
    expect(await t.call(as.bureau, 'points', 'award', { ...award, requestId: 'self-1' })).toMatchObject({
      ok: true,
      data: { points: 2 },
    })
  })

  it('nor deduct from themself, nor can bureau staff award themself', async () => {
    const deduct = await t.call(as.secretary, 'points', 'award', {
      memberId: SECRETARY,
      ruleKey: 'manual_deduction',
      points: -1,
      reason: '自我扣分',
      requestId: 'self-2',
    })
    expect(deduct).toMatchObject({ ok: false, error: { code: 'AUTH.SELF_DEALING' } })
    const bureau = await t.call(as.bureau, 'points', 'award', {
      memberId: 'm_bureau_01',
      ruleKey: 'manual_bonus',
      points: 1,
      reason: '自我加分',
      requestId: 'self-3',
    })
    expect(bureau.ok).toBe(false)
    expect(await ledgerOf('m_bureau_01')).toBe(0)
  })

  it('the same request id for two members is two awards (the key holds the member)', async () => {
    const award = (memberId: string) =>
      t.callOk(as.secretary, 'points', 'award', {
        memberId,
        ruleKey: 'manual_bonus',
        points: 1,
        reason: '协助组织活动',
        requestId: 'shared-intent',
      })
    expect(await award('m_shiyan_04')).toMatchObject({ duplicate: false })
    expect(await award('m_shiyan_05')).toMatchObject({ duplicate: false })
    expect(await award('m_shiyan_05')).toMatchObject({ duplicate: true })
  })
})

describe('claims', () => {
  const claim = async (openid: string, note: string) =>
    t.callOk(openid, 'points', 'submitClaim', { ruleKey: 'manual_bonus', points: 1, note, photos: [] })

  it('a secretary claims for themself (self-service) but another manager decides it', async () => {
    const own = await claim(as.secretary, '在县级教学比赛中获奖')
    expect(own).toMatchObject({ memberId: SECRETARY, status: 'pending' })
    const before = await ledgerOf(SECRETARY)
    const self = await t.call(as.secretary, 'points', 'reviewClaim', { claimId: own.id, approve: true })
    expect(self).toMatchObject({ ok: false, error: { code: 'AUTH.SELF_DEALING' } })
    expect(await ledgerOf(SECRETARY)).toBe(before)
    expect(await t.count('points_claims', { _id: own.id, status: 'pending' })).toBe(1)
    expect(await t.call(as.bureau, 'points', 'reviewClaim', { claimId: own.id, approve: true })).toMatchObject({
      ok: true,
      data: { status: 'approved' },
    })
    expect(await ledgerOf(SECRETARY)).toBe(before + 1)
  })

  it('an approve racing a reject: the loser answers CLAIM_DECIDED and a rejected claim keeps no points', async () => {
    const claims = []
    for (let i = 0; i < 8; i++) claims.push(await claim(as.member, `参加社区志愿服务第${i + 1}次`))
    const replies = await Promise.all(
      claims.flatMap((c) => [
        t.call(as.secretary, 'points', 'reviewClaim', { claimId: c.id, approve: true }),
        t.call(as.bureau, 'points', 'reviewClaim', { claimId: c.id, approve: false, reason: '材料不全' }),
      ]),
    )
    for (const [i, c] of claims.entries()) {
      const [approve, reject] = [replies[2 * i], replies[2 * i + 1]]
      // Exactly one decision stands, and the other says it lost.
      expect([approve.ok, reject.ok].filter(Boolean)).toHaveLength(1)
      const loser = approve.ok ? reject : approve
      expect(loser).toMatchObject({ ok: false, error: { code: 'POINTS.CLAIM_DECIDED' } })
      const stored = await t.count('points_claims', { _id: c.id, status: approve.ok ? 'approved' : 'rejected' })
      expect(stored).toBe(1)
      expect(await sumOf({ sourceEvent: `claim:${c.id}` })).toBe(approve.ok ? 1 : 0)
    }
    const rebuilt = await t.callOk(as.bureau, 'points', 'reconcile', {})
    expect(rebuilt.drift).toEqual([])
  }, 60_000)
})

describe('attendance', () => {
  it('a secretary cannot mark their own attendance; they check in, or another manager marks it', async () => {
    const scheduled = await t.callOk(as.secretary, 'meetings', 'schedule', {
      branchId: 'org_b_shiyan',
      meeting: {
        type: 'general_meeting',
        title: '支部党员大会',
        startsAt: NOW + HOUR,
        endsAt: NOW + 3 * HOUR,
        place: '实验小学会议室',
      },
    })
    const [meetingId] = scheduled.ids
    t.emu.clock.set(NOW + HOUR)
    try {
      const own = await t.call(as.secretary, 'meetings', 'markAttendance', {
        meetingId,
        marks: [
          { memberId: 'm_shiyan_06', status: 'present' },
          { memberId: SECRETARY, status: 'present' },
        ],
      })
      expect(own).toMatchObject({ ok: false, error: { code: 'AUTH.SELF_DEALING' } })
      expect(await t.count('meeting_attendance', { meetingId })).toBe(0)
      const byBureau = await t.call(as.bureau, 'meetings', 'markAttendance', {
        meetingId,
        marks: [{ memberId: SECRETARY, status: 'present' }],
      })
      expect(byBureau).toMatchObject({ ok: true, data: { marked: 1 } })
    } finally {
      t.emu.clock.set(NOW)
    }
  })
})

describe('示范岗', () => {
  it('a secretary cannot designate themself to a post (its deeds pay points); bureau staff can', async () => {
    const post = (requestId: string) => ({
      requestId,
      memberId: SECRETARY,
      kind: 'pioneer_post' as const,
      post: '课后服务先锋岗',
      commitment: '承担课后服务延时看护，确保每天放学后安全有序。',
      from: '2026-05-01',
      to: '2026-12-31',
    })
    const own = await t.call(as.secretary, 'assessment', 'designatePost', post('self-post'))
    expect(own).toMatchObject({ ok: false, error: { code: 'AUTH.SELF_DEALING' } })
    expect(await t.count('designations', { memberId: SECRETARY, post: '课后服务先锋岗' })).toBe(0)
    expect(await t.call(as.bureau, 'assessment', 'designatePost', post('bureau-post'))).toMatchObject({ ok: true })
  })
})
