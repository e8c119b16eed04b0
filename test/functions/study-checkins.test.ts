// The study function through the real SDK: publishing, the open list, check-in rules (due date, targets,
// note length, once), points paid once, participation, nudges, streaks.
import { as, type DemoEmulator, startDemoEmulator, withoutSeededPoints } from './helpers/demo'

let t: DemoEmulator
const day = (iso: string) => new Date(`${iso}T10:00:00+08:00`).getTime()
beforeAll(async () => {
  t = await startDemoEmulator({ at: day('2026-04-08') })
  // These tests count from an empty ledger, event log and task list: drop the demo's seeded ones.
  await withoutSeededPoints(t)
})
afterAll(() => t.stop())

const NOTE = '学习了党章第一章，理解了党员的义务和权利。'
async function publish(openid: string, extra: Record<string, unknown> = {}): Promise<string> {
  const res = await t.call(openid, 'study', 'publishTask', {
    title: '学习新修订的党章',
    content: { text: '请认真学习党章全文', link: 'https://www.12371.cn/' },
    startsOn: '2026-04-06',
    dueOn: '2026-04-12',
    ...extra,
  })
  if (!res.ok) throw new Error(JSON.stringify(res.error))
  return res.data.id
}

describe('publishing', () => {
  it('a secretary publishes to their own branch; the member sees it open', async () => {
    const taskId = await publish(as.secretary)
    const open = await t.call(as.member, 'study', 'myTasks', { status: 'open' })
    expect(open.ok && open.data.items.map((task) => task.id)).toContain(taskId)
    const other = await t.call('o_demo_m_chengguan_03', 'study', 'myTasks', {})
    expect(other.ok && other.data.items.map((task) => task.id)).not.toContain(taskId)
  })

  it('a publish retried with its request id (the reply lost, sent twice at once) publishes one task', async () => {
    const before = await t.count('study_tasks', {})
    const input = { requestId: 'r_publish_once', title: '重发测试', content: { text: '学习党章' } }
    const [first, second] = await Promise.all([publish(as.secretary, input), publish(as.secretary, input)])
    const third = await publish(as.secretary, input)
    expect([first, second, third]).toEqual(['r_publish_once', 'r_publish_once', 'r_publish_once'])
    expect(await t.count('study_tasks', {})).toBe(before + 1)
    expect(await t.count('audit_log', { action: 'study.publishTask', targetId: 'r_publish_once' })).toBe(1)
    // Someone else's request id is not theirs to read back.
    const other = await t.call('o_demo_m_zhizhong_01', 'study', 'publishTask', {
      ...input,
      startsOn: '2026-04-06',
      dueOn: '2026-04-12',
    })
    expect(other).toMatchObject({ ok: false, error: { code: 'ROSTER.NOT_FOUND' } })
  })

  it('bureau staff publish to the whole tenant (a 集中学习日) or chosen branches', async () => {
    const all = await t.call(as.bureau, 'study', 'publishTask', {
      title: '党员集中学习日',
      content: { text: '学习二十届三中全会精神' },
      startsOn: '2026-04-08',
      dueOn: '2026-04-08',
      collectiveDay: true,
    })
    expect(all).toMatchObject({ ok: true, data: { branchCount: 6, collectiveDay: true } })
    const chosen = await t.call(as.bureau, 'study', 'publishTask', {
      title: '职业教育专题学习',
      content: { videoLink: 'https://www.12371.cn/video' },
      startsOn: '2026-04-08',
      dueOn: '2026-04-30',
      branchIds: ['org_b_zhizhong'],
    })
    expect(chosen).toMatchObject({ ok: true, data: { branchCount: 1 } })
  })

  it.each([
    ['a secretary to another branch', as.secretary, { branchIds: ['org_b_chengguan'] }, 'AUTH.FORBIDDEN'],
    ['a plain member', as.member, {}, 'AUTH.FORBIDDEN'],
    ['due before start', as.secretary, { startsOn: '2026-04-10', dueOn: '2026-04-09' }, 'INPUT.INVALID'],
    [
      'someone else’s document',
      as.secretary,
      { content: { fileID: 'cloud://env/study/t_demo/m_bureau_01/a.pdf' } },
      'STUDY.FILE_NOT_YOURS',
    ],
  ])('%s is refused and writes nothing', async (_case, openid, extra, code) => {
    const before = await t.count('study_tasks', {})
    const res = await t.call(openid, 'study', 'publishTask', {
      title: '学习任务',
      content: { text: '内容' },
      startsOn: '2026-04-08',
      dueOn: '2026-04-09',
      ...extra,
    })
    expect(res).toMatchObject({ ok: false, error: { code } })
    expect(await t.count('study_tasks', {})).toBe(before)
  })
})

