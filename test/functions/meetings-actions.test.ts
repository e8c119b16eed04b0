// The meetings function through the real SDK: scheduling, the rotating code and check-in, hand marking, leave,
// minutes, the record book, compliance, reminders with a controlled clock, the WeCom robot against a local server,
// and a burst of 500 check-ins.
import { tokenFor } from '../../cloudfunctions/domain/meetings/qr-token'
import { memberDoc } from '../fixtures/member-doc'
import { as, type DemoEmulator, startDemoEmulator } from './helpers/demo'
import { type FakeRobot, startFakeRobot } from './helpers/fake-robot'

let t: DemoEmulator
let robot: FakeRobot

const at = (iso: string) => new Date(`${iso}+08:00`).getTime()
const NOW = at('2026-05-12T09:00:00')
const HOUR = 3_600_000
const MIN = 60_000
const OWN = 'org_b_shiyan'

beforeAll(async () => {
  robot = await startFakeRobot()
  t = await startDemoEmulator({ at: NOW })
}, 60_000)
afterAll(async () => {
  await t.stop()
  await robot.close()
})

async function scheduleAt(
  startsAt: number,
  extra: Record<string, unknown> = {},
  meeting: Record<string, unknown> = {},
) {
  const res = await t.call(as.secretary, 'meetings', 'schedule', {
    branchId: OWN,
    meeting: {
      type: 'study',
      title: '集中学习：学习党章',
      startsAt,
      endsAt: startsAt + 2 * HOUR,
      place: '实验小学会议室',
      ...meeting,
    },
    ...extra,
  })
  if (!res.ok) throw new Error(JSON.stringify(res.error))
  return res.data
}

async function codeOf(meetingId: string) {
  const res = await t.call(as.secretary, 'meetings', 'checkInCode', { meetingId })
  if (!res.ok) throw new Error(JSON.stringify(res.error))
  return res.data
}

describe('scheduling', () => {
  it('a secretary schedules a monthly 主题党日 series; members see it upcoming', async () => {
    const { ids, seriesId } = await scheduleAt(
      at('2026-05-20T15:00:00'),
      { repeatMonthly: 3 },
      { type: 'theme_day', title: '主题党日' },
    )
    expect(ids).toHaveLength(3)
    expect(seriesId).not.toBeNull()
    const mine = await t.call(as.member, 'meetings', 'listMine', {
      when: 'upcoming',
      pageSize: 50,
    })
    expect(mine.ok && mine.data.items.map((m) => m.id)).toEqual(expect.arrayContaining(ids))
    const june = await t.call(as.secretary, 'meetings', 'listBranch', {
      branchId: OWN,
      period: '2026-06',
    })
    expect(june.ok && june.data.items.find((m) => m.id === ids[1])?.startsAt).toBe(at('2026-06-20T15:00:00'))
  })

  it.each([
    ['a meeting in the past', as.secretary, { startsAt: NOW - 3 * HOUR }, 'MEETING.IN_PAST'],
    ['a plain member', as.member, {}, 'AUTH.FORBIDDEN'],
    ['another branch', as.secretary, { branchId: 'org_b_chengguan' }, 'AUTH.FORBIDDEN'],
  ])('%s is refused and writes nothing', async (_case, openid, extra, code) => {
    const before = await t.count('meetings', {})
    const { branchId, startsAt, ...rest } = { branchId: OWN, startsAt: NOW + 24 * HOUR, ...extra }
    const res = await t.call(openid, 'meetings', 'schedule', {
      branchId,
      meeting: { type: 'lecture', title: '党课', startsAt, endsAt: startsAt + HOUR, place: '会议室', ...rest },
    })
    expect(res).toMatchObject({ ok: false, error: { code } })
    expect(await t.count('meetings', {})).toBe(before)
  })
})

