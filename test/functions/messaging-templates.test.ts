// 订阅消息模板 as tenant configuration, through the real SDK against the emulator: a send fills exactly the
// keywords the tenant's table configures (formatted and fitted to each kind), a table breaking the platform's
// keyword rules is refused and changes nothing, an unconfigured use sends nothing, the leave decision and 政治生日
// reach who accepted them, 我的's switch withdraws an acceptance; the robot's test message and 立即提醒 post at
// once; the emulator's 消息记录 shows a shared card's live figures.
import type { MeetingRules } from '../../types/meetings'
import type { SubscribeTemplates } from '../../types/subscribe-templates'
import { as, type DemoEmulator, startDemoEmulator } from './helpers/demo'
import { type FakeRobot, startFakeRobot } from './helpers/fake-robot'

let t: DemoEmulator
let robot: FakeRobot
let demoRules: MeetingRules

const at = (iso: string) => new Date(`${iso}+08:00`).getTime()
const NOW = at('2026-05-12T09:00:00')
const HOUR = 3_600_000
const MIN = 60_000
const OWN = 'org_b_shiyan'
const LONG_TITLE = '学习贯彻党的二十届三中全会精神专题组织生活会暨民主评议党员大会'

beforeAll(async () => {
  robot = await startFakeRobot()
  t = await startDemoEmulator({ at: NOW })
  demoRules = await t.callOk(as.bureau, 'meetings', 'getRules')
}, 60_000)
afterAll(async () => {
  await t.stop()
  await robot.close()
})
afterEach(async () => {
  t.emu.clock.set(NOW)
  await t.callOk(as.bureau, 'meetings', 'updateRules', demoRules)
})

const withTemplates = (templates: Partial<SubscribeTemplates>) =>
  t.call(as.bureau, 'meetings', 'updateRules', { ...demoRules, templates: { ...demoRules.templates, ...templates } })

async function schedule(startsAt: number, title = '支部党员大会：学习党章') {
  // A 党员大会 invites the whole branch (a 党小组会 would invite one group).
  const res = await t.callOk(as.secretary, 'meetings', 'schedule', {
    branchId: OWN,
    meeting: { type: 'general_meeting', title, startsAt, endsAt: startsAt + HOUR, place: '实验小学党员活动室' },
  })
  return res.ids[0]
}

const sends = async (templateId: string) =>
  (await t.emu.outbox()).filter(
    (entry) => entry.apiName === 'subscribeMessage.send' && entry.params.template_id === templateId,
  )
const dataOf = (entry: { params: Record<string, unknown> }) => entry.params.data as Record<string, { value: string }>

describe('a send fills exactly the configured keywords', () => {
  it('the meeting reminder uses the tenant’s own template, keywords and formats', async () => {
    const templateId = 'Q9xF1hDqH5kReminder01'
    expect(
      await withTemplates({
        meetingReminder: {
          templateId,
          fields: [
            { keyword: 'thing7', value: 'meetingTitle' },
            { keyword: 'time12', value: 'meetingTime' },
            { keyword: 'thing2', value: 'place' },
          ],
        },
      }),
    ).toMatchObject({ ok: true })
    await t.callOk(as.member, 'meetings', 'subscribe', { templateIds: [templateId] })
    const startsAt = at('2026-05-15T09:30:00')
    const meetingId = await schedule(startsAt, LONG_TITLE)
    t.emu.clock.set(startsAt - 24 * HOUR + MIN)
    await t.emu.fireTrigger('meetings', 'remind')

    const sent = (await sends(templateId)).filter((entry) => String(entry.params.page).includes(meetingId))
    expect(sent.map((entry) => entry.params.touser)).toEqual([as.member])
    const data = dataOf(sent[0])
    expect(Object.keys(data).sort()).toEqual(['thing2', 'thing7', 'time12'])
    expect(Array.from(data.thing7.value)).toHaveLength(20)
    expect(data.thing7.value).toBe(`${Array.from(LONG_TITLE).slice(0, 19).join('')}…`)
    expect(data.time12.value).toBe('2026年5月15日 09:30')
    expect(data.thing2.value).toBe('实验小学党员活动室')
    // The demo's own reminder template is no longer the tenant's: nothing went out under it.
    expect((await sends('tmpl_meeting_reminder')).filter((e) => String(e.params.page).includes(meetingId))).toEqual([])
  })

  it('a month fills a date as the range of its days', async () => {
    expect(
      await withTemplates({
        themeDay: {
          templateId: 'Q9xF1hDqH5kThemeDay01',
          fields: [
            { keyword: 'thing1', value: 'branchName' },
            { keyword: 'date2', value: 'month' },
          ],
        },
      }),
    ).toMatchObject({ ok: true })
    await t.callOk('o_demo_m_chengguan_01', 'meetings', 'subscribe', { templateIds: ['Q9xF1hDqH5kThemeDay01'] })
    // The demo holds a 主题党日 every month up to this one: June has none yet.
    t.emu.clock.set(at('2026-06-20T08:00:00'))
    await t.emu.fireTrigger('meetings', 'daily')
    const sent = await sends('Q9xF1hDqH5kThemeDay01')
    expect(sent.map((entry) => entry.params.touser)).toEqual(['o_demo_m_chengguan_01'])
    expect(dataOf(sent[0])).toEqual({
      thing1: { value: '城关小学党支部' },
      date2: { value: '2026年6月1日~2026年6月30日' },
    })
  })
})

