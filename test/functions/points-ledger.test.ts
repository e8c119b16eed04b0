// The points function through the real SDK: hand awards with caps and reasons, the ledger as the
// once-only gate under concurrency, domain events paid once, totals, ranks, claims, rules, reconcile.
import { as, type DemoEmulator, startDemoEmulator, withoutSeededPoints } from './helpers/demo'

let t: DemoEmulator
const APRIL_8 = new Date('2026-04-08T10:00:00+08:00').getTime()
beforeAll(async () => {
  t = await startDemoEmulator({ at: APRIL_8 })
  await withoutSeededPoints(t) // these tests count from an empty ledger and task list
})
afterAll(() => t.stop())

const total = async (id: string) => {
  const res = (await t.db.collection('points_totals').where({ _id: id }).get()) as unknown as {
    data: { points: number; entries: number }[]
  }
  return res.data[0] ?? null
}

describe('hand awards', () => {
  it('a secretary records volunteer service with a reason; the member sees it with the reason', async () => {
    const res = await t.call(as.secretary, 'points', 'award', {
      memberId: 'm_shiyan_06',
      ruleKey: 'volunteer',
      points: 3,
      reason: '周末社区义务辅导',
      requestId: 'volunteer-1',
    })
    expect(res).toMatchObject({ ok: true, data: { points: 3, total: 3, duplicate: false } })
    const mine = await t.call(as.member, 'points', 'myPoints', { period: 'month' })
    expect(mine).toMatchObject({ ok: true, data: { points: 3, history: [{ reason: '周末社区义务辅导', points: 3 }] } })
  })

  it.each([
    [
      'a deduction without a reason',
      as.secretary,
      { ruleKey: 'manual_deduction', points: -2, reason: '' },
      'POINTS.REASON_REQUIRED',
    ],
    [
      'a manual item without a reason',
      as.secretary,
      { ruleKey: 'manual_bonus', points: 1, reason: '' },
      'POINTS.REASON_REQUIRED',
    ],
    [
      'above the daily cap (5)',
      as.secretary,
      { ruleKey: 'volunteer', points: 6, reason: '全天志愿' },
      'POINTS.CAP_REACHED',
    ],
    ['a plain member granting', as.member, { ruleKey: 'volunteer', points: 1, reason: '帮忙' }, 'AUTH.FORBIDDEN'],
    [
      'a committee member granting',
      as.committee,
      { ruleKey: 'volunteer', points: 1, reason: '帮忙' },
      'AUTH.FORBIDDEN',
    ],
    ['an event-only rule by hand', as.secretary, { ruleKey: 'study_checkin', reason: '补录' }, 'POINTS.NOT_GRANTABLE'],
    [
      'a fixed rule with another value',
      as.bureau,
      { ruleKey: 'volunteer', points: -1, reason: '错误' },
      'POINTS.BAD_VALUE',
    ],
    [
      'another branch’s member',
      as.secretary,
      { memberId: 'm_chengguan_03', ruleKey: 'volunteer', points: 1, reason: '帮忙' },
      'AUTH.FORBIDDEN',
    ],
  ])('%s is refused and writes nothing', async (_case, openid, data, code) => {
    const before = await t.count('points_ledger', {})
    const res = await t.call(openid, 'points', 'award', { memberId: 'm_shiyan_07', requestId: 'refused', ...data })
    expect(res).toMatchObject({ ok: false, error: { code } })
    expect(await t.count('points_ledger', {})).toBe(before)
  })

  it('the cap counts what was already paid today: 3 then 3 more is refused, 2 more is fine', async () => {
    const award = (points: number, requestId: string) =>
      t.call(as.secretary, 'points', 'award', {
        memberId: 'm_shiyan_08',
        ruleKey: 'volunteer',
        points,
        reason: '图书馆志愿服务',
        requestId,
      })
    expect((await award(3, 'library-1')).ok).toBe(true)
    expect(await award(3, 'library-2')).toMatchObject({ ok: false, error: { code: 'POINTS.CAP_REACHED' } })
    expect(await award(2, 'library-3')).toMatchObject({ ok: true, data: { total: 5 } })
  })
})

