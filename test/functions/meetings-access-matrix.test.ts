// Every meetings action as every persona against a meeting of 实验小学 (the secretary's branch): exactly the
// outcome expected — `ok` means the call succeeded (a crash is never "allowed"), anything else is the code the
// persona must get. A row whose allowed calls change what they act on (cancel, decide a leave, ask for leave)
// gives each persona its own meeting, so every allowed call can succeed on its own.
import { api } from '../../types/api'
import type { ErrorCode } from '../../types/errors'
import { as, type DemoEmulator, type MatrixCase, type Persona, startDemoEmulator } from './helpers/demo'
import { type FakeRobot, startFakeRobot } from './helpers/fake-robot'

let t: DemoEmulator
let meetingId: string
const OWN = 'org_b_shiyan'
const NOW = new Date('2026-05-12T09:00:00+08:00').getTime()
const MIN = 60_000
const HOUR = 60 * MIN

/** A meeting of 实验小学 starting in 10 minutes (check-in open), scheduled by its secretary. */
async function ownMeeting(title = '党课'): Promise<string> {
  const res = await t.callOk(as.secretary, 'meetings', 'schedule', {
    branchId: OWN,
    meeting: { type: 'lecture', title, startsAt: NOW + 10 * MIN, endsAt: NOW + 2 * HOUR, place: '会议室' },
  })
  return res.ids[0]
}

let robot: FakeRobot

beforeAll(async () => {
  // The local stand-in for WeCom's robot: no test reaches a Tencent host.
  robot = await startFakeRobot()
  t = await startDemoEmulator({ at: NOW })
  meetingId = await ownMeeting()
}, 60_000)
afterAll(async () => {
  await t.stop()
  await robot.close()
})
afterEach(() => t.emu.clock.set(NOW))

type Outcome = 'ok' | ErrorCode

const manage: Record<Persona, Outcome> = {
  bureau: 'ok',
  gbSecretary: 'MEETING.NOT_FOUND',
  secretary: 'ok',
  committee: 'AUTH.FORBIDDEN',
  member: 'AUTH.FORBIDDEN',
  instructor: 'AUTH.FORBIDDEN',
  unbound: 'AUTH.NOT_BOUND',
}
const branchManage: Record<Persona, Outcome> = { ...manage, gbSecretary: 'AUTH.FORBIDDEN' }
const branchRead: Record<Persona, Outcome> = { ...branchManage, committee: 'ok' }
const attendeeOrReader: Record<Persona, Outcome> = {
  ...manage,
  committee: 'ok',
  member: 'ok',
  instructor: 'MEETING.NOT_FOUND',
}
const anyMember: Record<Persona, Outcome> = {
  bureau: 'ok',
  gbSecretary: 'ok',
  secretary: 'ok',
  committee: 'ok',
  member: 'ok',
  instructor: 'ok',
  unbound: 'AUTH.NOT_BOUND',
}
/** Attendees only: bureau staff see the meeting but are not on its list. */
const attendees: Record<Persona, Outcome> = { ...attendeeOrReader, bureau: 'MEETING.NOT_ATTENDEE' }
const start = NOW + 30 * HOUR
const fields = { type: 'lecture', title: '党课', startsAt: start, endsAt: start + HOUR, place: '会议室' } as const

/** Rows that must run at another instant than NOW: minutes are written once a meeting has begun. */
const AT: Partial<Record<string, number>> = { writeMinutes: NOW + HOUR }

/** The branch's robot set first, so an allowed 发送测试消息 / 立即提醒 really posts. */
async function withRobot() {
  const url = `${process.env.WECOM_WEBHOOK_BASE}/cgi-bin/webhook/send?key=matrix-robot-0001`
  await t.callOk(as.secretary, 'meetings', 'setRobot', { branchId: OWN, url })
  return { branchId: OWN }
}

/** 补录 of a 党课 held two days ago with the whole branch's roll, a fresh meeting per persona. */
async function pastLecture(persona: Persona) {
  const roll = await t.callOk(as.secretary, 'meetings', 'scopeMembers', { branchId: OWN })
  return {
    requestId: `bf_matrix_${persona}`,
    branchId: OWN,
    meeting: {
      type: 'lecture' as const,
      title: '补录党课',
      startsAt: NOW - 48 * HOUR,
      endsAt: NOW - 47 * HOUR,
      place: '会议室',
    },
    // Everyone but the caller: nobody records their own attendance.
    marks: roll.members
      .filter((member) => `o_demo_${member.id}` !== as[persona])
      .map((member) => ({ memberId: member.id, status: 'present' as const })),
    minutes: { text: '会议学习了党章，交流了学习体会和下一步打算。', photos: [] },
  }
}