describe('check-in', () => {
  let meetingId: string
  beforeAll(async () => {
    t.emu.clock.set(NOW)
    ;[meetingId] = (await scheduleAt(NOW + HOUR)).ids
  })
  afterEach(() => t.emu.clock.set(NOW))

  it('refuses before the window, a foreign token, a replay two slots later, a non-attendee; writes nothing', async () => {
    // The secretary's screen shows no code before check-in opens, only when it will.
    expect(await t.call(as.secretary, 'meetings', 'checkInCode', { meetingId })).toMatchObject({
      ok: false,
      error: { code: 'MEETING.NOT_OPEN', message: expect.stringMatching(/^签到将于5月12日 09:30开放$/) },
    })
    // A forged token is refused as such at any time; even a genuine token of this slot is refused before the window.
    expect(await t.call(as.member, 'meetings', 'checkIn', { meetingId, token: 'forgedtoken0' })).toMatchObject({
      ok: false,
      error: { code: 'MEETING.TOKEN_INVALID' },
    })
    const secret = (
      (await t.db.collection('meeting_secrets').where({ _id: 't_demo' }).get()) as unknown as {
        data: { secret: string }[]
      }
    ).data[0]?.secret
    const early = tokenFor(secret ?? '', meetingId, Math.floor(NOW / 30_000))
    expect(await t.call(as.member, 'meetings', 'checkIn', { meetingId, token: early })).toMatchObject({
      ok: false,
      error: { code: 'MEETING.NOT_OPEN' },
    })
    t.emu.clock.set(NOW + HOUR - 10 * MIN)
    const { token } = await codeOf(meetingId)
    expect(await t.call(as.member, 'meetings', 'checkIn', { meetingId, token: 'forgedtoken1' })).toMatchObject({
      ok: false,
      error: { code: 'MEETING.TOKEN_INVALID' },
    })
    expect(await t.call('o_demo_m_chengguan_03', 'meetings', 'checkIn', { meetingId, token })).toMatchObject({
      ok: false,
      error: { code: 'MEETING.TOKEN_INVALID' },
    })
    t.emu.clock.set(NOW + HOUR - 10 * MIN + 61_000)
    expect(await t.call(as.member, 'meetings', 'checkIn', { meetingId, token })).toMatchObject({
      ok: false,
      error: { code: 'MEETING.TOKEN_INVALID' },
    })
    expect(await t.count('meeting_attendance', { meetingId })).toBe(0)
  })

  it('checks in on time, twice returns the first; late after the grace; by scene; records the events', async () => {
    t.emu.clock.set(NOW + HOUR - 5 * MIN)
    const { token, scene } = await codeOf(meetingId)
    const first = await t.call(as.member, 'meetings', 'checkIn', { meetingId, token })
    expect(first).toMatchObject({ ok: true, data: { status: 'present', first: true } })
    expect(await t.call(as.member, 'meetings', 'checkIn', { scene })).toMatchObject({
      ok: true,
      data: { status: 'present', first: false },
    })
    t.emu.clock.set(NOW + HOUR + 6 * MIN)
    const late = await codeOf(meetingId)
    expect(await t.call('o_demo_m_shiyan_07', 'meetings', 'checkIn', { scene: late.scene })).toMatchObject({
      ok: true,
      data: { status: 'late' },
    })
    expect(await t.count('domain_events', { sourceId: meetingId, kind: 'meeting.present' })).toBe(1)
    expect(await t.count('domain_events', { sourceId: meetingId, kind: 'meeting.late' })).toBe(1)
    t.emu.clock.set(NOW + 3 * HOUR + MIN)
    expect(await t.call('o_demo_m_shiyan_08', 'meetings', 'checkIn', { scene: late.scene })).toMatchObject({
      ok: false,
      error: { code: 'MEETING.TOKEN_INVALID' },
    })
  })

  it('the secretary marks by hand, sees the roll, writes minutes with the summary, exports the record book', async () => {
    t.emu.clock.set(NOW + HOUR + 30 * MIN)
    const marked = await t.call(as.secretary, 'meetings', 'markAttendance', {
      meetingId,
      marks: [
        { memberId: 'm_shiyan_09', status: 'present' },
        { memberId: 'm_shiyan_10', status: 'absent' },
      ],
    })
    expect(marked).toMatchObject({ ok: true, data: { marked: 2 } })
    expect(
      await t.call(as.secretary, 'meetings', 'markAttendance', {
        meetingId,
        marks: [{ memberId: 'm_chengguan_03', status: 'present' }],
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'MEETING.NOT_ATTENDEE' },
    })
    const detail = await t.call(as.secretary, 'meetings', 'get', { meetingId })
    expect(detail).toMatchObject({ ok: true, data: { counts: { present: 2, late: 1, absent: 1 } } })
    const asMember = await t.call(as.member, 'meetings', 'get', { meetingId })
    expect(asMember).toMatchObject({ ok: true, data: { attendance: null, mine: 'present' } })
    expect(
      await t.call(as.member, 'meetings', 'writeMinutes', { meetingId, text: '会议学习了党章第一章内容。' }),
    ).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } })
    const minutes = await t.call(as.secretary, 'meetings', 'writeMinutes', {
      meetingId,
      text: '会议学习了党章第一章，大家交流了体会。',
    })
    expect(minutes.ok && minutes.data.summary).toMatch(/^应到\d+人，实到3人，迟到1人/)
    const book = await t.call(as.secretary, 'meetings', 'recordBook', {
      branchId: OWN,
      period: '2026-05',
      export: true,
    })
    expect(book.ok && book.data.entries.map((e) => e.id)).toContain(meetingId)
    expect(book.ok && book.data.fileUrl).toMatch(/^http/)
    // The download is named for the reader: 三会一课记录本-<branch>-<period>-<stamp>.xlsx.
    expect(decodeURIComponent((book.ok && book.data.fileUrl) || '')).toMatch(
      /\/三会一课记录本-实验小学党支部-\d{4}(-\S+)?-\d{8}-\d{4}\.xlsx/,
    )
  })

  it('checks the distance when the meeting has a location', async () => {
    t.emu.clock.set(NOW)
    const [located] = (
      await scheduleAt(NOW + 10 * MIN, {}, { location: { latitude: 30, longitude: 120, radiusMeters: 200 } })
    ).ids
    const { token } = await codeOf(located)
    expect(await t.call(as.member, 'meetings', 'checkIn', { meetingId: located, token })).toMatchObject({
      ok: false,
      error: { code: 'MEETING.LOCATION_REQUIRED' },
    })
    expect(
      await t.call(as.member, 'meetings', 'checkIn', {
        meetingId: located,
        token,
        position: { latitude: 30.01, longitude: 120 },
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'MEETING.TOO_FAR' },
    })
    expect(
      await t.call(as.member, 'meetings', 'checkIn', {
        meetingId: located,
        token,
        position: { latitude: 30.001, longitude: 120 },
      }),
    ).toMatchObject({ ok: true })
  })
})