describe('the ledger as the once-only gate', () => {
  it('200 concurrent awards of the same request for the same member: one entry, one increment', async () => {
    const replies = await Promise.all(
      Array.from({ length: 200 }, () =>
        t.call(as.bureau, 'points', 'award', {
          memberId: 'm_shiyan_09',
          ruleKey: 'manual_bonus',
          points: 2,
          reason: '优秀教案评比一等奖',
          requestId: 'race-1',
        }),
      ),
    )
    expect(replies.every((reply) => reply.ok)).toBe(true)
    expect(replies.filter((reply) => reply.ok && !reply.data.duplicate)).toHaveLength(1)
    expect(await t.count('points_ledger', { memberId: 'm_shiyan_09' })).toBe(1)
    expect(await total('t_demo:m:m_shiyan_09:all')).toEqual(expect.objectContaining({ points: 2, entries: 1 }))
  }, 60_000)

  it('1,000 concurrent awards for different members are all counted', async () => {
    const members = (
      (await t.db
        .collection('members')
        .where({ tenantId: 't_demo', status: 'active' })
        .limit(1000)
        .get()) as unknown as {
        data: { _id: string; branchId: string | null }[]
      }
    ).data.filter((member) => member.branchId)
    const before = (await total('t_demo:m:m_shiyan_10:all'))?.points ?? 0
    const jobs = Array.from({ length: 1000 }, (_, i) => members[i % members.length])
    const replies = await Promise.all(
      jobs.map((member, i) =>
        t.call(as.bureau, 'points', 'award', {
          memberId: member._id,
          ruleKey: 'manual_bonus',
          points: 1,
          reason: '批量测试',
          requestId: `many-${i}`,
        }),
      ),
    )
    const refused = replies.filter((reply) => !reply.ok)
    // manual_bonus is capped at 20 a year per member: beyond it the award is refused, never half-counted.
    expect(refused.every((reply) => !reply.ok && reply.error.code === 'POINTS.CAP_REACHED')).toBe(true)
    const paid = replies.length - refused.length
    expect(await t.count('points_ledger', { reason: '批量测试' })).toBe(paid)
    const rebuilt = await t.call(as.bureau, 'points', 'reconcile')
    expect(rebuilt).toMatchObject({ ok: true, data: { drift: [] } })
    expect((await total('t_demo:m:m_shiyan_10:all'))?.points).toBeGreaterThan(before)
  }, 120_000)
})

describe('domain events', () => {
  it('a meeting.present event is paid once however often the timer fires', async () => {
    const before = (await total('t_demo:m:m_shiyan_03:2026-04'))?.points ?? 0
    await t.db.collection('domain_events').add({
      data: {
        _id: 'meeting.present:mt_test_1:m_shiyan_03',
        tenantId: 't_demo',
        kind: 'meeting.present',
        memberId: 'm_shiyan_03',
        sourceId: 'mt_test_1',
        at: APRIL_8,
        recordedBy: 'm_shiyan_01',
      },
    })
    await t.emu.fireTrigger('points', 'settle')
    await t.emu.fireTrigger('points', 'settle')
    expect(await t.count('points_ledger', { sourceEvent: 'meeting.present:mt_test_1:m_shiyan_03' })).toBe(1)
    expect((await total('t_demo:m:m_shiyan_03:2026-04'))?.points).toBe(before + 3)
    const again = await t.call(as.bureau, 'points', 'processEvents', {})
    expect(again).toMatchObject({ ok: true, data: { processed: 0 } })
  })

  it('an event processed twice concurrently still pays once (the action and the timer racing)', async () => {
    const before = (await total('t_demo:m:m_shiyan_04:all'))?.points ?? 0
    await t.db.collection('domain_events').add({
      data: {
        _id: 'meeting.absent:mt_test_2:m_shiyan_04',
        tenantId: 't_demo',
        kind: 'meeting.absent',
        memberId: 'm_shiyan_04',
        sourceId: 'mt_test_2',
        at: APRIL_8,
        recordedBy: 'm_shiyan_01',
      },
    })
    await Promise.all([
      t.emu.fireTrigger('points', 'settle'),
      t.call(as.bureau, 'points', 'processEvents', {}),
      t.call(as.bureau, 'points', 'processEvents', {}),
    ])
    expect(await t.count('points_ledger', { sourceEvent: 'meeting.absent:mt_test_2:m_shiyan_04' })).toBe(1)
    expect((await total('t_demo:m:m_shiyan_04:all'))?.points).toBe(before - 2)
  })
})