const cases: MatrixCase<'meetings', [expected: Record<Persona, Outcome>]>[] = [
  ['backfill', pastLecture, branchManage],
  ['scopeMembers', () => ({ branchId: OWN }), branchManage],
  ['schedule', () => ({ branchId: OWN, meeting: fields }), branchManage],
  ['update', () => ({ meetingId, meeting: { ...fields, startsAt: NOW + 10 * MIN, endsAt: NOW + 2 * HOUR } }), manage],
  ['listMine', () => ({}), anyMember],
  ['listBranch', () => ({ branchId: OWN }), branchRead],
  ['get', () => ({ meetingId }), { ...attendeeOrReader, bureau: 'ok' }],
  ['checkInCode', () => ({ meetingId }), manage],
  [
    'checkIn',
    async () => {
      const code = await t.callOk(as.secretary, 'meetings', 'checkInCode', { meetingId })
      return { meetingId, token: code.token }
    },
    // A meeting the caller cannot see answers a check-in as a bad code, so a scene reveals nothing.
    { ...attendees, gbSecretary: 'MEETING.TOKEN_INVALID', instructor: 'MEETING.TOKEN_INVALID' },
  ],
  ['markAttendance', () => ({ meetingId, marks: [{ memberId: 'm_shiyan_10', status: 'present' as const }] }), manage],
  ['requestLeave', async () => ({ meetingId: await ownMeeting('请假用'), reason: '外出培训' }), attendees],
  ['listLeaves', () => ({ meetingId }), manage],
  [
    'decideLeave',
    async () => {
      const own = await ownMeeting('审批请假用')
      await t.callOk(as.member, 'meetings', 'requestLeave', { meetingId: own, reason: '外出培训' })
      return { meetingId: own, memberId: 'm_shiyan_06', approve: true }
    },
    manage,
  ],
  [
    'withdrawLeave',
    async (persona) => {
      const own = await ownMeeting('撤回请假用')
      // The persona's own request first, where it may ask: an allowed withdrawal takes back a real request.
      await t.call(as[persona], 'meetings', 'requestLeave', { meetingId: own, reason: '外出培训' })
      return { meetingId: own }
    },
    // Bureau staff are not invited, so they have no request to take back.
    { ...attendees, bureau: 'MEETING.LEAVE_NOT_FOUND' },
  ],
  ['writeMinutes', () => ({ meetingId, text: '会议学习了党章，交流了体会。' }), manage],
  ['recordBook', () => ({ branchId: OWN }), branchRead],
  ['recordBookPdf', () => ({ branchId: OWN }), branchManage],
  ['compliance', () => ({ branchId: OWN }), branchRead],
  ['getRules', () => ({}), anyMember],
  ['subscribe', () => ({ templateIds: ['tmpl_meeting_reminder'] }), anyMember],
  ['unsubscribe', () => ({ templateIds: ['tmpl_political_birthday'] }), anyMember],
  ['mySubscriptions', () => ({}), anyMember],
  ['shareCard', () => ({ meetingId }), { ...attendeeOrReader, bureau: 'ok' }],
  ['remindAbsent', () => ({ meetingId }), manage],
  ['testRobot', withRobot, branchManage],
  ['remindNow', withRobot, branchManage],
  ['getRobot', () => ({ branchId: OWN }), branchManage],
  ['setRobot', () => ({ branchId: OWN, url: null }), branchManage],
  ['cancel', async () => ({ meetingId: await ownMeeting('取消用'), reason: '测试取消' }), manage],
]
// `member` and `committee` are attendees; `instructor` cannot see 实验小学 at all.
const personas = Object.keys(as) as Persona[]

describe.each(cases)('%s', (action, data, expected) => {
  it.each(personas)('as %s', async (persona) => {
    const input = await data(persona)
    const at = AT[action]
    if (at) t.emu.clock.set(at)
    const res = await t.callUnchecked(as[persona], 'meetings', action, input)
    expect(res.ok ? 'ok' : res.error.code).toBe(expected[persona])
  })
})

it('covers every meetings action a client may call', () => {
  const covered = new Set<string>([...cases.map(([action]) => action), 'updateRules', 'rebuildDigests'])
  const clientActions = Object.entries(api.meetings as Record<string, { roles: unknown }>)
    .filter(([, contract]) => contract.roles !== 'server')
    .map(([name]) => name)
  expect(clientActions.filter((name) => !covered.has(name))).toEqual([])
})

it('updateRules is for bureau staff only', async () => {
  const rules = await t.call(as.bureau, 'meetings', 'getRules', {})
  if (!rules.ok) throw new Error('getRules')
  for (const persona of personas) {
    const res = await t.call(as[persona], 'meetings', 'updateRules', { ...rules.data, lateGraceMinutes: 10 })
    const expected = persona === 'bureau' ? 'ok' : persona === 'unbound' ? 'AUTH.NOT_BOUND' : 'AUTH.FORBIDDEN'
    expect(res.ok ? 'ok' : res.error.code).toBe(expected)
  }
})

it('rebuildDigests is for bureau staff only, and changes nothing when refused', async () => {
  for (const persona of personas) {
    const res = await t.call(as[persona], 'meetings', 'rebuildDigests', {})
    const expected = persona === 'bureau' ? 'ok' : persona === 'unbound' ? 'AUTH.NOT_BOUND' : 'AUTH.FORBIDDEN'
    expect(res.ok ? 'ok' : res.error.code).toBe(expected)
  }
})
