// Meetings as they really happen, through the real SDK against the emulator and the demo seed: a 党小组会
// invites, reminds, marks absent and charges only its group; a meeting that was scheduled but never
// recorded is not on track; 补录 of a past meeting turns a 未开展 cell into 已开展 (and too late a 补录 does
// not); check-in on a phone (location, the typed short code, its lock); points only from the start; a
// transferred member leaves the old branch's future meetings; 列席 prospects; edits, cancellations and
// scope checks.
import type { LedgerEntry } from '../../types/points'
import { as, type DemoEmulator, startDemoEmulator } from './helpers/demo'

let t: DemoEmulator
const at = (iso: string) => new Date(`${iso}+08:00`).getTime()
const NOW = at('2026-05-12T09:00:00')
const HOUR = 3_600_000
const MIN = 60_000
const DAY = 24 * HOUR
const SHIYAN = 'org_b_shiyan'
const CHENGGUAN = 'org_b_chengguan'
const LOW_GROUP = 'org_b_shiyan_g1' // 低年级党小组: m_shiyan_01, 03, 05, 07, 09; 组长 m_shiyan_03
const CG_FIRST_GROUP = 'org_b_chengguan_g1' // skipped April's 党小组会 in the seed
const CG_SECRETARY = 'o_demo_m_chengguan_01'
const CG_SECRETARY_ID = 'm_chengguan_01'
const TEMPLATE = 'tmpl_meeting_reminder'

beforeAll(async () => {
  // This month's points only: with the lived year the member's 按时参加组织生活 would be at its yearly cap.
  t = await startDemoEmulator({ at: NOW, history: false })
}, 60_000)
afterAll(() => t.stop())
afterEach(() => t.emu.clock.set(NOW))

const meeting = (startsAt: number, extra: Record<string, unknown> = {}) => ({
  type: 'group_meeting' as const,
  title: '党小组会：学习党章',
  startsAt,
  endsAt: startsAt + HOUR,
  place: '实验小学会议室',
  ...extra,
})

async function cell(branchId: string, period: string) {
  const matrix = await t.callOk(as.bureau, 'bureau', 'complianceMatrix', { year: Number(period.slice(0, 4)) })
  return matrix.rows.find((row) => row.branchId === branchId)?.cells.find((c) => c.period === period)
}

const ledgerOf = async (meetingId: string) =>
  (
    (await t.db
      .collection('points_ledger')
      .where({ sourceEvent: t.db.RegExp({ regexp: `:${meetingId}:` }) })
      .get()) as unknown as { data: LedgerEntry[] }
  ).data

