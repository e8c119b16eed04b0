// Every meetings action as every persona against a meeting of 实验小学 (the secretary's branch): allowed, or refused
// with exactly the expected code. "allowed" means the call got past access control (it may still meet a domain rule).
import { as, type DemoEmulator, type MatrixCase, type Persona, startDemoEmulator } from './helpers/demo'

let t: DemoEmulator
let meetingId: string
const OWN = 'org_b_shiyan'
const NOW = new Date('2026-05-12T09:00:00+08:00').getTime()
const HOUR = 3_600_000

beforeAll(async () => {
  t = await startDemoEmulator({ at: NOW })
  const res = await t.call(as.secretary, 'meetings', 'schedule', {
    branchId: OWN,
    meeting: { type: 'lecture', title: '党课', startsAt: NOW + 10 * 60_000, endsAt: NOW + 2 * HOUR, place: '会议室' },
  })
  if (!res.ok) throw new Error(JSON.stringify(res.error))
  meetingId = res.data.ids[0]
}, 60_000)
afterAll(() => t.stop())

type Outcome = 'allowed' | 'AUTH.FORBIDDEN' | 'AUTH.NOT_BOUND' | 'MEETING.NOT_FOUND' | 'MEETING.TOKEN_INVALID'
// A meeting the caller cannot see answers a check-in as a bad code, so a scene reveals nothing.
const DENIALS = ['AUTH.FORBIDDEN', 'AUTH.NOT_BOUND', 'MEETING.NOT_FOUND', 'ROSTER.NOT_FOUND', 'MEETING.TOKEN_INVALID']

const manage: Record<Persona, Outcome> = {
  bureau: 'allowed',
  gbSecretary: 'MEETING.NOT_FOUND',
  secretary: 'allowed',
  committee: 'AUTH.FORBIDDEN',
  member: 'AUTH.FORBIDDEN',
  instructor: 'AUTH.FORBIDDEN',
  unbound: 'AUTH.NOT_BOUND',
}
const branchManage: Record<Persona, Outcome> = { ...manage, gbSecretary: 'AUTH.FORBIDDEN' }
const branchRead: Record<Persona, Outcome> = { ...branchManage, committee: 'allowed' }
const attendeeOrReader: Record<Persona, Outcome> = {
  ...manage,
  committee: 'allowed',
  member: 'allowed',
  instructor: 'MEETING.NOT_FOUND',
}
const anyMember: Record<Persona, Outcome> = {
  bureau: 'allowed',
  gbSecretary: 'allowed',
  secretary: 'allowed',
  committee: 'allowed',
  member: 'allowed',
  instructor: 'allowed',
  unbound: 'AUTH.NOT_BOUND',
}
const meetingOnly = { ...attendeeOrReader, bureau: 'allowed' as const }
const start = NOW + 30 * HOUR
const fields = { type: 'lecture', title: '党课', startsAt: start, endsAt: start + HOUR, place: '会议室' } as const

const cases: MatrixCase<'meetings', [expected: Record<Persona, Outcome>]>[] = [
  ['schedule', () => ({ branchId: OWN, meeting: fields }), branchManage],
  [
    'update',
    () => ({ meetingId, meeting: { ...fields, startsAt: NOW + 10 * 60_000, endsAt: NOW + 2 * HOUR } }),
    manage,
  ],
  ['listMine', () => ({}), anyMember],
  ['listBranch', () => ({ branchId: OWN }), branchRead],
  ['get', () => ({ meetingId }), meetingOnly],
  ['checkInCode', () => ({ meetingId }), manage],
  [
    'checkIn',
    async () => {
      const code = await t.call(as.secretary, 'meetings', 'checkInCode', { meetingId })
      return { meetingId, token: code.ok ? code.data.token : '' }
    },
    { ...meetingOnly, gbSecretary: 'MEETING.TOKEN_INVALID', instructor: 'MEETING.TOKEN_INVALID' },
  ],
  ['markAttendance', () => ({ meetingId, marks: [{ memberId: 'm_shiyan_10', status: 'present' as const }] }), manage],
  ['requestLeave', () => ({ meetingId, reason: '外出培训' }), meetingOnly],
  ['listLeaves', () => ({ meetingId }), manage],
  ['decideLeave', () => ({ meetingId, memberId: 'm_shiyan_06', approve: true }), manage],
  ['withdrawLeave', () => ({ meetingId }), meetingOnly],
  ['writeMinutes', () => ({ meetingId, text: '会议学习了党章，交流了体会。' }), manage],
  ['recordBook', () => ({ branchId: OWN }), branchRead],
  ['recordBookPdf', () => ({ branchId: OWN }), branchManage],
  ['compliance', () => ({ branchId: OWN }), branchRead],
  ['getRules', () => ({}), anyMember],
  ['subscribe', () => ({ templateIds: ['tmpl_meeting_reminder'] }), anyMember],
  ['shareCard', () => ({ meetingId }), meetingOnly],
  ['remindAbsent', () => ({ meetingId }), manage],
  ['getRobot', () => ({ branchId: OWN }), branchManage],
  ['setRobot', () => ({ branchId: OWN, url: null }), branchManage],
  ['cancel', () => ({ meetingId, reason: '测试取消' }), manage],
]
// `member` and `committee` are attendees; `instructor` cannot see 实验小学 at all.
const personas = Object.keys(as) as Persona[]

describe.each(cases)('%s', (action, data, expected) => {
  it.each(personas)('as %s', async (persona) => {
    if (action === 'cancel' && persona !== 'unbound' && expected[persona] === 'allowed') return // would end the other cases
    const res = await t.callUnchecked(as[persona], 'meetings', action, await data())
    const outcome = res.ok || !DENIALS.includes(res.error.code) ? 'allowed' : res.error.code
    expect(outcome).toBe(expected[persona])
  })
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