describe('leave', () => {
  it('asked before the start, approved by the secretary, counted as 请假; refused after the start', async () => {
    t.emu.clock.set(NOW)
    const [meetingId] = (await scheduleAt(NOW + 5 * HOUR)).ids
    expect(await t.call(as.member, 'meetings', 'requestLeave', { meetingId, reason: '外出培训' })).toMatchObject({
      ok: true,
    })
    expect(
      await t.call(as.secretary, 'meetings', 'decideLeave', { meetingId, memberId: 'm_shiyan_06', approve: true }),
    ).toMatchObject({
      ok: true,
      data: { status: 'approved' },
    })
    expect(
      await t.call(as.secretary, 'meetings', 'decideLeave', {
        meetingId,
        memberId: 'm_shiyan_06',
        approve: false,
        note: '已经批准过',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'MEETING.LEAVE_DECIDED' },
    })
    t.emu.clock.set(NOW + 5 * HOUR + MIN)
    expect(await t.call('o_demo_m_shiyan_05', 'meetings', 'requestLeave', { meetingId, reason: '生病' })).toMatchObject(
      { ok: false, error: { code: 'MEETING.STARTED' } },
    )
    const detail = await t.call(as.secretary, 'meetings', 'get', { meetingId })
    expect(detail).toMatchObject({ ok: true, data: { counts: { leave: 1 } } })
    t.emu.clock.set(NOW)
  })

  it('a rejection needs a reason, which is kept with the decision', async () => {
    t.emu.clock.set(NOW)
    const [meetingId] = (await scheduleAt(NOW + 6 * HOUR)).ids
    await t.call(as.member, 'meetings', 'requestLeave', { meetingId, reason: '家中有事' })
    const bare = { meetingId, memberId: 'm_shiyan_06', approve: false }
    expect(await t.call(as.secretary, 'meetings', 'decideLeave', bare)).toMatchObject({
      ok: false,
      error: { code: 'INPUT.INVALID' },
    })
    expect(
      await t.call(as.secretary, 'meetings', 'decideLeave', { ...bare, note: '本次为民主评议，请调整安排' }),
    ).toMatchObject({ ok: true, data: { status: 'rejected' } })
    const list = await t.call(as.secretary, 'meetings', 'listLeaves', { meetingId })
    expect(list.ok && list.data.items.find((item) => item.memberId === 'm_shiyan_06')?.decisionNote).toBe(
      '本次为民主评议，请调整安排',
    )
  })
})

