// Timers run only when the platform fires them: a client that sends the timer's event shape through
// wx.cloud.callFunction (the dev gateway here) gets a coded error and changes nothing, whoever it is. A real
// trigger (the emulator fires it as CloudBase does: SOURCE wx_trigger, no OPENID) does the work; two runs
// that overlap post each WeCom robot message once.
import type { QueuedRobotMessage } from '../../types/messaging'
import { memberDoc } from '../fixtures/member-doc'
import { as, type DemoEmulator, startDemoEmulator } from './helpers/demo'
import { type FakeRobot, startFakeRobot } from './helpers/fake-robot'
import { TIMER_TRIGGERS as TRIGGERS } from './helpers/triggers'

let t: DemoEmulator
let robot: FakeRobot

const NOW = new Date('2026-05-12T09:00:00+08:00').getTime()
const OWN = 'org_b_shiyan'
const OTHER = 'org_b_chengguan'

beforeAll(async () => {
  robot = await startFakeRobot()
  t = await startDemoEmulator({ at: NOW })
}, 60_000)
afterAll(async () => {
  await t.stop()
  await robot.close()
})

const pendingEvent = {
  _id: 'study.checkin:st_timer_test:m_shiyan_06',
  tenantId: 't_demo',
  kind: 'study.checkin',
  memberId: 'm_shiyan_06',
  sourceId: 'st_timer_test',
  at: NOW - 60_000,
  recordedBy: 'm_shiyan_06',
}
const unprocessed = () => t.count('domain_events', { _id: pendingEvent._id, processedAt: t.db.command.exists(false) })

describe('a forged timer event from the mini-program', () => {
  // Each function's own triggers, plain and with a forged platform context; whoever sends them.
  const forgeries = TRIGGERS.flatMap(([fn, name]): [string, Record<string, string>][] => [
    [fn, { Type: 'Timer', TriggerName: name }],
    [fn, { Type: 'Timer', TriggerName: name, action: name, SOURCE: 'wx_trigger', OPENID: '' }],
  ])

  beforeAll(async () => {
    await t.db.collection('domain_events').add({ data: pendingEvent })
  })

  it('knows every timer the functions declare', () => {
    expect(TRIGGERS.map(([fn, name]) => `${fn}/${name}`).sort()).toEqual([
      'lifecycle/dueScan',
      'lifecycle/duesMonthly',
      'lifecycle/duesRefresh',
      'meetings/daily',
      'meetings/remind',
      'points/settle',
      'roster/retention',
      'yearly-cycle/cycleDaily',
    ])
  })

  it.each(
    forgeries.flatMap(([fn, event]) => [as.member, as.bureau, undefined].map((who) => [fn, event, who] as const)),
  )('%s %j as %s is refused with a coded error and runs nothing', async (fn, event, openid) => {
    const outbox = (await t.emu.outbox()).length
    const before = await t.emu.snapshot()
    const res = await t.gateway(fn, event, openid)
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ ok: false, error: { code: 'INPUT.UNKNOWN_ACTION' } })
    expect(await t.emu.snapshot()).toEqual(before)
    expect(await unprocessed()).toBe(1)
    expect((await t.emu.outbox()).length).toBe(outbox)
  })

  it('while the real trigger does the work', async () => {
    await t.emu.fireTrigger('points', 'settle')
    expect(await unprocessed()).toBe(0)
  })

  it.each(TRIGGERS)('the platform firing %s/%s runs its timer', async (fn, name) => {
    // A timer answers its run's figures, never the router's refusal of an event naming no action.
    const run = await t.emu.fireTrigger(fn, name)
    expect(run).toEqual(expect.any(Object))
    expect(run).not.toMatchObject({ ok: false })
  })
})

describe('the robot queue', () => {
  const queued = (branchId: string, i: number): QueuedRobotMessage => ({
    _id: `race:${branchId}:${i}`,
    tenantId: 't_demo',
    branchId,
    markdown: `并发测试 ${branchId} 第${i}条`,
    status: 'pending',
    attempts: 0,
    nextAt: NOW - 1000,
    sentAt: null,
    lastError: null,
    createdAt: NOW - 60_000 + i,
  })

  it('two overlapping runs post each message once', async () => {
    for (const branchId of [OWN, OTHER]) {
      const url = `${process.env.WECOM_WEBHOOK_BASE}/cgi-bin/webhook/send?key=race-robot-${branchId.slice(-4)}`
      await t.db.collection('meeting_robots').add({ data: { _id: branchId, tenantId: 't_demo', url, setAt: NOW } })
    }
    const messages = [OWN, OTHER].flatMap((branchId) => Array.from({ length: 10 }, (_, i) => queued(branchId, i)))
    for (const message of messages) await t.db.collection('robot_queue').add({ data: message })
    // A robot that takes a moment to answer keeps the first run posting while the second starts.
    robot.answerAfter(40)
    robot.hits.length = 0
    try {
      await Promise.all([t.emu.fireTrigger('meetings', 'remind'), t.emu.fireTrigger('meetings', 'remind')])
    } finally {
      robot.answerAfter(0)
    }
    const posted = robot.hits.map((hit) => (JSON.parse(hit.body) as { markdown: { content: string } }).markdown.content)
    expect(posted.sort()).toEqual(messages.map((m) => m.markdown).sort())
    expect(await t.count('robot_queue', { _id: t.db.command.in(messages.map((m) => m._id)), status: 'sent' })).toBe(20)
  })
})

