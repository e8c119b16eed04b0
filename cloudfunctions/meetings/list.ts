import type { api } from '../../types/api'
import type { LeaveDoc } from '../../types/meetings'
import { standingLeave } from '../domain/meetings/leave'
import { periodBounds, periodKeyOf } from '../domain/time'
import { COLLECTIONS } from '../runtime/collections'
import { after, atMost, within } from '../runtime/range'
import type { Handler } from '../runtime/router'
import { loadBranch, requireAccess } from '../shared/branch-access'
import { attendanceId } from './ids'
import { recordsOf, toSummary } from './views'

/** 我的会议: upcoming (not yet ended, soonest first) or past (latest first), with my attendance. */
export const listMine: Handler<typeof api.meetings.listMine> = async (input, { caller, store, clock }) => {
  const me = caller.member
  const now = clock.now()
  const where = {
    tenantId: me.tenantId,
    attendeeIds: me._id,
    endsAt: input.when === 'upcoming' ? after(store, now) : atMost(store, now),
  }
  const order = input.when === 'upcoming' ? 'asc' : 'desc'
  const [items, total] = await Promise.all([
    store.find(COLLECTIONS.meetings, where, {
      orderBy: [['startsAt', order]],
      skip: (input.page - 1) * input.pageSize,
      limit: input.pageSize,
    }),
    store.count(COLLECTIONS.meetings, where),
  ])
  const ids = items.map((meeting) => attendanceId(meeting._id, me._id))
  const [attendance, leaves, branches, records] = await Promise.all([
    ids.length ? store.find(COLLECTIONS.meetingAttendance, { _id: store.command.in(ids) }) : [],
    ids.length ? store.find(COLLECTIONS.meetingLeaves, { _id: store.command.in(ids) }) : ([] as LeaveDoc[]),
    store.find(COLLECTIONS.orgs, { _id: store.command.in([...new Set(items.map((m) => m.branchId))]) }),
    recordsOf(store, items, now),
  ])
  const statusOf = new Map(attendance.map((row) => [row.meetingId, row.status]))
  const leaveOf = new Map(leaves.filter(standingLeave).map((row) => [row.meetingId, row.status]))
  const nameOf = new Map(branches.map((org) => [org._id, org.name]))
  return {
    items: items.map((meeting) =>
      toSummary(
        meeting,
        nameOf.get(meeting.branchId) ?? '',
        { status: statusOf.get(meeting._id) ?? null, leave: leaveOf.get(meeting._id) ?? null },
        records.get(meeting._id) ?? 'upcoming',
      ),
    ),
    total,
    page: input.page,
  }
}

/** 支部会议: every meeting of a branch in a period, in time order. */
export const listBranch: Handler<typeof api.meetings.listBranch> = async (input, { caller, store, clock }) => {
  const branch = await loadBranch(store, caller, input.branchId)
  requireAccess(caller, branch, 'read')
  const now = clock.now()
  const period = input.period ?? periodKeyOf(now, 'month')
  const { start, end } = periodBounds(period)
  const meetings = await store.findAll(
    COLLECTIONS.meetings,
    { tenantId: branch.tenantId, branchId: branch._id, startsAt: within(store, start, end) },
    { orderBy: [['startsAt', 'asc']] },
  )
  const records = await recordsOf(store, meetings, now)
  return {
    branchId: branch._id,
    branchName: branch.name,
    period,
    items: meetings.map((meeting) =>
      toSummary(meeting, branch.name, { status: null, leave: null }, records.get(meeting._id) ?? 'upcoming'),
    ),
  }
}