describe('withdrawing leave (撤回请假)', () => {
  const myLeave = async (openid: string, meetingId: string) => {
    const detail = await t.call(openid, 'meetings', 'get', { meetingId })
    if (!detail.ok) throw new Error(JSON.stringify(detail.error))
    return detail.data.myLeave
  }
  const listed = async (meetingId: string) => {
    const list = await t.call(as.secretary, 'meetings', 'listLeaves', { meetingId })
    if (!list.ok) throw new Error(JSON.stringify(list.error))
    return list.data.items.map((item) => `${item.memberId}:${item.status}`)
  }

  it('a pending request is taken back: gone from the member and the secretary, and asking again works', async () => {
    t.emu.clock.set(NOW)
    const [meetingId] = (await scheduleAt(NOW + 7 * HOUR)).ids
    await t.call(as.member, 'meetings', 'requestLeave', { meetingId, reason: '外出培训' })
    expect(await listed(meetingId)).toEqual(['m_shiyan_06:pending'])

    expect(await t.call(as.member, 'meetings', 'withdrawLeave', { meetingId })).toEqual({
      ok: true,
      data: { withdrawn: true },
    })
    expect(await myLeave(as.member, meetingId)).toBeNull()
    expect(await listed(meetingId)).toEqual([])
    // A retried tap withdraws nothing more and is not an error.
    expect(await t.call(as.member, 'meetings', 'withdrawLeave', { meetingId })).toMatchObject({ ok: true })
    // The secretary can no longer decide what was taken back.
    expect(
      await t.call(as.secretary, 'meetings', 'decideLeave', { meetingId, memberId: 'm_shiyan_06', approve: true }),
    ).toMatchObject({ ok: false, error: { code: 'MEETING.LEAVE_NOT_FOUND' } })

    expect(await t.call(as.member, 'meetings', 'requestLeave', { meetingId, reason: '课务调不开' })).toMatchObject({
      ok: true,
    })
    expect(await myLeave(as.member, meetingId)).toBe('pending')
  })

  it('once decided, approved or not, the request stands', async () => {
    t.emu.clock.set(NOW)
    const [meetingId] = (await scheduleAt(NOW + 8 * HOUR)).ids
    await t.call(as.member, 'meetings', 'requestLeave', { meetingId, reason: '外出培训' })
    await t.call(as.committee, 'meetings', 'requestLeave', { meetingId, reason: '家中有事' })
    await t.call(as.secretary, 'meetings', 'decideLeave', { meetingId, memberId: 'm_shiyan_06', approve: true })
    await t.call(as.secretary, 'meetings', 'decideLeave', {
      meetingId,
      memberId: 'm_shiyan_02',
      approve: false,
      note: '本次为重要议题',
    })
    for (const openid of [as.member, as.committee]) {
      expect(await t.call(openid, 'meetings', 'withdrawLeave', { meetingId })).toMatchObject({
        ok: false,
        error: { code: 'MEETING.LEAVE_DECIDED', message: '请假已审批，不能撤回' },
      })
    }
    expect(await myLeave(as.member, meetingId)).toBe('approved')
    expect(await myLeave(as.committee, meetingId)).toBe('rejected')
    const detail = await t.call(as.secretary, 'meetings', 'get', { meetingId })
    expect(detail).toMatchObject({ ok: true, data: { counts: { leave: 1 } } })
  })

  it("only one's own request: nobody names another member, and one without a request has nothing to withdraw", async () => {
    t.emu.clock.set(NOW)
    const [meetingId] = (await scheduleAt(NOW + 9 * HOUR)).ids
    await t.call(as.member, 'meetings', 'requestLeave', { meetingId, reason: '外出培训' })
    expect(
      await t.callUnchecked(as.secretary, 'meetings', 'withdrawLeave', { meetingId, memberId: 'm_shiyan_06' }),
    ).toMatchObject({ ok: false, error: { code: 'INPUT.INVALID' } })
    expect(await t.call(as.committee, 'meetings', 'withdrawLeave', { meetingId })).toMatchObject({
      ok: false,
      error: { code: 'MEETING.LEAVE_NOT_FOUND' },
    })
    expect(await myLeave(as.member, meetingId)).toBe('pending')
  })
})

