// Caps under concurrency through the real SDK: many awards of a capped rule to one member at once never
// pass the cap (hand awards refused, event awards cut and marked capped), totals agree with the ledger,
// and reconcile — walking the tenant chunk by chunk with a cursor — finds no drift, or finds exactly the
// drift that was made.
import { createHash } from 'node:crypto'
import { as, type DemoEmulator, startDemoEmulator, withoutSeededPoints } from './helpers/demo'

let t: DemoEmulator
const APRIL_8 = new Date('2026-04-08T10:00:00+08:00').getTime()
beforeAll(async () => {
  t = await startDemoEmulator({ at: APRIL_8 })
  await withoutSeededPoints(t) // these tests count from an empty ledger and task list
})
afterAll(() => t.stop())

interface Entry {
  _id: string
  points: number
  requested: number
  capped: boolean
  ruleKey: string
}
const ledgerOf = async (memberId: string, ruleKey: string) =>
  (
    (await t.db.collection('points_ledger').where({ memberId, ruleKey }).limit(1000).get()) as unknown as {
      data: Entry[]
    }
  ).data
const total = async (id: string) =>
  (
    (await t.db.collection('points_totals').where({ _id: id }).get()) as unknown as {
      data: { points: number; entries: number }[]
    }
  ).data[0] ?? null
const sum = (entries: Entry[]) => entries.reduce((n, entry) => n + entry.points, 0)

interface Reconciled {
  entries: number
  totals: number
  drift: { id: string; was: number; is: number }[]
  driftCount: number
  done: boolean
  cursor: string | null
  progress: { phase: string; done: number; of: number }
}
async function reconcile(data: Record<string, unknown> = {}): Promise<Reconciled> {
  const res = await t.call(as.bureau, 'points', 'reconcile', data)
  if (!res.ok) throw new Error(JSON.stringify(res.error))
  return res.data
}

test('40 concurrent hand awards of 志愿服务 (5 a day) to one member: 5 paid, the rest refused, totals = ledger', async () => {
  const replies = await Promise.all(
    Array.from({ length: 40 }, (_, i) =>
      t.call(as.secretary, 'points', 'award', {
        memberId: 'm_shiyan_07',
        ruleKey: 'volunteer',
        points: 1,
        reason: '社区志愿服务',
        requestId: `cap-race-${i}`,
      }),
    ),
  )
  const paid = replies.filter((reply) => reply.ok)
  const refused = replies.filter((reply) => !reply.ok)
  expect(paid).toHaveLength(5)
  expect(refused.every((reply) => !reply.ok && reply.error.code === 'POINTS.CAP_REACHED')).toBe(true)
  const entries = await ledgerOf('m_shiyan_07', 'volunteer')
  expect(sum(entries)).toBe(5)
  expect(await total('t_demo:u:m_shiyan_07:volunteer:2026-04-08')).toMatchObject({ points: 5, entries: 5 })
  expect(await total('t_demo:m:m_shiyan_07:all')).toMatchObject({ points: 5, entries: 5 })
  expect((await reconcile()).drift).toEqual([])
}, 60_000)

/** Two days of 3 志愿服务 points (6 and 7 April), leaving 4 of the month's 10; the clock then at 8 April. */
async function sixThisMonth(memberId: string, requestPrefix: string) {
  for (const day of ['2026-04-06', '2026-04-07']) {
    t.emu.clock.set(new Date(`${day}T10:00:00+08:00`).getTime())
    const res = await t.call(as.secretary, 'points', 'award', {
      memberId,
      ruleKey: 'volunteer',
      points: 3,
      reason: '支教',
      requestId: `${requestPrefix}-${day}`,
    })
    expect(res).toMatchObject({ ok: true })
  }
  t.emu.clock.set(APRIL_8)
}

test('retries of one award racing near the cap share one claim: one entry, the others answer duplicate', async () => {
  // 4 of the 10 a month left for m_shiyan_08 after two days of 3.
  await sixThisMonth('m_shiyan_08', 'near')
  const replies = await Promise.all(
    Array.from({ length: 30 }, () =>
      t.call(as.secretary, 'points', 'award', {
        memberId: 'm_shiyan_08',
        ruleKey: 'volunteer',
        points: 4,
        reason: '支教',
        requestId: 'near-c',
      }),
    ),
  )
  expect(replies.every((reply) => reply.ok && reply.data.points === 4)).toBe(true)
  expect(replies.filter((reply) => reply.ok && !reply.data.duplicate)).toHaveLength(1)
  expect(sum(await ledgerOf('m_shiyan_08', 'volunteer'))).toBe(10)
  expect(await total('t_demo:u:m_shiyan_08:volunteer:2026-04')).toMatchObject({ points: 10, entries: 3 })
  expect((await reconcile()).drift).toEqual([])
}, 60_000)