describe('leaderboards', () => {
  it('members of the branch, ties sharing a rank, and the caller’s own rank', async () => {
    const res = await t.call(as.member, 'points', 'leaderboard', { of: 'members', period: 'month' })
    if (!res.ok) throw new Error(JSON.stringify(res.error))
    const points = res.data.members.map((row) => row.points)
    expect(points).toEqual([...points].sort((a, b) => b - a))
    for (let i = 1; i < res.data.members.length; i++) {
      const [prev, row] = [res.data.members[i - 1], res.data.members[i]]
      expect(row.rank).toBe(row.points === prev.points ? prev.rank : i + 1)
    }
    const mine = res.data.members.find((row) => row.memberId === 'm_shiyan_06')
    expect(res.data.me?.rank).toBe(mine?.rank)
  })

  it('a member may not see the bureau-wide list unless the tenant allows it, nor the branch ranking', async () => {
    const own = await t.call(as.member, 'points', 'leaderboard', {
      of: 'members',
      period: 'year',
    })
    if (!own.ok) throw new Error(JSON.stringify(own.error))
    expect(own.data.members.every((row) => row.memberId.startsWith('m_shiyan_'))).toBe(true)
    const other = await t.call(as.member, 'points', 'leaderboard', { of: 'members', branchId: 'org_b_chengguan' })
    expect(other).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } })
    const branches = await t.call(as.member, 'points', 'leaderboard', { of: 'branches' })
    expect(branches).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } })
  })

  it('branches ranked fairly; an exempt member leaves the ranking and the denominators', async () => {
    const before = await t.call(as.bureau, 'points', 'leaderboard', {
      of: 'branches',
      period: 'year',
      sort: 'average',
    })
    if (!before.ok) throw new Error(JSON.stringify(before.error))
    expect(before.data.branches).toHaveLength(6)
    const shiyan = before.data.branches.find((row) => row.branchId === 'org_b_shiyan')
    expect(shiyan?.average).toBeCloseTo((shiyan?.total ?? 0) / (shiyan?.activeMembers ?? 1), 1)

    expect(
      await t.call(as.secretary, 'points', 'setExempt', { memberId: 'm_shiyan_09', exempt: true, reason: 'ill' }),
    ).toMatchObject({ ok: true })
    const after = await t.call(as.bureau, 'points', 'leaderboard', { of: 'branches', period: 'year' })
    if (!after.ok) throw new Error(JSON.stringify(after.error))
    const shiyanAfter = after.data.branches.find((row) => row.branchId === 'org_b_shiyan')
    expect(shiyanAfter?.activeMembers).toBe((shiyan?.activeMembers ?? 0) - 1)
    const board = await t.call(as.secretary, 'points', 'leaderboard', {
      of: 'members',
      branchId: 'org_b_shiyan',
    })
    if (!board.ok) throw new Error(JSON.stringify(board.error))
    expect(board.data.members.map((row) => row.memberId)).not.toContain('m_shiyan_09')
    // History stays.
    expect(await t.count('points_ledger', { memberId: 'm_shiyan_09' })).toBeGreaterThan(0)
    await t.call(as.secretary, 'points', 'setExempt', { memberId: 'm_shiyan_09', exempt: false })
  })
})