describe('a 党小组会 is for its group only', () => {
  it('invites, reminds, marks absent and charges only the group’s members; 未签到 until marking closes', async () => {
    for (const openid of ['o_demo_m_shiyan_07', as.member]) {
      await t.callOk(openid, 'meetings', 'subscribe', { templateIds: [TEMPLATE] })
    }
    const startsAt = NOW + 3 * HOUR
    const { ids } = await t.callOk(as.secretary, 'meetings', 'schedule', {
      branchId: SHIYAN,
      scope: { kind: 'group', groupId: LOW_GROUP },
      meeting: meeting(startsAt),
    })
    const meetingId = ids[0]
    const detail = await t.callOk(as.secretary, 'meetings', 'get', { meetingId })
    expect(detail.attendance?.map((row) => row.memberId)).toEqual([
      'm_shiyan_01',
      'm_shiyan_03',
      'm_shiyan_05',
      'm_shiyan_07',
      'm_shiyan_09',
    ])
    expect(detail).toMatchObject({ groupName: '低年级党小组', hostId: 'm_shiyan_03' })
    // A member of the other group neither sees it nor is reminded of it.
    const theirs = await t.callOk(as.member, 'meetings', 'listMine', { when: 'upcoming', pageSize: 50 })
    expect(theirs.items.map((item) => item.id)).not.toContain(meetingId)
    t.emu.clock.set(startsAt - HOUR + MIN)
    await t.emu.fireTrigger('meetings', 'remind')
    const reminded = (await t.emu.outbox())
      .filter((entry) => entry.apiName === 'subscribeMessage.send' && JSON.stringify(entry.params).includes(meetingId))
      .map((entry) => entry.params.touser)
    expect(reminded).toEqual(['o_demo_m_shiyan_07'])

    t.emu.clock.set(startsAt + 10 * MIN)
    await t.callOk(as.secretary, 'meetings', 'markAttendance', {
      meetingId,
      marks: [{ memberId: 'm_shiyan_03', status: 'present' }],
    })
    // Nobody marks their own attendance: the secretary's is marked by bureau staff.
    await t.callOk(as.bureau, 'meetings', 'markAttendance', {
      meetingId,
      marks: [{ memberId: 'm_shiyan_01', status: 'present' }],
    })
    // Over, before the close: the rest are 未签到, not 缺席.
    t.emu.clock.set(startsAt + HOUR + MIN)
    const before = await t.callOk(as.secretary, 'meetings', 'get', { meetingId })
    expect(before).toMatchObject({ markingClosed: false, counts: { present: 2, absent: 0, unmarked: 3 } })
    await t.emu.fireTrigger('meetings', 'remind')
    const after = await t.callOk(as.secretary, 'meetings', 'get', { meetingId })
    expect(after).toMatchObject({ markingClosed: true, counts: { expected: 5, present: 2, absent: 3, unmarked: 0 } })
    expect(await t.count('meeting_attendance', { meetingId, status: 'absent' })).toBe(3)
    await t.emu.fireTrigger('points', 'settle')
    const charged = (await ledgerOf(meetingId)).filter((entry) => entry.points < 0).map((entry) => entry.memberId)
    expect(charged.sort()).toEqual(['m_shiyan_05', 'm_shiyan_07', 'm_shiyan_09'])
  })

  it('refuses a scope that does not fit the type, a 党小组会 without its group, a host from elsewhere', async () => {
    const before = await t.count('meetings', {})
    const refusals = [
      await t.call(as.secretary, 'meetings', 'schedule', { branchId: SHIYAN, meeting: meeting(NOW + DAY) }),
      await t.call(as.secretary, 'meetings', 'schedule', {
        branchId: SHIYAN,
        scope: { kind: 'branch' },
        meeting: meeting(NOW + DAY),
      }),
      await t.call(as.secretary, 'meetings', 'schedule', {
        branchId: SHIYAN,
        scope: { kind: 'group', groupId: LOW_GROUP },
        meeting: meeting(NOW + DAY, { type: 'committee_meeting' }),
      }),
      await t.call(as.secretary, 'meetings', 'schedule', {
        branchId: SHIYAN,
        scope: { kind: 'committee' },
        meeting: meeting(NOW + DAY, { type: 'committee_meeting', alsoCounts: ['lecture'] }),
      }),
    ]
    expect(refusals.map((res) => (res.ok ? 'ok' : res.error.code))).toEqual([
      'MEETING.SCOPE_MISMATCH',
      'MEETING.SCOPE_MISMATCH',
      'MEETING.SCOPE_MISMATCH',
      'MEETING.SCOPE_MISMATCH',
    ])
    const stranger = await t.call(as.secretary, 'meetings', 'schedule', {
      branchId: SHIYAN,
      scope: { kind: 'group', groupId: LOW_GROUP },
      meeting: meeting(NOW + DAY, { hostId: 'm_chengguan_02' }),
    })
    expect(stranger).toMatchObject({ ok: false, error: { code: 'MEETING.NOT_IN_BRANCH' } })
    expect(await t.count('meetings', {})).toBe(before)
    // 支委会 defaults to the committee.
    const { ids } = await t.callOk(as.secretary, 'meetings', 'schedule', {
      branchId: SHIYAN,
      meeting: meeting(NOW + DAY, { type: 'committee_meeting' }),
    })
    const committee = await t.callOk(as.secretary, 'meetings', 'get', { meetingId: ids[0] })
    expect(committee.scope).toEqual({ kind: 'committee' })
    expect(committee.counts.expected).toBe(5)
  })
})