describe('the table is checked against the platform’s keyword rules', () => {
  it('refuses each broken cell by its path, and changes nothing', async () => {
    const res = await withTemplates({
      meetingReminder: {
        templateId: 'no spaces allowed',
        fields: [
          { keyword: 'phrase1', value: 'meetingTitle' },
          { keyword: 'foo2', value: 'place' },
          { keyword: 'thing3', value: 'note' },
          { keyword: 'thing3', value: 'place' },
        ],
      },
      leaveDecision: { templateId: 'Q9xF1hDqH5kLeave0001', fields: [] },
    })
    expect(res.ok).toBe(false)
    if (res.ok) return
    expect(res.error.code).toBe('INPUT.INVALID')
    const issues = res.error.details as { path: (string | number)[]; message: string }[]
    const at = (path: string) => issues.find((issue) => issue.path.join('.') === path)?.message
    expect(at('templates.meetingReminder.templateId')).toContain('模板ID')
    expect(at('templates.meetingReminder.fields.0.value')).toBe(
      '“会议名称”不能填入 phrase（5个以内纯汉字），可填入 thing 类关键词',
    )
    expect(at('templates.meetingReminder.fields.1.keyword')).toContain('“foo2”不是模板的关键词')
    expect(at('templates.meetingReminder.fields.3.keyword')).toBe('关键词 thing3 重复了')
    expect(at('templates.leaveDecision.fields')).toBe('请至少填写一个关键词')
    expect(await t.callOk(as.bureau, 'meetings', 'getRules')).toEqual(demoRules)
  })

  it('reads a rule set saved before the table, a bare id per use, with the keywords the app always filled', async () => {
    await t.db
      .collection('meeting_rules')
      .doc('t_demo')
      .update({
        data: { templates: t.db.command.set({ meetingReminder: 'legacy_reminder_01', politicalBirthday: '' }) },
      })
    const rules = await t.callOk(as.bureau, 'meetings', 'getRules')
    expect(rules.templates.meetingReminder).toEqual({
      templateId: 'legacy_reminder_01',
      fields: [
        { keyword: 'thing1', value: 'meetingTitle' },
        { keyword: 'time2', value: 'meetingTime' },
        { keyword: 'thing3', value: 'place' },
        { keyword: 'thing4', value: 'note' },
      ],
    })
    expect(rules.templates.politicalBirthday).toEqual({ templateId: '', fields: [] })
    expect(rules.templates.studyNudge).toEqual({ templateId: '', fields: [] })
    // Saved from 会议规则 as read, the stored ids become entries of the table.
    await t.callOk(as.bureau, 'meetings', 'updateRules', rules)
    const stored = await t.db.collection('meeting_rules').doc('t_demo').get()
    expect((stored.data as { templates: SubscribeTemplates }).templates.meetingReminder).toEqual(
      rules.templates.meetingReminder,
    )
  })
})