test('12 concurrent study check-ins on one day (2 points a day): paid 2, the rest entered as capped at 0', async () => {
  const taskIds: string[] = []
  for (let i = 0; i < 12; i++) {
    const res = await t.call(as.secretary, 'study', 'publishTask', {
      title: `专题学习第${i + 1}讲`,
      content: { text: '学习材料' },
      startsOn: '2026-04-08',
      dueOn: '2026-04-10',
    })
    if (!res.ok) throw new Error(JSON.stringify(res.error))
    taskIds.push(res.data.id)
  }
  const replies = await Promise.all(
    taskIds.map((taskId) =>
      t.call(as.member, 'study', 'checkIn', {
        taskId,
        note: '认真学习了本讲内容，结合教学工作谈体会。',
      }),
    ),
  )
  expect(replies.every((reply) => reply.ok)).toBe(true)
  const awarded = replies.map((reply) => (reply.ok ? reply.data.pointsAwarded : -1))
  expect(awarded.reduce((a, b) => a + b, 0)).toBe(2)
  const entries = await ledgerOf('m_shiyan_06', 'study_checkin')
  expect(entries).toHaveLength(12)
  expect(sum(entries)).toBe(2)
  expect(entries.filter((entry) => entry.capped && entry.points === 0 && entry.requested === 1)).toHaveLength(10)
  expect(await total('t_demo:u:m_shiyan_06:study_checkin:2026-04-08')).toMatchObject({ points: 2, entries: 12 })
  expect((await reconcile()).drift).toEqual([])
}, 60_000)

test('reconcile one chunk a call: a cursor and progress to the end, the same drift as in one go', async () => {
  const damage = async () => {
    await t.db
      .collection('points_totals')
      .where({ _id: 't_demo:m:m_shiyan_07:all' })
      .update({ data: { points: 77 } })
    await t.db
      .collection('points_totals')
      .where({ _id: 't_demo:b:org_b_shiyan:2026' })
      .update({ data: { points: 500 } })
    await t.db.collection('points_totals').where({ _id: 't_demo:u:m_shiyan_08:volunteer:2026' }).remove()
    // A stale total of a member with no entries at all is zeroed.
    await t.db.collection('points_totals').add({
      data: {
        _id: 't_demo:m:m_zz_ghost:all',
        tenantId: 't_demo',
        scope: 'member',
        subjectId: 'm_zz_ghost',
        branchId: 'org_b_shiyan',
        period: 'all',
        points: 9,
        entries: 1,
      },
    })
  }
  const expected = [
    { id: 't_demo:b:org_b_shiyan:2026', was: 500, is: 17 },
    { id: 't_demo:m:m_shiyan_07:all', was: 77, is: 5 },
    { id: 't_demo:m:m_zz_ghost:all', was: 9, is: 0 },
    { id: 't_demo:u:m_shiyan_08:volunteer:2026', was: 0, is: 10 },
  ]
  const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id)

  await damage()
  const oneGo = await reconcile()
  expect(oneGo).toMatchObject({ done: true, cursor: null, progress: { phase: 'done' } })
  expect([...oneGo.drift].sort(byId)).toEqual(expected)
  expect(oneGo.driftCount).toBe(4)
  expect(oneGo.entries).toBe(5 + 3 + 12)

  await t.db.collection('points_totals').where({ _id: 't_demo:m:m_zz_ghost:all' }).remove()
  await damage()
  const drift: Reconciled['drift'] = []
  const seen: { phase: string; done: number }[] = []
  let cursor: string | null = null
  let calls = 0
  let entries = 0
  for (;;) {
    const step: Reconciled = await reconcile({ cursor, chunks: 1 })
    calls += 1
    drift.push(...step.drift)
    entries += step.entries
    seen.push(step.progress)
    if (step.done) break
    expect(step.cursor).not.toBeNull()
    cursor = step.cursor
  }
  // 56+ members in chunks of 100, then the tenant's orgs in chunks of 10: several calls, progress rising.
  expect(calls).toBeGreaterThan(2)
  expect(seen.map((p) => p.done)).toEqual([...seen.map((p) => p.done)].sort((a, b) => a - b))
  expect(seen[0].phase).toBe('branches')
  expect([...drift].sort(byId)).toEqual(expected)
  expect(entries).toBe(20)
  expect((await reconcile()).drift).toEqual([])
}, 120_000)

test('a retry after a crash that left its claim at the cap adopts the claim and pays, instead of refusing', async () => {
  // m_shiyan_10 has 6 of 10 this month; a first try of 'near-d' claimed the last 4 and died before its entry.
  await sixThisMonth('m_shiyan_10', 'before')
  const token = createHash('sha1').update('award:t_demo:m_shiyan_10:near-d').digest('hex').slice(0, 20)
  const _ = t.db.command
  await t.db
    .collection('points_totals')
    .doc('t_demo:u:m_shiyan_10:volunteer:2026-04')
    .update({ data: { points: _.inc(4), entries: _.inc(1), [`claims.${token}`]: 4 } })
  await t.db.collection('points_totals').add({
    data: {
      _id: 't_demo:u:m_shiyan_10:volunteer:2026-04-08',
      tenantId: 't_demo',
      scope: 'usage',
      subjectId: 'm_shiyan_10',
      branchId: 'org_b_shiyan',
      period: '2026-04-08',
      points: 4,
      entries: 1,
      claims: { [token]: 4 },
    },
  })
  const retry = await t.call(as.secretary, 'points', 'award', {
    memberId: 'm_shiyan_10',
    ruleKey: 'volunteer',
    points: 4,
    reason: '支教',
    requestId: 'near-d',
  })
  expect(retry).toMatchObject({ ok: true, data: { points: 4, duplicate: false } })
  expect(sum(await ledgerOf('m_shiyan_10', 'volunteer'))).toBe(10)
  expect(await total('t_demo:u:m_shiyan_10:volunteer:2026-04')).toMatchObject({ points: 10, entries: 3 })
  expect((await reconcile()).drift).toEqual([])
}, 60_000)