describe('evidence, not scheduling, makes a meeting count', () => {
  it('a 主题党日 scheduled but never recorded is 待补记录, then not on track, never 已开展', async () => {
    t.emu.clock.set(at('2026-06-01T09:00:00'))
    const startsAt = at('2026-06-09T15:00:00')
    await t.callOk(CG_SECRETARY, 'meetings', 'schedule', {
      branchId: CHENGGUAN,
      meeting: meeting(startsAt, { type: 'theme_day', title: '主题党日：参观红色教育基地', place: '纪念馆' }),
    })
    const item = async () => {
      const res = await t.callOk(CG_SECRETARY, 'meetings', 'compliance', { branchId: CHENGGUAN })
      return res.branches[0].items.find((entry) => entry.type === 'theme_day')?.status
    }
    expect(await item()).toBe('planned')
    await t.callOk(CG_SECRETARY, 'meetings', 'subscribe', { templateIds: [TEMPLATE] })
    t.emu.clock.set(startsAt + 2 * DAY)
    expect(await item()).toBe('awaiting_record')
    // The daily run reminds the secretary, once, to record it before it turns 未开展.
    await t.emu.fireTrigger('meetings', 'daily')
    await t.emu.fireTrigger('meetings', 'daily')
    const reminders = (await t.emu.outbox()).filter(
      (entry) => entry.apiName === 'subscribeMessage.send' && JSON.stringify(entry.params).includes('会议记录待补录'),
    )
    expect(reminders.map((entry) => entry.params.touser)).toEqual([CG_SECRETARY])
    t.emu.clock.set(startsAt + 10 * DAY)
    expect(await item()).toBe('due')
    const overview = await t.callOk(as.bureau, 'bureau', 'overview')
    expect(overview.compliance.unscheduled).toBeGreaterThanOrEqual(1)
    expect((await cell(CHENGGUAN, '2026-06'))?.state).toBe('open')
    t.emu.clock.set(at('2026-07-20T09:00:00'))
    const june = await cell(CHENGGUAN, '2026-06')
    expect(june?.state).toBe('missing')
    expect(june?.items).toContainEqual({ type: 'theme_day', groupName: null, period: '2026-06', status: 'missing' })
  })

  it('补录 of last month’s missed 党小组会 with its roll and minutes turns 未开展 into 已开展', async () => {
    expect((await cell(CHENGGUAN, '2026-04'))?.state).toBe('missing')
    const group = await t.callOk(CG_SECRETARY, 'meetings', 'scopeMembers', { branchId: CHENGGUAN })
    const invited = group.members.filter((member) => member.groupId === CG_FIRST_GROUP).map((member) => member.id)
    // The secretary is in the group; nobody records their own attendance, so their row waits for another manager.
    expect(invited).toContain(CG_SECRETARY_ID)
    const others = invited.filter((memberId) => memberId !== CG_SECRETARY_ID)
    const startsAt = at('2026-04-24T15:00:00')
    const input = {
      requestId: 'mt_backfill_cg_april',
      branchId: CHENGGUAN,
      scope: { kind: 'group' as const, groupId: CG_FIRST_GROUP },
      meeting: meeting(startsAt, { place: '城关小学会议室' }),
      marks: others.map((memberId, index) => ({
        memberId,
        status: index === 1 ? ('absent' as const) : ('present' as const),
      })),
      minutes: { text: '学习党章第二章，结合教学实际交流体会。' },
    }
    // Every invited member needs a mark; none from outside the group.
    expect(await t.call(CG_SECRETARY, 'meetings', 'backfill', { ...input, marks: input.marks.slice(1) })).toMatchObject(
      {
        ok: false,
        error: { code: 'MEETING.ROLL_INCOMPLETE' },
      },
    )
    expect(
      await t.call(CG_SECRETARY, 'meetings', 'backfill', {
        ...input,
        marks: [...input.marks, { memberId: 'm_chengguan_02', status: 'present' }],
      }),
    ).toMatchObject({ ok: false, error: { code: 'MEETING.NOT_ATTENDEE' } })
    expect(
      await t.call(CG_SECRETARY, 'meetings', 'backfill', { ...input, meeting: meeting(NOW + HOUR) }),
    ).toMatchObject({ ok: false, error: { code: 'MEETING.NOT_PAST' } })
    expect(
      await t.call(CG_SECRETARY, 'meetings', 'backfill', {
        ...input,
        marks: [...input.marks, { memberId: CG_SECRETARY_ID, status: 'present' }],
      }),
    ).toMatchObject({ ok: false, error: { code: 'AUTH.SELF_DEALING' } })
    expect(await t.count('meetings', { _id: input.requestId })).toBe(0)

    const saved = await t.callOk(CG_SECRETARY, 'meetings', 'backfill', input)
    expect(saved).toMatchObject({ id: input.requestId, record: 'held' })
    // The secretary is 未签到 until another manager marks them.
    expect(saved.summary).toMatch(/^应到\d人，实到\d人，迟到0人，请假0人，缺席1人（.+），未签到1人$/)
    // A retry (the network dropped the answer) writes nothing twice.
    expect(await t.callOk(CG_SECRETARY, 'meetings', 'backfill', input)).toMatchObject({ id: input.requestId })
    expect(await t.count('meeting_attendance', { meetingId: input.requestId })).toBe(others.length)
    // Bureau staff mark the secretary's own attendance afterwards.
    await t.callOk(as.bureau, 'meetings', 'markAttendance', {
      meetingId: input.requestId,
      marks: [{ memberId: CG_SECRETARY_ID, status: 'present' }],
    })
    expect(await t.count('meeting_attendance', { meetingId: input.requestId })).toBe(invited.length)
    expect(await t.count('audit_log', { action: 'meetings.backfill', targetId: input.requestId })).toBe(1)
    expect(await t.count('domain_events', { sourceId: input.requestId, kind: 'meeting.absent' })).toBe(1)

    expect((await cell(CHENGGUAN, '2026-04'))?.state).toBe('held')
    const book = await t.callOk(CG_SECRETARY, 'meetings', 'recordBook', { branchId: CHENGGUAN, period: '2026-04' })
    expect(book.entries.find((entry) => entry.id === input.requestId)).toMatchObject({
      backfilled: true,
      record: 'held',
    })
  })

  it('a 补录 later than the bureau’s 补录时限 is recorded but does not count', async () => {
    const startsAt = at('2026-03-03T15:00:00') // 70 days before, 补录 counts within 30
    const group = await t.callOk(CG_SECRETARY, 'meetings', 'scopeMembers', { branchId: CHENGGUAN })
    const marks = group.members
      .filter((member) => member.groupId === CG_FIRST_GROUP && member.id !== CG_SECRETARY_ID)
      .map((member) => ({ memberId: member.id, status: 'present' as const }))
    const saved = await t.callOk(CG_SECRETARY, 'meetings', 'backfill', {
      requestId: 'mt_backfill_cg_march',
      branchId: CHENGGUAN,
      scope: { kind: 'group', groupId: CG_FIRST_GROUP },
      meeting: meeting(startsAt, { title: '党小组会：补录三月' }),
      marks,
      minutes: { text: '三月党小组会，学习了全会精神。' },
    })
    expect(saved.record).toBe('missing')
  })
})

