import type { api } from '../../types/api'
import type { MeetingDoc } from '../../types/meetings'
import { dueSlot, reminderSendId } from '../domain/meetings/reminder-slots'
import { shanghaiDate } from '../domain/time'
import { COLLECTIONS } from '../runtime/collections'
import { DomainError } from '../runtime/domain-error'
import type { Ports } from '../runtime/ports'
import { atMost, within } from '../runtime/range'
import type { Handler } from '../runtime/router'
import type { Store } from '../runtime/store'
import { loadRules } from '../shared/meeting-rules'
import { membersByIds } from '../shared/members'
import { deliverRobotQueue, queueRobot } from '../shared/messaging/robot-queue'
import { deliverStudyNudges } from '../shared/messaging/study-nudges'
import { sendToMembers } from '../shared/messaging/subscribe-send'
import { eachTenant } from '../shared/timer-items'
import { refreshEvidence } from './digest'
import { insertRow, settlePendingRows } from './events'
import { attendanceId, MEETING_PAGE } from './ids'
import { loadManagedMeeting, requireLive } from './meeting-access'
import { notifyMembers, reminderValues, robotMarkdown } from './notify'

const DAY = 86_400_000
/** Work stops here and the next 5-minute run continues; the function's timeout is 60 s. */
const RUN_BUDGET_MS = 45_000
const NOTE: Record<string, string> = { '24h': '将于明天举行，请准时参加', '1h': '将于1小时后开始，请准时参加' }

/**
 * One reminder slot of one meeting to every attendee with a credit. Members
 * already handled (a send record exists) are skipped up front, so a run
 * cut off by its budget continues in the next without sending twice.
 */
async function remindMeeting(ports: Ports, meeting: MeetingDoc, slot: '24h' | '1h', now: number, deadline: number) {
  const { store } = ports
  const rules = await loadRules(store, meeting.tenantId)
  const handled = new Set(
    (
      await store.findAll(COLLECTIONS.reminderSends, { meetingId: meeting._id, slot }, { fields: { memberId: true } })
    ).map((send) => send.memberId),
  )
  const { sent, cut } = await sendToMembers(
    ports,
    {
      tenantId: meeting.tenantId,
      rules,
      use: 'meetingReminder',
      members: meeting.attendeeIds.filter((id) => !handled.has(id)),
      memberIdOf: (memberId) => memberId,
      width: 16,
      deadline,
    },
    (memberId) => ({
      sendId: reminderSendId(meeting._id, memberId, slot),
      meetingId: meeting._id,
      slot,
      page: `${MEETING_PAGE}?id=${meeting._id}`,
      values: reminderValues(meeting, NOTE[slot]),
      now,
    }),
  )
  if (cut) return { sent, done: false }
  await store.update(COLLECTIONS.meetings, meeting._id, { remindersDone: [...meeting.remindersDone, slot] })
  await queueRobot(store, {
    id: `${meeting._id}:${slot}`,
    tenantId: meeting.tenantId,
    branchId: meeting.branchId,
    markdown: robotMarkdown(meeting, slot === '1h' ? '会议1小时后开始' : '会议提醒'),
    now,
  })
  return { sent, done: true }
}

/**
 * After a meeting ends, marking closes: invited members with no record become
 * absent (缺席) — unless their leave was approved, or they are no longer
 * members of the branch (transferred out or 停用: never charged for a meeting
 * they were taken off). Each absence is written with its points fact pending
 * and then settled, so nothing is swallowed: a failure leaves the meeting
 * unclosed and the next run repeats it, finding the rows already written.
 */
async function closeMeeting(store: Store, meeting: MeetingDoc, now: number) {
  const [rows, leaves, people] = await Promise.all([
    store.findAll(COLLECTIONS.meetingAttendance, { meetingId: meeting._id }, { fields: { memberId: true } }),
    store.findAll(
      COLLECTIONS.meetingLeaves,
      { meetingId: meeting._id, status: 'approved' },
      { fields: { memberId: true } },
    ),
    membersByIds(store, meeting.attendeeIds),
  ])
  const marked = new Set([...rows, ...leaves].map((row) => row.memberId))
  const stillHere = (memberId: string) => {
    const member = people.get(memberId)
    return member?.status === 'active' && member.branchId === meeting.branchId
  }
  for (const memberId of meeting.attendeeIds.filter((id) => !marked.has(id) && stillHere(id))) {
    await insertRow(store, {
      _id: attendanceId(meeting._id, memberId),
      tenantId: meeting.tenantId,
      meetingId: meeting._id,
      branchId: meeting.branchId,
      memberId,
      status: 'absent',
      via: 'close',
      at: meeting.endsAt,
      recordedBy: 'system',
      pendingEvent: { correction: false, at: meeting.endsAt, payableFrom: meeting.startsAt },
    })
  }
  await refreshEvidence(store, meeting)
  await store.update(COLLECTIONS.meetings, meeting._id, { closedAt: now })
}

/**
 * The 5-minute timer: reminders due, ended meetings closed, study nudges delivered, the robot queue delivered.
 * Each meeting, send and message checks the run's deadline before it starts and fails alone: what a run does
 * not reach, or what failed, the next run takes.
 */