describe('claims and review', () => {
  it('a member claims, the secretary approves once; a second review is refused', async () => {
    const claim = await t.call(as.member, 'points', 'submitClaim', {
      ruleKey: 'volunteer',
      points: 2,
      note: '参加县图书馆志愿服务半天',
    })
    if (!claim.ok) throw new Error(JSON.stringify(claim.error))
    const pending = await t.call(as.secretary, 'points', 'listClaims', {
      branchId: 'org_b_shiyan',
    })
    expect(pending.ok && pending.data.items.map((item) => item.id)).toContain(claim.data.id)
    const before = await t.count('points_ledger', { memberId: 'm_shiyan_06' })
    const approved = await t.call(as.secretary, 'points', 'reviewClaim', { claimId: claim.data.id, approve: true })
    expect(approved).toMatchObject({ ok: true, data: { status: 'approved' } })
    expect(await t.count('points_ledger', { memberId: 'm_shiyan_06' })).toBe(before + 1)
    const again = await t.call(as.secretary, 'points', 'reviewClaim', { claimId: claim.data.id, approve: true })
    expect(again).toMatchObject({ ok: false, error: { code: 'POINTS.CLAIM_DECIDED' } })
  })

  it('a committee member proposes, the secretary rejects with a reason kept; nothing enters the ledger', async () => {
    const proposal = await t.call(as.committee, 'points', 'submitClaim', {
      memberId: 'm_shiyan_07',
      ruleKey: 'manual_bonus',
      points: 2,
      note: '承担公开课展示任务',
    })
    expect(proposal).toMatchObject({ ok: true, data: { kind: 'proposal' } })
    if (!proposal.ok) return
    const before = await t.count('points_ledger', {})
    expect(
      await t.call(as.secretary, 'points', 'reviewClaim', { claimId: proposal.data.id, approve: false }),
    ).toMatchObject({
      ok: false,
      error: { code: 'POINTS.REASON_REQUIRED' },
    })
    const rejected = await t.call(as.secretary, 'points', 'reviewClaim', {
      claimId: proposal.data.id,
      approve: false,
      reason: '该任务已计入教研考核',
    })
    expect(rejected).toMatchObject({ ok: true, data: { status: 'rejected', decisionReason: '该任务已计入教研考核' } })
    expect(await t.count('points_ledger', {})).toBe(before)
  })

  it('photos from someone else’s folder are refused', async () => {
    const res = await t.call(as.member, 'points', 'submitClaim', {
      ruleKey: 'volunteer',
      note: '参加志愿服务一次',
      photos: ['cloud://env/points/t_demo/m_shiyan_02/a.jpg'],
    })
    expect(res).toMatchObject({ ok: false, error: { code: 'POINTS.FILE_NOT_YOURS' } })
  })
})

describe('rules, grades, reconcile', () => {
  it('bureau staff edit the catalogue; a secretary may not', async () => {
    const rules = await t.call(as.secretary, 'points', 'getRules')
    if (!rules.ok) throw new Error(JSON.stringify(rules.error))
    const edited = { ...rules.data, membersSeeBureau: true }
    expect(await t.call(as.secretary, 'points', 'updateRules', edited)).toMatchObject({
      ok: false,
      error: { code: 'AUTH.FORBIDDEN' },
    })
    expect(await t.call(as.bureau, 'points', 'updateRules', edited)).toMatchObject({ ok: true })
    const wide = await t.call(as.member, 'points', 'leaderboard', {
      of: 'members',
      period: 'year',
    })
    expect(wide.ok && wide.data.members.some((row) => !row.memberId.startsWith('m_shiyan_'))).toBe(true)
    const duplicate = { ...rules.data, rules: [...rules.data.rules, rules.data.rules[0]] }
    expect(await t.call(as.bureau, 'points', 'updateRules', duplicate)).toMatchObject({
      ok: false,
      error: { code: 'POINTS.RULES_INVALID' },
    })
  })

  it('grades map yearly points to the tenant’s bands', async () => {
    const res = await t.call(as.secretary, 'points', 'grades', {
      branchId: 'org_b_shiyan',
      year: 2026,
    })
    if (!res.ok) throw new Error(JSON.stringify(res.error))
    expect(res.data.items.length).toBeGreaterThan(5)
    for (const item of res.data.items)
      expect(item.grade).toBe(
        item.points >= 90 ? 'excellent' : item.points >= 60 ? 'qualified' : item.points >= 40 ? 'basic' : 'unqualified',
      )
  })

  it('reconcile finds and repairs drift', async () => {
    await t.db
      .collection('points_totals')
      .where({ _id: 't_demo:m:m_shiyan_06:all' })
      .update({ data: { points: 999 } })
    const res = await t.call(as.bureau, 'points', 'reconcile')
    if (!res.ok) throw new Error(JSON.stringify(res.error))
    expect(res.data.drift).toEqual([expect.objectContaining({ id: 't_demo:m:m_shiyan_06:all', was: 999 })])
    expect((await t.call(as.bureau, 'points', 'reconcile')) as { data: { drift: unknown[] } }).toMatchObject({
      data: { drift: [] },
    })
  })
})