describe('check-in on a phone', () => {
  const PLACE = { latitude: 30.2741, longitude: 120.1551, radiusMeters: 200 }
  let meetingId: string
  beforeAll(async () => {
    t.emu.clock.set(NOW)
    ;[meetingId] = (
      await t.callOk(as.secretary, 'meetings', 'schedule', {
        branchId: SHIYAN,
        meeting: meeting(NOW + 20 * MIN, { type: 'study', title: '集中学习：定位签到', location: PLACE }),
      })
    ).ids
  })

  it('needs a position within the radius, typed with the short code; refuses bad coordinates', async () => {
    const code = await t.callOk(as.secretary, 'meetings', 'checkInCode', { meetingId })
    expect(code.shortCode).toMatch(/^\d{6}$/)
    const checkIn = (position: { latitude: number; longitude: number } | null) =>
      t.call(as.member, 'meetings', 'checkIn', { meetingId, shortCode: code.shortCode, position })
    expect(await checkIn(null)).toMatchObject({ ok: false, error: { code: 'MEETING.LOCATION_REQUIRED' } })
    const far = await checkIn({ latitude: 30.2851, longitude: 120.1551 })
    expect(far).toMatchObject({ ok: false, error: { code: 'MEETING.TOO_FAR' } })
    expect(far.ok ? '' : far.error.message).toMatch(/约1\d{3}米（须在200米内）/)
    expect(
      await t.callUnchecked(as.member, 'meetings', 'checkIn', {
        meetingId,
        shortCode: code.shortCode,
        position: { latitude: 1e308, longitude: 120 },
      }),
    ).toMatchObject({ ok: false, error: { code: 'INPUT.INVALID' } })
    expect(await t.count('meeting_attendance', { meetingId })).toBe(0)
    expect(await checkIn({ latitude: 30.2745, longitude: 120.1553 })).toMatchObject({
      ok: true,
      data: { status: 'present', first: true, meetingId },
    })
  })

  it('pays attendance points only once the meeting has started', async () => {
    await t.emu.fireTrigger('points', 'settle')
    expect(await ledgerOf(meetingId)).toEqual([])
    t.emu.clock.set(NOW + 20 * MIN + 1)
    await t.emu.fireTrigger('points', 'settle')
    expect((await ledgerOf(meetingId)).map((entry) => [entry.memberId, entry.points])).toEqual([['m_shiyan_06', 3]])
  })

  it('ten wrong short codes lock typing for that member and meeting', async () => {
    const code = await t.callOk(as.secretary, 'meetings', 'checkInCode', { meetingId })
    const wrong = code.shortCode === '000000' ? '111111' : '000000'
    const position = { latitude: 30.2741, longitude: 120.1551 }
    for (let i = 0; i < 10; i++) {
      expect(
        await t.call('o_demo_m_shiyan_07', 'meetings', 'checkIn', { meetingId, shortCode: wrong, position }),
      ).toMatchObject({ ok: false, error: { code: 'MEETING.TOKEN_INVALID' } })
    }
    expect(
      await t.call('o_demo_m_shiyan_07', 'meetings', 'checkIn', { meetingId, shortCode: code.shortCode, position }),
    ).toMatchObject({ ok: false, error: { code: 'MEETING.TOO_MANY_TRIES' } })
    // Scanning still works.
    expect(await t.call('o_demo_m_shiyan_07', 'meetings', 'checkIn', { scene: code.scene, position })).toMatchObject({
      ok: true,
      data: { status: 'present' },
    })
  })

  it('a member transferred out leaves the old branch’s future meetings and joins the new branch’s', async () => {
    await t.callOk(as.secretary, 'roster', 'transferMember', {
      memberId: 'm_shiyan_08',
      toBranchId: CHENGGUAN,
      toGroupId: CG_FIRST_GROUP,
    })
    const old = await t.callOk(as.secretary, 'meetings', 'get', { meetingId })
    expect(old.attendance?.map((row) => row.memberId)).not.toContain('m_shiyan_08')
    const code = await t.callOk(as.secretary, 'meetings', 'checkInCode', { meetingId })
    expect(
      await t.call('o_demo_m_shiyan_08', 'meetings', 'checkIn', {
        scene: code.scene,
        position: { latitude: 30.2741, longitude: 120.1551 },
      }),
      // No longer an attendee nor a reader of the old branch: the code reads as not theirs.
    ).toMatchObject({ ok: false, error: { code: 'MEETING.TOKEN_INVALID' } })
    const upcoming = await t.callOk('o_demo_m_shiyan_08', 'meetings', 'listMine', { when: 'upcoming', pageSize: 50 })
    expect(upcoming.items.every((item) => item.branchId === CHENGGUAN)).toBe(true)
    expect(upcoming.items.map((item) => item.id)).toContain('mt_demo_chengguan_lecture_next')
  })
})

