import type { api } from '../../types/api'
import type { LeaveDoc } from '../../types/meetings'
import { leaveRefusal, standingLeave } from '../domain/meetings/leave'
import { COLLECTIONS } from '../runtime/collections'
import { DomainError } from '../runtime/domain-error'
import type { Handler } from '../runtime/router'
import { DuplicateIdError } from '../runtime/store'
import { writeAudit } from '../shared/audit'
import { membersByIds } from '../shared/members'
import { recordOnce } from './check-in'
import { attendanceId } from './ids'
import { loadManagedMeeting, loadMeeting, requireLive } from './meeting-access'
import { tellLeaveDecision } from './notify'

/** 请假: asked before the start; asking again replaces a pending or rejected reason. */
export const requestLeave: Handler<typeof api.meetings.requestLeave> = async (input, { caller, store, clock }) => {
  const { meeting, attendee } = await loadMeeting(store, caller, input.meetingId)
  requireLive(meeting)
  if (!attendee) throw new DomainError('MEETING.NOT_ATTENDEE')
  const now = clock.now()
  const refusal = leaveRefusal(meeting, now)
  if (refusal) throw new DomainError(refusal)
  const id = attendanceId(meeting._id, caller.member._id)
  if (await store.get(COLLECTIONS.meetingAttendance, id)) throw new DomainError('MEETING.ALREADY_CHECKED_IN')
  const leave: LeaveDoc = {
    _id: id,
    tenantId: meeting.tenantId,
    meetingId: meeting._id,
    branchId: meeting.branchId,
    memberId: caller.member._id,
    memberName: caller.member.name,
    reason: input.reason,
    status: 'pending',
    requestedAt: now,
    decidedBy: null,
    decidedAt: null,
  }
  try {
    await store.insert(COLLECTIONS.meetingLeaves, leave)
  } catch (error) {
    if (!(error instanceof DuplicateIdError)) throw error
    const changed = await store.updateWhere(
      COLLECTIONS.meetingLeaves,
      { _id: id, status: store.command.in(['pending', 'rejected', 'withdrawn']) },
      { reason: input.reason, status: 'pending', requestedAt: now, decidedBy: null, decidedAt: null },
    )
    if (changed === 0) throw new DomainError('MEETING.LEAVE_DECIDED', '您的请假已批准')
  }
  return { status: 'pending' as const }
}

/** 撤回请假: the member's own pending request, taken back; a decided one stands. */
export const withdrawLeave: Handler<typeof api.meetings.withdrawLeave> = async (input, { caller, store, clock }) => {
  const { meeting } = await loadMeeting(store, caller, input.meetingId)
  const id = attendanceId(meeting._id, caller.member._id)
  const changed = await store.updateWhere(
    COLLECTIONS.meetingLeaves,
    { _id: id, status: 'pending' },
    { status: 'withdrawn', withdrawnAt: clock.now() },
  )
  if (changed === 0) {
    const leave = await store.get(COLLECTIONS.meetingLeaves, id)
    if (!leave) throw new DomainError('MEETING.LEAVE_NOT_FOUND')
    if (leave.status !== 'withdrawn') throw new DomainError('MEETING.LEAVE_DECIDED', '请假已审批，不能撤回')
  }
  return { withdrawn: true as const }
}

export const listLeaves: Handler<typeof api.meetings.listLeaves> = async (input, { caller, store }) => {
  const { meeting } = await loadManagedMeeting(store, caller, input.meetingId)
  const leaves = (
    await store.findAll(COLLECTIONS.meetingLeaves, { meetingId: meeting._id }, { orderBy: [['requestedAt', 'asc']] })
  ).filter(standingLeave)
  const names = await membersByIds(
    store,
    leaves.map((leave) => leave.memberId),
  )
  return {
    items: leaves.map((leave) => ({
      memberId: leave.memberId,
      name: names.get(leave.memberId)?.name ?? leave.memberName,
      reason: leave.reason,
      status: leave.status,
      requestedAt: leave.requestedAt,
      decisionNote: leave.decisionNote ?? null,
    })),
  }
}

/** 审批请假: approved leave is recorded in the roll as 请假 (excused, no points event). */
export const decideLeave: Handler<typeof api.meetings.decideLeave> = async (input, ctx) => {
  const { caller, store, clock } = ctx
  const { meeting } = await loadManagedMeeting(store, caller, input.meetingId)
  const id = attendanceId(meeting._id, input.memberId)
  const leave = await store.get(COLLECTIONS.meetingLeaves, id)
  if (!leave || !standingLeave(leave)) throw new DomainError('MEETING.LEAVE_NOT_FOUND')
  const now = clock.now()
  const status = input.approve ? 'approved' : 'rejected'
  const changed = await store.updateWhere(
    COLLECTIONS.meetingLeaves,
    { _id: id, status: 'pending' },
    { status, decidedBy: caller.member._id, decidedAt: now, decisionNote: input.approve ? null : input.note },
  )
  if (changed === 0) throw new DomainError('MEETING.LEAVE_DECIDED')
  if (input.approve) {
    await recordOnce(store, {
      _id: id,
      tenantId: meeting.tenantId,
      meetingId: meeting._id,
      branchId: meeting.branchId,
      memberId: input.memberId,
      status: 'leave',
      via: 'leave',
      at: now,
      recordedBy: caller.member._id,
    })
  }
  await writeAudit(ctx, {
    action: 'meetings.decideLeave',
    targetId: meeting._id,
    summary: `${input.approve ? '批准' : '不批准'}${leave.memberName}的请假`,
    before: { status: 'pending' },
    after: { status },
  })
  await tellLeaveDecision(ctx, meeting, {
    memberId: input.memberId,
    approved: input.approve,
    note: input.note,
    approverName: caller.member.name,
  })
  return { status: status as 'approved' | 'rejected' }
}
