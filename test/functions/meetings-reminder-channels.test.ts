// Reminders the meetings timers deliver besides meeting slots, through the real SDK with a controlled clock:
// study nudges (学习提醒) recorded by the study function, and the monthly 主题党日 not yet scheduled.
// Subscribe messages land in the emulator's outbox; the WeCom robot is a local HTTP server.
import { as, type DemoEmulator, startDemoEmulator } from './helpers/demo'
import { type FakeRobot, startFakeRobot } from './helpers/fake-robot'

let t: DemoEmulator
let robot: FakeRobot

const at = (iso: string) => new Date(`${iso}+08:00`).getTime()
const NOW = at('2026-05-12T09:00:00')
const OWN = 'org_b_shiyan'
const TEMPLATE = 'tmpl_meeting_reminder'
// The demo's 学习提醒 and 主题党日通知 templates (scripts/seed/demo-messaging.ts).
const STUDY_TEMPLATE = 'tmpl_study_nudge'
const THEME_DAY_TEMPLATE = 'tmpl_theme_day'

beforeAll(async () => {
  robot = await startFakeRobot()
  t = await startDemoEmulator({ at: NOW })
  const url = `${process.env.WECOM_WEBHOOK_BASE}/cgi-bin/webhook/send?key=channels-robot-0001`
  const set = await t.call(as.secretary, 'meetings', 'setRobot', { branchId: OWN, url })
  if (!set.ok) throw new Error(JSON.stringify(set.error))
}, 60_000)
afterAll(async () => {
  await t.stop()
  await robot.close()
})

const sendsTo = async (needle: string) =>
  (await t.emu.outbox()).filter(
    (entry) => entry.apiName === 'subscribeMessage.send' && JSON.stringify(entry.params).includes(needle),
  )
const robotSaying = (needle: string) => robot.hits.map((hit) => hit.body).filter((body) => body.includes(needle))

describe('study nudges', () => {
  it('are delivered once by the remind timer: a message to each member with a credit, one robot summary per tap', async () => {
    const task = await t.call(as.secretary, 'study', 'publishTask', {
      title: '学习习近平总书记关于教育的重要论述',
      content: { text: '请认真学习' },
      startsOn: '2026-05-11',
      dueOn: '2026-05-20',
    })
    if (!task.ok) throw new Error(JSON.stringify(task.error))
    const taskId = task.data.id
    for (const openid of [as.member, 'o_demo_m_shiyan_07']) {
      expect(await t.call(openid, 'meetings', 'subscribe', { templateIds: [STUDY_TEMPLATE] })).toMatchObject({
        ok: true,
      })
    }
    const nudged = await t.call(as.secretary, 'study', 'nudge', { taskId, branchId: OWN })
    if (!nudged.ok) throw new Error(JSON.stringify(nudged.error))
    expect(nudged.data.nudged).toBeGreaterThan(2)
    expect(await t.count('study_nudges', { taskId, deliveredAt: t.db.command.exists(true) })).toBe(0)

    await t.emu.fireTrigger('meetings', 'remind')
    await t.emu.fireTrigger('meetings', 'remind')
    const sent = await sendsTo(taskId)
    expect(sent.map((entry) => entry.params.touser).sort()).toEqual(['o_demo_m_shiyan_06', 'o_demo_m_shiyan_07'])
    const data = sent[0].params.data as Record<string, { value: string }>
    expect(Array.from(data.thing1.value).length).toBeLessThanOrEqual(20)
    expect(sent[0].params.page).toBe(`subpackages/study/pages/task/index?taskId=${taskId}`)
    expect(robotSaying('学习习近平总书记关于教育的重要论述')).toHaveLength(1)
    expect(robotSaying('学习提醒')[0]).toContain(`尚未学习（${nudged.data.nudged}人）`)
    expect(await t.count('study_nudges', { taskId, deliveredAt: t.db.command.exists(false) })).toBe(0)

    // A second tap at once reminds no one (12 hours' rest); the next day the credits are spent,
    // so only the robot tells the group, once.
    t.emu.clock.set(NOW + 10 * 60_000)
    expect(await t.call(as.secretary, 'study', 'nudge', { taskId, branchId: OWN })).toMatchObject({
      ok: true,
      data: { nudged: 0, recentlyNudged: nudged.data.nudged },
    })
    t.emu.clock.set(NOW + 13 * 3_600_000)
    await t.call(as.secretary, 'study', 'nudge', { taskId, branchId: OWN })
    await t.emu.fireTrigger('meetings', 'remind')
    await t.emu.fireTrigger('meetings', 'remind')
    expect(await sendsTo(taskId)).toHaveLength(2)
    expect(robotSaying('学习习近平总书记关于教育的重要论述')).toHaveLength(2)
    expect(await t.count('study_nudges', { taskId, deliveredAt: t.db.command.exists(false) })).toBe(0)
    t.emu.clock.set(NOW)
  })

  it('a nudge still pending after its task’s due date is marked, not sent', async () => {
    const task = await t.call(as.secretary, 'study', 'publishTask', {
      title: '学习《中国共产党纪律处分条例》',
      content: { text: '请认真学习' },
      startsOn: '2026-05-11',
      dueOn: '2026-05-13',
    })
    if (!task.ok) throw new Error(JSON.stringify(task.error))
    await t.call(as.secretary, 'study', 'nudge', { taskId: task.data.id, branchId: OWN })
    t.emu.clock.set(at('2026-05-14T09:00:00'))
    await t.emu.fireTrigger('meetings', 'remind')
    expect(robotSaying('纪律处分条例')).toHaveLength(0)
    expect(await t.count('study_nudges', { taskId: task.data.id, undeliverable: '学习任务已截止' })).toBeGreaterThan(0)
    expect(await t.count('study_nudges', { taskId: task.data.id, deliveredAt: t.db.command.exists(false) })).toBe(0)
    t.emu.clock.set(NOW)
  })
})