describe('列席, edits and cancellations', () => {
  it('a branch meeting may invite the 入党积极分子 and 发展对象 without a vote or a place in 应到', async () => {
    const members = await t.callOk(as.secretary, 'meetings', 'scopeMembers', { branchId: SHIYAN })
    expect(members.prospects.map((p) => [p.name, p.stage])).toEqual([
      ['邵雨晴', 'activist'],
      ['葛振宇', 'candidate'],
    ])
    expect(members.groups.find((g) => g.id === LOW_GROUP)?.leaderId).toBe('m_shiyan_03')
    const { ids } = await t.callOk(as.secretary, 'meetings', 'schedule', {
      branchId: SHIYAN,
      scope: { kind: 'branch', prospects: true },
      meeting: meeting(NOW + 2 * DAY, { type: 'lecture', title: '党课：党章学习' }),
    })
    const detail = await t.callOk(as.secretary, 'meetings', 'get', { meetingId: ids[0] })
    expect(detail.guests?.map((guest) => guest.name)).toEqual(['邵雨晴', '葛振宇'])
    expect(detail.counts.expected).toBe(members.members.length)
  })

  it('an edit with a reason tells the invited; a retried schedule makes one meeting; cancel needs a reason', async () => {
    const input = {
      branchId: SHIYAN,
      requestId: 'mt_request_once',
      meeting: meeting(NOW + 3 * DAY, { type: 'theme_day', title: '主题党日：社区服务' }),
    }
    const first = await t.callOk(as.secretary, 'meetings', 'schedule', input)
    const again = await t.callOk(as.secretary, 'meetings', 'schedule', input)
    expect(again.ids).toEqual(first.ids)
    expect(await t.count('meetings', { _id: 'mt_request_once' })).toBe(1)
    const moved = await t.callOk(as.secretary, 'meetings', 'update', {
      meetingId: first.ids[0],
      meeting: { ...input.meeting, startsAt: NOW + 4 * DAY, endsAt: NOW + 4 * DAY + HOUR, place: '社区服务中心' },
      reason: '与期中考试冲突',
    })
    expect(moved).toMatchObject({ place: '社区服务中心', startsAt: NOW + 4 * DAY })
    const notice = (await t.emu.outbox()).filter(
      (entry) => entry.apiName === 'subscribeMessage.send' && JSON.stringify(entry.params).includes('与期中考试冲突'),
    )
    expect(notice.length).toBeGreaterThan(0)
    expect(await t.call(as.secretary, 'meetings', 'cancel', { meetingId: first.ids[0], reason: '' })).toMatchObject({
      ok: false,
      error: { code: 'INPUT.INVALID' },
    })
    expect(
      await t.callOk(as.secretary, 'meetings', 'cancel', { meetingId: first.ids[0], reason: '上级临时通知集中培训' }),
    ).toMatchObject({ cancelled: true })
  })
})