describe('the settle timer', () => {
  const event = (memberId: string, tenantId = 't_demo', at = NOW - 120_000) => ({
    _id: `study.checkin:st_isolation:${memberId}`,
    tenantId,
    kind: 'study.checkin',
    memberId,
    sourceId: 'st_isolation',
    at,
    recordedBy: memberId,
  })
  const pending = (id: string) => t.count('domain_events', { _id: id, processedAt: t.db.command.exists(false) })

  it('sets a failing event aside (recorded, retried later) and pays the rest behind it', async () => {
    // The oldest event belongs to a tenant whose rule catalogue is broken: settling it throws.
    await t.db.collection('members').add({
      data: memberDoc({ _id: 'm_broken_01', tenantId: 't_broken', name: '测试', branchId: 'org_broken' }),
    })
    await t.db.collection('points_rules').add({ data: { _id: 't_broken', rules: null, grades: null } })
    const broken = event('m_broken_01', 't_broken', NOW - 600_000)
    const good = ['m_shiyan_03', 'm_shiyan_04', 'm_chengguan_02'].map((id) => event(id))
    for (const doc of [broken, ...good]) await t.db.collection('domain_events').add({ data: doc })

    const first = (await t.emu.fireTrigger('points', 'settle')) as { processed: number; failed: number }
    expect(first.failed).toBe(1)
    for (const doc of good) expect(await pending(doc._id)).toBe(0)
    const setAside = (await t.db.collection('domain_events').doc(broken._id).get()).data as {
      attempts: number
      deferredUntil: number
      lastError: string
    }
    expect(setAside).toMatchObject({ attempts: 1, deferredUntil: NOW + 60_000, lastError: expect.any(String) })

    // Not retried before its time; once the catalogue is mended and the minute passed, it is paid.
    await t.emu.fireTrigger('points', 'settle')
    expect(await t.count('domain_events', { _id: broken._id, attempts: 1 })).toBe(1)
    await t.db.collection('points_rules').doc('t_broken').remove()
    t.emu.clock.set(NOW + 60_000)
    try {
      await t.emu.fireTrigger('points', 'settle')
    } finally {
      t.emu.clock.set(NOW)
    }
    expect(await pending(broken._id)).toBe(0)
  })
})

describe('the daily timers', () => {
  const JUNE_20 = new Date('2026-06-20T08:00:00+08:00').getTime()
  const BROKEN = 't_broken_daily'

  beforeAll(async () => {
    // A tenant whose stored meeting rules cannot be read (loading them throws), with a branch that lacks this
    // month's 主题党日 and a member whose 政治生日 is today; and a 民主测评 closing today whose voters are missing.
    const add = (collection: string, data: Record<string, unknown>) => t.db.collection(collection).add({ data })
    await add('orgs', {
      _id: 'org_broken_daily',
      tenantId: BROKEN,
      kind: 'branch',
      name: '损坏支部',
      parentId: null,
      ancestors: [],
      order: 1,
      status: 'active',
    })
    await add('meeting_rules', { _id: BROKEN, minimums: 'unreadable' })
    await add(
      'members',
      memberDoc(
        { _id: 'm_broken_daily', tenantId: BROKEN, name: '测试', branchId: 'org_broken_daily' },
        { joinedOn: '2001-06-20' },
      ),
    )
    await add('appraisal_rounds', {
      _id: 'ar_broken_daily',
      tenantId: BROKEN,
      branchId: 'org_broken_daily',
      status: 'open',
      votingOpensAt: JUNE_20 - 86_400_000,
      votingClosesAt: JUNE_20 + 3_600_000,
      voters: null,
    })
  })

  it('meetings daily: a tenant that fails is logged and counted, and the other tenants are still told', async () => {
    t.emu.clock.set(JUNE_20)
    try {
      const run = (await t.emu.fireTrigger('meetings', 'daily')) as { failed: number; themeDayBranches: number }
      // The broken tenant fails in the 政治生日 and the 主题党日 parts; the demo county's branches lacking June's
      // 主题党日 are told all the same (each branch's robot gets the notice).
      expect(run.failed).toBe(2)
      expect(run.themeDayBranches).toBeGreaterThan(0)
      expect(await t.count('robot_queue', { _id: 'themeday:org_b_chengguan:2026-06' })).toBe(1)
      expect(await t.count('robot_queue', { _id: 'themeday:org_broken_daily:2026-06' })).toBe(0)
      // A later run of the morning resumes and sends nothing twice.
      const queued = await t.count('robot_queue', {})
      await t.emu.fireTrigger('meetings', 'daily')
      expect(await t.count('robot_queue', {})).toBe(queued)
    } finally {
      t.emu.clock.set(NOW)
    }
  })

  it('yearly-cycle daily: a round that fails is logged and counted, and the digests are still refreshed', async () => {
    t.emu.clock.set(JUNE_20)
    try {
      const run = (await t.emu.fireTrigger('yearly-cycle', 'cycleDaily')) as {
        failed: number
        digestsRefreshed: number
      }
      expect(run.failed).toBe(1)
      expect(run.digestsRefreshed).toBeGreaterThan(0)
      // The digests refreshed are not computed again by the morning's next run.
      const again = (await t.emu.fireTrigger('yearly-cycle', 'cycleDaily')) as { digestsRefreshed: number }
      expect(again.digestsRefreshed).toBeLessThan(run.digestsRefreshed)
    } finally {
      t.emu.clock.set(NOW)
    }
  })
})