describe('主题党日 not yet scheduled', () => {
  const NOTICE = '本月主题党日尚未安排'
  const CHENGGUAN = 'org_b_chengguan'

  it('from the 20th, the daily timer tells the secretary and the robot of each branch without one, once a month', async () => {
    t.emu.clock.set(at('2027-03-01T09:00:00'))
    const scheduled = await t.call(as.secretary, 'meetings', 'schedule', {
      branchId: OWN,
      meeting: {
        type: 'theme_day',
        title: '主题党日：学雷锋志愿服务',
        startsAt: at('2027-03-25T14:00:00'),
        endsAt: at('2027-03-25T16:00:00'),
        place: '社区服务中心',
      },
    })
    expect(scheduled).toMatchObject({ ok: true })
    const url = `${process.env.WECOM_WEBHOOK_BASE}/cgi-bin/webhook/send?key=chengguan-robot-0002`
    expect(await t.call(as.bureau, 'meetings', 'setRobot', { branchId: CHENGGUAN, url })).toMatchObject({ ok: true })
    for (const openid of ['o_demo_m_chengguan_01', as.secretary]) {
      expect(await t.call(openid, 'meetings', 'subscribe', { templateIds: [THEME_DAY_TEMPLATE] })).toMatchObject({
        ok: true,
      })
    }
    const queued = (month: string) =>
      t.count('robot_queue', { _id: t.db.command.in([`themeday:${CHENGGUAN}:${month}`]) })

    t.emu.clock.set(at('2027-03-19T08:00:00'))
    await t.emu.fireTrigger('meetings', 'daily')
    expect(await sendsTo(NOTICE)).toHaveLength(0)
    expect(await queued('2027-03')).toBe(0)

    for (const day of ['2027-03-20', '2027-03-20', '2027-03-21']) {
      t.emu.clock.set(at(`${day}T08:00:00`))
      await t.emu.fireTrigger('meetings', 'daily')
      await t.emu.fireTrigger('meetings', 'remind')
    }
    const sent = await sendsTo(NOTICE)
    expect(sent.map((entry) => entry.params.touser)).toEqual(['o_demo_m_chengguan_01'])
    expect(sent[0].params.page).toBe('subpackages/meetings/pages/schedule/index')
    expect(JSON.stringify(sent[0].params.data)).toContain('城关')
    expect(await queued('2027-03')).toBe(1)
    expect(await t.count('robot_queue', { _id: `themeday:${OWN}:2027-03` })).toBe(0)
    expect(robotSaying(NOTICE)).toHaveLength(1)
    expect(robotSaying(NOTICE)[0]).toContain('2027年03月')

    // April: 城关's secretary spent their one credit, so only its robot tells the group; 实验小学 has no
    // theme day in April either, and its secretary (who kept a credit) and robot hear of it now.
    t.emu.clock.set(at('2027-04-20T08:00:00'))
    await t.emu.fireTrigger('meetings', 'daily')
    await t.emu.fireTrigger('meetings', 'remind')
    expect((await sendsTo(NOTICE)).map((entry) => entry.params.touser)).toEqual([
      'o_demo_m_chengguan_01',
      'o_demo_m_shiyan_01',
    ])
    expect(robotSaying(NOTICE)).toHaveLength(3)
    expect(robotSaying('2027年04月')).toHaveLength(2)
    t.emu.clock.set(NOW)
  })

  it('a tenant that turns the check off hears nothing', async () => {
    const rules = await t.call(as.bureau, 'meetings', 'getRules', {})
    if (!rules.ok) throw new Error(JSON.stringify(rules.error))
    expect(rules.data.themeDayReminderDay).toBe(20)
    const off = await t.call(as.bureau, 'meetings', 'updateRules', { ...rules.data, themeDayReminderDay: null })
    expect(off).toMatchObject({ ok: true, data: { themeDayReminderDay: null } })
    t.emu.clock.set(at('2027-05-25T08:00:00'))
    await t.emu.fireTrigger('meetings', 'daily')
    expect(await t.count('robot_queue', { _id: `themeday:${CHENGGUAN}:2027-05` })).toBe(0)
    await t.call(as.bureau, 'meetings', 'updateRules', rules.data)
    t.emu.clock.set(NOW)
  })
})