describe('until a use is configured, nothing is sent and the app can say so', () => {
  it('no reminder goes out, the meeting page names no template, and its old id is not taken', async () => {
    await t.callOk(as.member, 'meetings', 'subscribe', { templateIds: ['tmpl_meeting_reminder'] })
    expect(await withTemplates({ meetingReminder: { templateId: '', fields: [] } })).toMatchObject({ ok: true })
    const startsAt = at('2026-05-16T15:00:00')
    const meetingId = await schedule(startsAt)
    t.emu.clock.set(startsAt - 24 * HOUR + MIN)
    await t.emu.fireTrigger('meetings', 'remind')
    const outbox = await t.emu.outbox()
    expect(
      outbox.filter((e) => e.apiName === 'subscribeMessage.send' && String(e.params.page).includes(meetingId)),
    ).toEqual([])

    const detail = await t.callOk(as.secretary, 'meetings', 'get', { meetingId })
    expect(detail.reminder).toEqual({ templateId: null, credits: 0, longTerm: false })
    const mine = await t.callOk(as.member, 'meetings', 'mySubscriptions')
    expect(mine.items.find((item) => item.use === 'meetingReminder')).toEqual({
      use: 'meetingReminder',
      templateId: null,
      credits: 0,
      longTerm: false,
    })
    expect(await t.call(as.member, 'meetings', 'subscribe', { templateIds: ['tmpl_meeting_reminder'] })).toMatchObject({
      ok: false,
      error: { code: 'REMINDER.UNKNOWN_TEMPLATE' },
    })
  })
})

describe('请假审批结果', () => {
  it('reaches the member who accepted it when asking, with the decision and the note', async () => {
    const meetingId = await schedule(NOW + 6 * HOUR, '党课：做新时代的大先生')
    const member = 'o_demo_m_shiyan_05'
    await t.callOk(member, 'meetings', 'subscribe', { templateIds: ['tmpl_leave_decision'] })
    await t.callOk(member, 'meetings', 'requestLeave', { meetingId, reason: '外出参加培训' })
    await t.callOk(as.secretary, 'meetings', 'decideLeave', {
      meetingId,
      memberId: 'm_shiyan_05',
      approve: false,
      note: '培训可改期，请按时参会',
    })
    // Asked again and approved: no credit left, so nothing more is sent.
    await t.callOk(member, 'meetings', 'requestLeave', { meetingId, reason: '培训无法改期' })
    await t.callOk(as.secretary, 'meetings', 'decideLeave', { meetingId, memberId: 'm_shiyan_05', approve: true })
    const sent = (await sends('tmpl_leave_decision')).filter((e) => String(e.params.page).includes(meetingId))
    expect(sent).toHaveLength(1)
    expect(sent[0].params.touser).toBe(member)
    expect(dataOf(sent[0])).toEqual({
      thing1: { value: '党课：做新时代的大先生' },
      time2: { value: '2026年5月12日 15:00' },
      phrase3: { value: '未批准' },
      thing4: { value: '培训可改期，请按时参会' },
    })
  })
})

describe('政治生日', () => {
  it('greets on the day those who switched it on in 我的, and no one who switched it off', async () => {
    const name = (await t.callOk('o_demo_m_shiyan_09', 'roster', 'me')).name
    for (const openid of ['o_demo_m_shiyan_09', 'o_demo_m_shiyan_10']) {
      await t.callOk(openid, 'meetings', 'subscribe', { templateIds: ['tmpl_political_birthday'] })
    }
    expect(
      await t.callOk('o_demo_m_shiyan_10', 'meetings', 'unsubscribe', { templateIds: ['tmpl_political_birthday'] }),
    ).toEqual({
      withdrawn: 1,
    })
    const mine = await t.callOk('o_demo_m_shiyan_09', 'meetings', 'mySubscriptions')
    expect(mine.items.find((item) => item.use === 'politicalBirthday')).toMatchObject({
      templateId: 'tmpl_political_birthday',
      credits: 1,
    })
    // The demo's members joined on 1 July (建党节).
    t.emu.clock.set(at('2026-07-01T08:00:00'))
    await t.emu.fireTrigger('meetings', 'daily')
    const sent = await sends('tmpl_political_birthday')
    expect(sent.map((entry) => entry.params.touser)).toEqual(['o_demo_m_shiyan_09'])
    const data = dataOf(sent[0])
    expect(data.name1.value).toBe(name)
    expect(data.thing2.value).toMatch(/^今天是您入党\d+周年纪念日$/)
    expect(data.date3.value).toBe('2026年7月1日')
  })
})

