import type { AttendanceDoc, LeaveDoc, MeetingDoc } from '../../types/meetings'
import type { OrgDoc } from '../../types/roster'
import { standingLeave } from '../domain/meetings/leave'
import { periodBounds, periodKeyOf } from '../domain/time'
import { loadBranch, requireAccess } from '../roster/branch-access'
import type { HandlerContext } from '../runtime/router'
import { ATTENDANCE, attendanceId, LEAVES, MEETINGS } from './collections'
import { after, atMost, within } from './range'
import { toSummary } from './views'

/** 我的会议: upcoming (not yet ended, soonest first) or past (latest first), with my attendance. */
export async function listMine(
  input: { when: 'upcoming' | 'past'; page: number; pageSize: number },
  { caller, store, clock }: HandlerContext,
) {
  const me = caller.member
  const now = clock.now()
  const where = {
    tenantId: me.tenantId,
    attendeeIds: me._id,
    endsAt: input.when === 'upcoming' ? after(store, now) : atMost(store, now),
  }
  const order = input.when === 'upcoming' ? 'asc' : 'desc'
  const [items, total] = await Promise.all([
    store.find<MeetingDoc>(MEETINGS, where, {
      orderBy: [['startsAt', order]],
      skip: (input.page - 1) * input.pageSize,
      limit: input.pageSize,
    }),
    store.count(MEETINGS, where),
  ])
  const ids = items.map((meeting) => attendanceId(meeting._id, me._id))
  const [attendance, leaves, branches] = await Promise.all([
    ids.length ? store.find<AttendanceDoc>(ATTENDANCE, { _id: store.command.in(ids) }) : [],
    ids.length ? store.find<LeaveDoc>(LEAVES, { _id: store.command.in(ids) }) : ([] as LeaveDoc[]),
    store.find<OrgDoc>('orgs', { _id: store.command.in([...new Set(items.map((m) => m.branchId))]) }),
  ])
  const statusOf = new Map(attendance.map((row) => [row.meetingId, row.status]))
  const leaveOf = new Map(leaves.filter(standingLeave).map((row) => [row.meetingId, row.status]))
  const nameOf = new Map(branches.map((org) => [org._id, org.name]))
  return {
    items: items.map((meeting) =>
      toSummary(meeting, nameOf.get(meeting.branchId) ?? '', {
        status: statusOf.get(meeting._id) ?? null,
        leave: leaveOf.get(meeting._id) ?? null,
      }),
    ),
    total,
    page: input.page,
  }
}

/** 支部会议: every meeting of a branch in a period, in time order. */
export async function listBranch(
  input: { branchId: string; period?: string },
  { caller, store, clock }: HandlerContext,
) {
  const branch = await loadBranch(store, caller, input.branchId)
  requireAccess(caller, branch, 'read')
  const period = input.period ?? periodKeyOf(clock.now(), 'month')
  const { start, end } = periodBounds(period)
  const meetings = await store.findAll<MeetingDoc>(
    MEETINGS,
    { tenantId: branch.tenantId, branchId: branch._id, startsAt: within(store, start, end) },
    { orderBy: [['startsAt', 'asc']] },
  )
  return {
    branchId: branch._id,
    branchName: branch.name,
    period,
    items: meetings.map((meeting) => toSummary(meeting, branch.name, { status: null, leave: null })),
  }
}