describe('compliance', () => {
  it('城关小学 missed last month’s 党小组会 (seeded); its secretary sees only their branch, bureau all', async () => {
    const now = NOW
    const last = new Date(now + 8 * HOUR)
    last.setUTCDate(1)
    last.setUTCMonth(last.getUTCMonth() - 1)
    const period = last.toISOString().slice(0, 7)
    const bureau = await t.call(as.bureau, 'meetings', 'compliance', { period })
    if (!bureau.ok) throw new Error(JSON.stringify(bureau.error))
    expect(bureau.data.branches).toHaveLength(6)
    const chengguan = bureau.data.branches.find((b) => b.branchId === 'org_b_chengguan')
    expect(chengguan?.items.find((i) => i.type === 'group_meeting')?.status).toBe('missing')
    const own = await t.call(as.secretary, 'meetings', 'compliance', { period })
    expect(own.ok && own.data.branches.map((b) => b.branchId)).toEqual([OWN])
    t.emu.clock.set(NOW)
  })
})

describe('reminders', () => {
  it('fire once at T-24h and T-1h, only to members with a credit, each spending one', async () => {
    t.emu.clock.set(NOW)
    const startsAt = NOW + 3 * 24 * HOUR
    const [meetingId] = (await scheduleAt(startsAt, {}, { title: '学习贯彻党的二十届三中全会精神专题党小组会议' })).ids
    for (const openid of [as.member, 'o_demo_m_shiyan_07']) {
      expect(await t.call(openid, 'meetings', 'subscribe', { templateIds: ['tmpl_meeting_reminder'] })).toMatchObject({
        ok: true,
      })
    }
    expect(await t.call(as.member, 'meetings', 'subscribe', { templateIds: ['tmpl_meeting_reminder'] })).toMatchObject({
      ok: true,
      data: { credits: { tmpl_meeting_reminder: 2 } },
    })
    const sends = async () =>
      (await t.emu.outbox()).filter(
        (e) => e.apiName === 'subscribeMessage.send' && JSON.stringify(e.params).includes(meetingId),
      )
    t.emu.clock.set(startsAt - 25 * HOUR)
    await t.emu.fireTrigger('meetings', 'remind')
    expect(await sends()).toHaveLength(0)
    t.emu.clock.set(startsAt - 24 * HOUR + MIN)
    await t.emu.fireTrigger('meetings', 'remind')
    await t.emu.fireTrigger('meetings', 'remind')
    const day = await sends()
    expect(day.map((e) => e.params.touser).sort()).toEqual(['o_demo_m_shiyan_06', 'o_demo_m_shiyan_07'])
    const data = day[0].params.data as Record<string, { value: string }>
    expect(Array.from(data.thing1.value).length).toBeLessThanOrEqual(20)
    t.emu.clock.set(startsAt - HOUR + MIN)
    await t.emu.fireTrigger('meetings', 'remind')
    await t.emu.fireTrigger('meetings', 'remind')
    // m_shiyan_07 spent their one credit on the 24 h reminder; m_shiyan_06 had two.
    expect((await sends()).map((e) => e.params.touser).sort()).toEqual([
      'o_demo_m_shiyan_06',
      'o_demo_m_shiyan_06',
      'o_demo_m_shiyan_07',
    ])
    const credits = await t.db
      .collection('subscribe_credits')
      .where({ memberId: t.db.command.in(['m_shiyan_06', 'm_shiyan_07']) })
      .get()
    expect((credits.data as { credits: number }[]).map((c) => c.credits)).toEqual([0, 0])
    t.emu.clock.set(NOW)
  })
})