describe('checking in', () => {
  let taskId: string
  beforeAll(async () => {
    taskId = await publish(as.secretary, { title: '学习习近平总书记重要讲话' })
  })

  it.each([
    ['a note too short', as.member, () => ({ note: '学习了' }), 'STUDY.NOTE_TOO_SHORT'],
    ['a note too long', as.member, () => ({ note: '学'.repeat(1001) }), 'INPUT.INVALID'],
    ['a task not for you', 'o_demo_m_chengguan_03', () => ({ note: NOTE }), 'STUDY.NOT_TARGET'],
    [
      'photos from someone else',
      as.member,
      () => ({ note: NOTE, photos: ['cloud://env/study/t_demo/m_shiyan_02/x.jpg'] }),
      'STUDY.FILE_NOT_YOURS',
    ],
  ])('%s is refused and writes nothing', async (_case, openid, data, code) => {
    const before = await t.count('study_checkins', {})
    const res = await t.call(openid, 'study', 'checkIn', { taskId, ...data() })
    expect(res).toMatchObject({ ok: false, error: { code } })
    expect(await t.count('study_checkins', {})).toBe(before)
    expect(await t.count('points_ledger', {})).toBe(0)
  })

  it('a member checks in once, is paid once, and can edit the note until the due date', async () => {
    const res = await t.call(as.member, 'study', 'checkIn', {
      taskId,
      note: NOTE,
      photos: ['cloud://env/study/t_demo/m_shiyan_06/photo.jpg'],
    })
    expect(res).toMatchObject({ ok: true, data: { pointsAwarded: 1, task: { checkin: { note: NOTE } } } })
    expect(await t.call(as.member, 'study', 'checkIn', { taskId, note: NOTE })).toMatchObject({
      ok: false,
      error: { code: 'STUDY.ALREADY_CHECKED_IN' },
    })
    const edited = await t.call(as.member, 'study', 'editCheckin', { taskId, note: `${NOTE}还要落实到教书育人中。` })
    expect(edited).toMatchObject({ ok: true })
    // The timer finds the recorded study.checkin event and pays nothing more.
    await t.emu.fireTrigger('points', 'settle')
    expect(await t.count('points_ledger', { memberId: 'm_shiyan_06' })).toBe(1)
    expect(
      await t.count('domain_events', {
        kind: 'study.checkin',
        memberId: 'm_shiyan_06',
        processedAt: t.db.command.exists(true),
      }),
    ).toBe(1)
    const points = await t.call(as.member, 'points', 'myPoints', { period: 'month' })
    expect(points).toMatchObject({ ok: true, data: { points: 1 } })
  })

  it('20 racing check-ins by the same member: one check-in, one ledger entry', async () => {
    const replies = await Promise.all(
      Array.from({ length: 20 }, () => t.call('o_demo_m_shiyan_07', 'study', 'checkIn', { taskId, note: NOTE })),
    )
    expect(replies.filter((reply) => reply.ok)).toHaveLength(1)
    expect(await t.count('study_checkins', { memberId: 'm_shiyan_07' })).toBe(1)
    expect(await t.count('points_ledger', { memberId: 'm_shiyan_07' })).toBe(1)
  })

  it('after the due date neither check-in nor edit is accepted', async () => {
    t.emu.clock.set(day('2026-04-13'))
    try {
      expect(await t.call('o_demo_m_shiyan_08', 'study', 'checkIn', { taskId, note: NOTE })).toMatchObject({
        ok: false,
        error: { code: 'STUDY.PAST_DUE' },
      })
      expect(await t.call(as.member, 'study', 'editCheckin', { taskId, note: NOTE })).toMatchObject({
        ok: false,
        error: { code: 'STUDY.PAST_DUE' },
      })
    } finally {
      t.emu.clock.set(day('2026-04-08'))
    }
  })

  it('the secretary sees who has and has not studied, and nudges those who have not', async () => {
    const seen = await t.call(as.secretary, 'study', 'participation', { taskId })
    if (!seen.ok) throw new Error(JSON.stringify(seen.error))
    expect(seen.data.studied.map((row) => row.memberId).sort()).toEqual(['m_shiyan_06', 'm_shiyan_07'])
    expect(seen.data.notStudied).toHaveLength(8)
    expect(await t.call(as.secretary, 'study', 'nudge', { taskId, branchId: 'org_b_shiyan' })).toMatchObject({
      ok: true,
      data: { nudged: 8, recentlyNudged: 0 },
    })
    // A second tap soon after reminds no one twice; after 12 hours it reminds again.
    const nudges = () => t.count('study_nudges', { taskId })
    const recorded = await nudges()
    expect(await t.call(as.secretary, 'study', 'nudge', { taskId, branchId: 'org_b_shiyan' })).toMatchObject({
      ok: true,
      data: { nudged: 0, recentlyNudged: 8 },
    })
    expect(await nudges()).toBe(recorded)
    const now = t.emu.clock.now()
    t.emu.clock.set(now + 12 * 3_600_000 + 1)
    try {
      expect(await t.call(as.secretary, 'study', 'nudge', { taskId, branchId: 'org_b_shiyan' })).toMatchObject({
        ok: true,
        data: { nudged: 8, recentlyNudged: 0 },
      })
    } finally {
      t.emu.clock.set(now)
    }
    const after = await t.call(as.secretary, 'study', 'participation', {
      taskId,
    })
    expect(after.ok && after.data.notStudied.every((row) => row.nudgedAt !== null)).toBe(true)
    expect(await t.call(as.committee, 'study', 'nudge', { taskId, branchId: 'org_b_shiyan' })).toMatchObject({
      ok: false,
      error: { code: 'AUTH.FORBIDDEN' },
    })
  })
})

describe('streaks and history', () => {
  it('three days in a row make a 3-day streak; done tasks leave the open list', async () => {
    const memberOpenid = 'o_demo_m_shiyan_05'
    for (const date of ['2026-04-20', '2026-04-21', '2026-04-22']) {
      t.emu.clock.set(day(date))
      const taskId = await publish(as.secretary, { title: `每日学习 ${date}`, startsOn: date, dueOn: date })
      expect(await t.call(memberOpenid, 'study', 'checkIn', { taskId, note: NOTE })).toMatchObject({ ok: true })
    }
    const mine = await t.call(memberOpenid, 'study', 'myStudy', {})
    expect(mine).toMatchObject({ ok: true, data: { streakDays: 3, streakWeeks: 1 } })
    expect(mine.ok && mine.data.history[0].title).toBe('每日学习 2026-04-22')
    const done = await t.call(memberOpenid, 'study', 'myTasks', { status: 'done' })
    expect(done).toMatchObject({ ok: true, data: { total: 3 } })
    t.emu.clock.set(day('2026-04-08'))
  })
})