describe('长期订阅 long-term subscriptions', () => {
  it('with the tenant switch on, a long-term template is sent from one acceptance without spending it', async () => {
    t.emu.clock.set(NOW)
    const rules = await t.call(as.bureau, 'meetings', 'getRules', {})
    if (!rules.ok) throw new Error(JSON.stringify(rules.error))
    expect(rules.data).toMatchObject({ longTermSubscriptions: false, longTermTemplates: [] })
    const on = await t.call(as.bureau, 'meetings', 'updateRules', {
      ...rules.data,
      longTermSubscriptions: true,
      longTermTemplates: [TEMPLATE],
    })
    expect(on).toMatchObject({ ok: true, data: { longTermSubscriptions: true } })
    expect(await t.call('o_demo_m_shiyan_08', 'meetings', 'subscribe', { templateIds: [TEMPLATE] })).toMatchObject({
      ok: true,
      data: { credits: { [TEMPLATE]: 1 } },
    })
    const startsAt = NOW + 3 * 24 * 3_600_000
    const res = await t.call(as.secretary, 'meetings', 'schedule', {
      branchId: OWN,
      meeting: {
        type: 'study',
        title: '长期订阅测试会议',
        startsAt,
        endsAt: startsAt + 3_600_000,
        place: '会议室',
      },
    })
    if (!res.ok) throw new Error(JSON.stringify(res.error))
    for (const before of [24 * 3_600_000, 3_600_000]) {
      t.emu.clock.set(startsAt - before + 60_000)
      await t.emu.fireTrigger('meetings', 'remind')
    }
    const mine = (await sendsTo(res.data.ids[0])).filter((entry) => entry.params.touser === 'o_demo_m_shiyan_08')
    expect(mine).toHaveLength(2)
    const credit = await t.db
      .collection('subscribe_credits')
      .where({ _id: `m_shiyan_08:${TEMPLATE}` })
      .get()
    expect((credit.data[0] as { credits: number }).credits).toBe(1)

    // Back to one-time credits.
    await t.call(as.bureau, 'meetings', 'updateRules', rules.data)
    t.emu.clock.set(NOW)
  })
})
