import { shanghaiDate } from '../domain/time'
import { COLLECTIONS } from '../runtime/collections'
import type { Ports } from '../runtime/ports'
import { within } from '../runtime/range'
import { loadRules } from '../shared/meeting-rules'
import { sendToMembers } from '../shared/messaging/subscribe-send'
import { eachTenant } from '../shared/timer-items'
import { MEETING_PAGE } from './ids'
import { reminderValues } from './notify'

const DAY = 86_400_000
/** The longest record window a tenant may set (会议规则 → 会后几天内完成记录). */
const LONGEST_WINDOW = 60 * DAY

/**
 * The daily timer's 待补记录 reminder: a meeting that ended without minutes,
 * still inside the tenant's record window, is told to its branch secretary
 * once (by subscribe message, with a credit) — before it turns 未开展.
 */
export async function recordReminders(ports: Ports, deadline: number) {
  const { store, clock } = ports
  const now = clock.now()
  const ended = await store.findAll(
    COLLECTIONS.meetings,
    { status: 'scheduled', endsAt: within(store, now - LONGEST_WINDOW, now), minutes: null },
    { fields: { _id: true, tenantId: true, branchId: true, title: true, startsAt: true, endsAt: true } },
  )
  let recordSent = 0
  // Tenant by tenant until the deadline, each failing alone (logged; the morning's later runs resume it).
  const run = await eachTenant('daily records', ended, deadline, async (tenantId, meetings) => {
    const rules = await loadRules(store, tenantId)
    const window = rules.recordWithinDays * DAY
    const due = meetings.filter((meeting) => meeting.endsAt + window > now)
    if (due.length === 0) return true
    const secretaries = await store.findAll(
      COLLECTIONS.members,
      {
        tenantId,
        status: 'active',
        committeePosition: 'secretary',
        branchId: store.command.in([...new Set(due.map((meeting) => meeting.branchId))]),
      },
      { fields: { _id: true, branchId: true } },
    )
    const pairs = due.flatMap((meeting) =>
      secretaries
        .filter((secretary) => secretary.branchId === meeting.branchId)
        .map((secretary) => ({ meeting, secretary })),
    )
    const { sent, cut } = await sendToMembers(
      ports,
      {
        tenantId,
        rules,
        use: 'meetingReminder',
        members: pairs,
        memberIdOf: (pair) => pair.secretary._id,
        width: 10,
        deadline,
      },
      ({ meeting, secretary }) => ({
        sendId: `record:${meeting._id}:${secretary._id}`,
        meetingId: meeting._id,
        slot: 'record',
        page: `${MEETING_PAGE}?id=${meeting._id}`,
        // The reminder template, its place keyword saying what is owed and its note by when.
        values: reminderValues(
          { ...meeting, place: '会议记录待补录' },
          `请于${shanghaiDate(meeting.endsAt + window).slice(5)}前补录考勤和记录`,
        ),
        now,
      }),
    )
    recordSent += sent
    return !cut
  })
  return { recordSent, run }
}