describe('群机器人: 发送测试消息 and 立即提醒', () => {
  const url = () => `${process.env.WECOM_WEBHOOK_BASE}/cgi-bin/webhook/send?key=templates-robot-0003`

  it('refuses without a robot, then posts at once and says when WeCom did not take it', async () => {
    expect(await t.call(as.secretary, 'meetings', 'testRobot', { branchId: OWN })).toMatchObject({
      ok: false,
      error: { code: 'REMINDER.NO_ROBOT' },
    })
    await t.callOk(as.secretary, 'meetings', 'setRobot', { branchId: OWN, url: url() })
    robot.hits.length = 0
    expect(await t.call(as.secretary, 'meetings', 'testRobot', { branchId: OWN })).toMatchObject({
      ok: true,
      data: { sentAt: NOW },
    })
    expect(robot.hits).toHaveLength(1)
    expect(robot.hits[0].body).toContain('测试消息')
    expect(robot.hits[0].body).toContain('实验小学党支部')

    robot.failNext(1)
    t.emu.clock.set(NOW + 1000)
    const failed = await t.call(as.secretary, 'meetings', 'testRobot', { branchId: OWN })
    expect(failed).toMatchObject({ ok: false, error: { code: 'REMINDER.ROBOT_FAILED' } })
    expect(!failed.ok && failed.error.message).toContain('HTTP 500')
    expect(await t.count('robot_queue', { branchId: OWN, status: 'failed', lastError: 'HTTP 500' })).toBe(1)
  })

  it('立即提醒 posts the branch’s next meeting, once however often it is tapped in a minute, at most 20 a minute', async () => {
    await t.callOk(as.secretary, 'meetings', 'setRobot', { branchId: OWN, url: url() })
    t.emu.clock.set(NOW + 10 * MIN)
    const next = await schedule(NOW + 40 * MIN, '支部委员会：研究发展党员工作')
    robot.hits.length = 0
    const first = await t.callOk(as.secretary, 'meetings', 'remindNow', { branchId: OWN })
    expect(first).toMatchObject({ meetingId: next, title: '支部委员会：研究发展党员工作' })
    await t.callOk(as.secretary, 'meetings', 'remindNow', { branchId: OWN })
    expect(robot.hits.map((hit) => hit.body)).toHaveLength(1)
    expect(robot.hits[0].body).toContain('支部委员会：研究发展党员工作')

    for (let i = 1; i < 20; i++) {
      t.emu.clock.set(NOW + 10 * MIN + i * 1000)
      await t.callOk(as.secretary, 'meetings', 'testRobot', { branchId: OWN })
    }
    t.emu.clock.set(NOW + 10 * MIN + 30_000)
    expect(await t.call(as.secretary, 'meetings', 'testRobot', { branchId: OWN })).toMatchObject({
      ok: false,
      error: { code: 'REMINDER.ROBOT_BUSY' },
    })
    expect(robot.hits).toHaveLength(20)
  })
})

describe('消息记录 (the emulator’s dev log)', () => {
  it('shows a shared card’s current figures as check-ins and hand marks update it, and each member’s messages', async () => {
    const meetingId = await schedule(NOW + 10 * MIN, '主题党日：重温入党誓词')
    const card = await t.callOk(as.secretary, 'meetings', 'shareCard', { meetingId })
    const code = await t.callOk(as.secretary, 'meetings', 'checkInCode', { meetingId })
    for (const openid of [as.member, 'o_demo_m_shiyan_07']) {
      await t.callOk(openid, 'meetings', 'checkIn', { meetingId, token: code.token })
    }
    await t.callOk(as.secretary, 'meetings', 'markAttendance', {
      meetingId,
      marks: [{ memberId: 'm_shiyan_08', status: 'present' }],
    })
    const log = (await (await fetch(`${t.emu.url}/api/_emulator/messages?from=${NOW - HOUR}`)).json()) as {
      members: { memberId: string; messages: { use: string; fields: { keyword: string; value: string }[] }[] }[]
      branches: {
        branchId: string
        cards: { meetingId: string; activityId: string; memberCount: string; roomLimit: string; updates: number }[]
      }[]
    }
    const shown = log.branches.find((branch) => branch.branchId === OWN)?.cards.find((c) => c.meetingId === meetingId)
    expect(shown).toMatchObject({
      activityId: card.activityId,
      memberCount: '3',
      roomLimit: String(card.counts.expected),
      updates: 3,
    })
    // The leave decision sent earlier at this instant, under its use's name.
    const decided = log.members.find((member) => member.memberId === 'm_shiyan_05')?.messages
    expect(decided?.find((message) => message.use === '请假审批结果')?.fields).toContainEqual({
      keyword: 'phrase3',
      value: '未批准',
    })
    // Before the card was shared, the log has nothing of it.
    const earlier = (await (await fetch(`${t.emu.url}/api/_emulator/messages?to=${NOW - HOUR}`)).json()) as {
      branches: { cards: { meetingId: string }[] }[]
    }
    expect(earlier.branches.flatMap((branch) => branch.cards).map((c) => c.meetingId)).not.toContain(meetingId)
  })
})