describe('the meeting page shows whether I subscribed (订阅会议提醒)', () => {
  const reminderOf = async (openid: string, meetingId: string) => {
    const detail = await t.call(openid, 'meetings', 'get', { meetingId })
    if (!detail.ok) throw new Error(JSON.stringify(detail.error))
    return detail.data.reminder
  }

  it("names the tenant's reminder template and counts each member's own acceptances", async () => {
    t.emu.clock.set(NOW)
    const [meetingId] = (await scheduleAt(NOW + 30 * HOUR)).ids
    const before = await reminderOf('o_demo_m_shiyan_08', meetingId)
    expect(before).toEqual({ templateId: 'tmpl_meeting_reminder', credits: 0, longTerm: false })
    await t.call('o_demo_m_shiyan_08', 'meetings', 'subscribe', { templateIds: [String(before.templateId)] })
    await t.call('o_demo_m_shiyan_08', 'meetings', 'subscribe', { templateIds: [String(before.templateId)] })
    expect(await reminderOf('o_demo_m_shiyan_08', meetingId)).toMatchObject({ credits: 2 })
    expect(await reminderOf('o_demo_m_shiyan_09', meetingId)).toMatchObject({ credits: 0 })
  })
})

describe('WeCom robot', () => {
  it('accepts only a robot URL, shows it masked, posts ≤ 20 a minute and retries a failure', async () => {
    t.emu.clock.set(NOW)
    expect(
      await t.call(as.secretary, 'meetings', 'setRobot', {
        branchId: OWN,
        url: 'https://example.com/hook?key=abcdefgh',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'REMINDER.BAD_WEBHOOK' },
    })
    const url = `${process.env.WECOM_WEBHOOK_BASE}/cgi-bin/webhook/send?key=test-robot-key-1234`
    const set = await t.call(as.secretary, 'meetings', 'setRobot', { branchId: OWN, url })
    expect(set.ok && set.data.maskedUrl).toMatch(/key=test\*\*\*\*1234$/)
    const ids: string[] = []
    for (let i = 0; i < 25; i++) {
      const [id] = (await scheduleAt(NOW + 30 * MIN + i * MIN, {}, { title: `会议${i}` })).ids
      ids.push(id)
    }
    robot.failNext(1)
    robot.hits.length = 0
    await t.emu.fireTrigger('meetings', 'remind')
    expect(robot.hits).toHaveLength(20)
    const ours = { _id: t.db.command.in(ids.map((id) => `${id}:1h`)) }
    const sentBefore = await t.count('robot_queue', { ...ours, status: 'sent' })
    expect(sentBefore).toBeLessThanOrEqual(19)
    expect(await t.count('robot_queue', { branchId: OWN, status: 'pending', lastError: t.db.command.neq(null) })).toBe(
      1,
    )
    t.emu.clock.set(NOW + 61_000)
    await t.emu.fireTrigger('meetings', 'remind')
    t.emu.clock.set(NOW + 122_000)
    await t.emu.fireTrigger('meetings', 'remind')
    // The failed one waits 30 s and is retried with those left over: all 25 delivered, none twice.
    expect(await t.count('robot_queue', { ...ours, status: 'sent' })).toBe(25)
    const perMessage = new Map<string, number>()
    for (const hit of robot.hits) perMessage.set(hit.body, (perMessage.get(hit.body) ?? 0) + 1)
    expect([...perMessage.values()].filter((n) => n > 2)).toEqual([])
    t.emu.clock.set(NOW)
  })

  it('the secretary reminds those not yet checked in', async () => {
    t.emu.clock.set(NOW)
    const [meetingId] = (await scheduleAt(NOW + 20 * MIN, {}, { title: '提醒测试' })).ids
    const res = await t.call(as.secretary, 'meetings', 'remindAbsent', {
      meetingId,
    })
    expect(res).toMatchObject({ ok: true, data: { robotQueued: true } })
    expect(res.ok && res.data.reminded).toBeGreaterThan(5)
  })
})

