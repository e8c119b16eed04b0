import type { api } from '../../types/api'
import type { MeetingDoc, Scope } from '../../types/meetings'
import { monthlyOccurrences } from '../domain/meetings/series'
import { shanghaiShort } from '../domain/time'
import { COLLECTIONS } from '../runtime/collections'
import { DomainError } from '../runtime/domain-error'
import { newId } from '../runtime/new-id'
import type { Handler } from '../runtime/router'
import type { Store } from '../runtime/store'
import { writeAudit } from '../shared/audit'
import { loadBranch, requireAccess, requireGroupIn } from '../shared/branch-access'
import { recordInDigest } from './digest'
import { getMeeting } from './get-meeting'
import { loadManagedMeeting, requireLive } from './meeting-access'
import { tellAttendees } from './notify'

/** Who is expected (应到): the scope's active members, read when the meeting is scheduled. */
async function attendeesOf(store: Store, tenantId: string, branchId: string, scope: Scope): Promise<string[]> {
  const where: Record<string, unknown> = { tenantId, branchId, status: 'active' }
  if (scope.kind === 'group') where.groupId = scope.groupId
  if (scope.kind === 'committee') where.committeePosition = store.command.exists(true)
  const members = await store.findAll(COLLECTIONS.members, where, { fields: { _id: true, committeePosition: true } })
  return members.filter((member) => scope.kind !== 'committee' || member.committeePosition).map((member) => member._id)
}

/** 安排会议: one meeting, or a monthly series on the same day and time. */
export const schedule: Handler<typeof api.meetings.schedule> = async (input, ctx) => {
  const { caller, store, clock } = ctx
  const branch = await loadBranch(store, caller, input.branchId)
  requireAccess(caller, branch, 'manage')
  if (input.scope.kind === 'group') await requireGroupIn(store, input.scope.groupId, branch)
  const now = clock.now()
  if (input.meeting.endsAt <= now) throw new DomainError('MEETING.IN_PAST')
  const attendeeIds = await attendeesOf(store, branch.tenantId, branch._id, input.scope)
  if (attendeeIds.length === 0) throw new DomainError('MEETING.NO_ATTENDEES')
  const seriesId = input.repeatMonthly > 1 ? newId('ms') : null
  const ids: string[] = []
  for (const occurrence of monthlyOccurrences(input.meeting.startsAt, input.meeting.endsAt, input.repeatMonthly)) {
    const meeting: MeetingDoc = {
      _id: newId('mt'),
      tenantId: branch.tenantId,
      branchId: branch._id,
      scope: input.scope,
      ...input.meeting,
      ...occurrence,
      attendeeIds,
      status: 'scheduled',
      seriesId,
      makeUpFor: ids.length === 0 ? input.makeUpFor : null,
      cancelReason: null,
      minutes: null,
      activity: null,
      remindersDone: [],
      closedAt: null,
      createdBy: caller.member._id,
      createdAt: now,
      updatedAt: now,
    }
    await store.insert(COLLECTIONS.meetings, meeting)
    await recordInDigest(store, meeting)
    ids.push(meeting._id)
  }
  await writeAudit(ctx, {
    action: 'meetings.schedule',
    targetId: ids[0],
    summary: `安排${input.meeting.title}（${shanghaiShort(input.meeting.startsAt)}${ids.length > 1 ? `起，每月一次共${ids.length}次` : ''}）`,
    before: null,
    after: { ids, branchId: branch._id },
  })
  return { ids, seriesId }
}

/** 修改会议: until it ends; a new time or place is told to the attendees. */
export const update: Handler<typeof api.meetings.update> = async (input, ctx) => {
  const { caller, store, clock } = ctx
  const { meeting } = await loadManagedMeeting(store, caller, input.meetingId)
  requireLive(meeting)
  const now = clock.now()
  if (meeting.endsAt <= now || input.meeting.endsAt <= now) throw new DomainError('MEETING.IN_PAST')
  const moved = meeting.startsAt !== input.meeting.startsAt || meeting.place !== input.meeting.place
  // A new start time earns new reminders.
  const patch = { ...input.meeting, updatedAt: now, ...(moved ? { remindersDone: [] } : {}) }
  await store.update(COLLECTIONS.meetings, meeting._id, patch)
  await recordInDigest(store, { ...meeting, ...patch }, meeting)
  await writeAudit(ctx, {
    action: 'meetings.update',
    targetId: meeting._id,
    summary: `修改${meeting.title}`,
    before: { startsAt: meeting.startsAt, place: meeting.place },
    after: { startsAt: input.meeting.startsAt, place: input.meeting.place },
  })
  if (moved) {
    await tellAttendees(
      ctx,
      { ...meeting, ...patch },
      `会议时间地点变更：${shanghaiShort(input.meeting.startsAt)} ${input.meeting.place}`,
      'changed',
    )
  }
  return getMeeting({ meetingId: meeting._id }, ctx)
}

/** 取消会议: before it starts; attendees are told. */
export const cancel: Handler<typeof api.meetings.cancel> = async (input, ctx) => {
  const { caller, store, clock } = ctx
  const { meeting } = await loadManagedMeeting(store, caller, input.meetingId)
  requireLive(meeting)
  const now = clock.now()
  if (meeting.startsAt <= now) throw new DomainError('MEETING.IN_PAST', '会议已开始，不能取消')
  const changed = await store.updateWhere(
    COLLECTIONS.meetings,
    { _id: meeting._id, status: 'scheduled' },
    { status: 'cancelled', cancelReason: input.reason, updatedAt: now },
  )
  if (changed === 0) throw new DomainError('MEETING.CANCELLED')
  await recordInDigest(store, { ...meeting, status: 'cancelled' })
  await writeAudit(ctx, {
    action: 'meetings.cancel',
    targetId: meeting._id,
    summary: `取消${meeting.title}：${input.reason}`,
    before: { status: 'scheduled' },
    after: { status: 'cancelled' },
  })
  const told = await tellAttendees(ctx, meeting, `会议已取消：${input.reason}`, 'cancelled')
  return { cancelled: true as const, told }
}