export async function runReminders(ports: Ports) {
  const { store, clock } = ports
  const started = Date.now()
  const deadline = started + RUN_BUDGET_MS
  const now = clock.now()
  const upcoming = await store.findAll(COLLECTIONS.meetings, {
    status: 'scheduled',
    startsAt: within(store, now + 1, now + DAY + 1),
  })
  let sent = 0
  let unfinished = 0
  for (const meeting of upcoming.sort((a, b) => a.startsAt - b.startsAt)) {
    const slot = dueSlot(meeting.startsAt, now, meeting.remindersDone)
    if (!slot) continue
    if (Date.now() > deadline) {
      unfinished++
      continue
    }
    try {
      const result = await remindMeeting(ports, meeting, slot, now, deadline)
      sent += result.sent
      if (!result.done) unfinished++
    } catch (error) {
      // One meeting's failure is logged and left for the next run; the other meetings go on.
      console.error(`[remind] ${meeting._id} ${slot}`, error)
      unfinished++
    }
  }
  const ended = await store.find(
    COLLECTIONS.meetings,
    { status: 'scheduled', endsAt: atMost(store, now), closedAt: null },
    { limit: 50 },
  )
  for (const meeting of ended) {
    if (Date.now() >= deadline) break
    await closeMeeting(store, meeting, now).catch((error: unknown) =>
      console.error(`[remind] close ${meeting._id}`, error),
    )
  }
  // Points facts a crash left behind a roll row: recorded now.
  const repaired = await settlePendingRows(store, deadline)
  // Before the robot queue, so a nudge's group summary goes out in the same run.
  const nudges = await deliverStudyNudges(ports, now, deadline)
  const robots = await deliverRobotQueue(ports, now, deadline)
  return {
    sent,
    unfinished,
    closed: ended.length,
    repaired,
    ...nudges,
    robotSent: robots.sent,
    robotFailed: robots.failed,
    ms: Date.now() - started,
  }
}

/** After a meeting ends, its absentees may still be reminded for this long (to 补学 and explain). */
export const REMIND_ABSENT_AFTER_END_MS = 7 * 24 * 3_600_000

/**
 * 提醒未到: those expected who have neither come nor been excused, through each
 * one's channels. While the meeting runs it asks them to check in; once it has
 * ended (for a week) it tells them they missed it and asks them to catch up
 * (补学) and explain themselves to the branch. A 缺席 the end of the meeting
 * recorded still counts as not come.
 */
export const remindAbsent: Handler<typeof api.meetings.remindAbsent> = async (input, ctx) => {
  const { caller, store, clock } = ctx
  const { meeting } = await loadManagedMeeting(store, caller, input.meetingId)
  requireLive(meeting)
  const now = clock.now()
  if (now > meeting.endsAt + REMIND_ABSENT_AFTER_END_MS) throw new DomainError('MEETING.CLOSED')
  const ended = now > meeting.endsAt
  const [rows, leaves] = await Promise.all([
    store.findAll(COLLECTIONS.meetingAttendance, { meetingId: meeting._id }),
    store.findAll(COLLECTIONS.meetingLeaves, {
      meetingId: meeting._id,
      status: store.command.in(['pending', 'approved']),
    }),
  ])
  const answered = new Set([...rows.filter((row) => row.status !== 'absent'), ...leaves].map((row) => row.memberId))
  const missing = meeting.attendeeIds.filter((id) => !answered.has(id))
  const names = await store.find(
    COLLECTIONS.members,
    { _id: store.command.in(missing.slice(0, 500)) },
    { fields: { name: true } },
  )
  // One nudge per member per minute: a double tap does not send twice.
  const key = `${ended ? 'missed' : 'nudge'}-${Math.floor(now / 60_000)}`
  const result = await notifyMembers(
    ctx,
    meeting,
    missing,
    ended ? '您未参加本次会议，请及时补学并向支部说明' : '您还没有签到，请尽快到场签到',
    key,
    `> ${ended ? '未参加' : '尚未签到'}：${names.map((m) => m.name).join('、')}`,
  )
  return { reminded: missing.length, ...result }
}

/**
 * The daily timer: 政治生日 (入党纪念日) greetings to members with a credit for that template, tenant by tenant
 * until `deadline`; a tenant that fails is logged and the others go on (the morning's later runs resume it: the
 * send ids hold the year, so nobody is greeted twice).
 */
export async function politicalBirthdays(ports: Ports, deadline: number) {
  const { store, clock } = ports
  const now = clock.now()
  const today = shanghaiDate(now)
  const monthDay = today.slice(5)
  const members = await store.findAll(
    COLLECTIONS.members,
    { status: 'active', joinedOn: store.regex(`-${monthDay}$`) },
    { fields: { tenantId: true, joinedOn: true, name: true } },
  )
  let sent = 0
  const run = await eachTenant('daily birthdays', members, deadline, async (tenantId, group) => {
    const rules = await loadRules(store, tenantId)
    const greeted = await sendToMembers(
      ports,
      {
        tenantId,
        rules,
        use: 'politicalBirthday',
        members: group,
        memberIdOf: (member) => member._id,
        width: 10,
        deadline,
      },
      (member) => {
        if (!member.joinedOn) return null
        const years = Number(today.slice(0, 4)) - Number(member.joinedOn.slice(0, 4))
        return {
          sendId: `birthday:${member._id}:${today.slice(0, 4)}`,
          meetingId: null,
          slot: 'birthday',
          page: 'pages/meetings/index',
          values: {
            memberName: member.name,
            greeting: `今天是您入党${years}周年纪念日`,
            years,
            joinedOn: member.joinedOn,
            today,
          },
          now,
        }
      },
    )
    sent += greeted.sent
    return !greeted.cut
  })
  return { sent, run }
}