describe('share card', () => {
  it('creates an activity once and updates it on each check-in', async () => {
    t.emu.clock.set(NOW)
    const [meetingId] = (await scheduleAt(NOW + 10 * MIN, {}, { title: '动态卡片' })).ids
    const card = await t.call(as.member, 'meetings', 'shareCard', { meetingId })
    const again = await t.call(as.member, 'meetings', 'shareCard', { meetingId })
    expect(card.ok && again.ok && card.data.activityId === again.data.activityId).toBe(true)
    const { token } = await codeOf(meetingId)
    await t.call(as.member, 'meetings', 'checkIn', { meetingId, token })
    const updates = (await t.emu.outbox()).filter((e) => e.apiName === 'updatableMessage.setUpdatableMsg')
    expect(JSON.stringify(updates.at(-1)?.params)).toContain('member_count')
  })
})

describe('a burst of 500 check-ins', () => {
  it('records 500, no duplicates', async () => {
    t.emu.clock.set(NOW)
    const members = Array.from({ length: 500 }, (_, i) => `m_burst_${i}`)
    await Promise.all(
      members.map((id) =>
        t.db.collection('members').add({
          data: memberDoc({ _id: id, tenantId: 't_demo', name: `党员${i(id)}`, branchId: 'org_b_zhizhong' }),
        }),
      ),
    )
    await Promise.all(
      members.map((id) =>
        t.db.collection('bindings').add({ data: { _id: `o_${id}`, tenantId: 't_demo', memberId: id, boundAt: 0 } }),
      ),
    )
    const res = await t.call('o_demo_m_zhizhong_01', 'meetings', 'schedule', {
      branchId: 'org_b_zhizhong',
      meeting: {
        type: 'general_meeting',
        title: '支部党员大会',
        startsAt: NOW + 10 * MIN,
        endsAt: NOW + 2 * HOUR,
        place: '报告厅',
      },
    })
    if (!res.ok) throw new Error(JSON.stringify(res.error))
    const meetingId = res.data.ids[0]
    const code = await t.call('o_demo_m_zhizhong_01', 'meetings', 'checkInCode', { meetingId })
    if (!code.ok) throw new Error(JSON.stringify(code.error))
    const token = code.data.token
    const replies = await Promise.all(
      members.flatMap((id) => [id, id]).map((id) => t.call(`o_${id}`, 'meetings', 'checkIn', { meetingId, token })),
    )
    expect(replies.filter((r) => !r.ok)).toEqual([])
    expect(await t.count('meeting_attendance', { meetingId })).toBe(500)
    expect(await t.count('domain_events', { sourceId: meetingId })).toBe(500)
  }, 120_000)
})

function i(id: string) {
  return id.slice(8)
}
