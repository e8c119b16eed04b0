import type { api } from '../../types/api'
import type { MeetingDoc } from '../../types/meetings'
import { scopeFits } from '../domain/meetings/scope'
import { monthlyOccurrences } from '../domain/meetings/series'
import { shanghaiShort } from '../domain/time'
import { COLLECTIONS } from '../runtime/collections'
import { DomainError } from '../runtime/domain-error'
import { newId } from '../runtime/new-id'
import type { Handler } from '../runtime/router'
import { DuplicateIdError } from '../runtime/store'
import { writeAudit } from '../shared/audit'
import { recordInDigest } from './digest'
import { getMeeting } from './get-meeting'
import { loadManagedMeeting, requireLive } from './meeting-access'
import { tellAttendees } from './notify'
import { branchMembers, newMeetingDoc, planMeeting, requireInBranch } from './plan'

/** The id of the n-th meeting of one request: the request's own id first, then `_2`, `_3`… for a series. */
const occurrenceId = (requestId: string | undefined, n: number) =>
  requestId ? (n === 0 ? requestId : `${requestId}_${n + 1}`) : newId('mt')

/**
 * 安排会议: one meeting, or a monthly series on the same day and time, for the
 * scope's members only. With a `requestId`, a retry finds what the first try
 * wrote and schedules nothing twice.
 */
export const schedule: Handler<typeof api.meetings.schedule> = async (input, ctx) => {
  const { caller, store, clock } = ctx
  const plan = await planMeeting(store, caller, input)
  const now = clock.now()
  if (input.meeting.endsAt <= now) throw new DomainError('MEETING.IN_PAST')
  const seriesId = input.repeatMonthly > 1 ? (input.requestId ? `ms_${input.requestId}` : newId('ms')) : null
  const ids: string[] = []
  const occurrences = monthlyOccurrences(input.meeting.startsAt, input.meeting.endsAt, input.repeatMonthly)
  for (const [n, occurrence] of occurrences.entries()) {
    const meeting: MeetingDoc = newMeetingDoc(
      plan,
      { ...input.meeting, ...occurrence },
      {
        _id: occurrenceId(input.requestId, n),
        seriesId,
        makeUpFor: n === 0 ? input.makeUpFor : null,
        createdBy: caller.member._id,
        createdAt: now,
      },
    )
    try {
      await store.insert(COLLECTIONS.meetings, meeting)
    } catch (error) {
      if (!(error instanceof DuplicateIdError)) throw error
      const earlier = await store.get(COLLECTIONS.meetings, meeting._id)
      if (earlier?.createdBy !== caller.member._id || earlier.branchId !== plan.branch._id)
        throw new DomainError('MEETING.ID_TAKEN')
    }
    await recordInDigest(store, meeting)
    ids.push(meeting._id)
  }
  await writeAudit(ctx, {
    action: 'meetings.schedule',
    targetId: ids[0],
    summary: `安排${input.meeting.title}（${shanghaiShort(input.meeting.startsAt)}${ids.length > 1 ? `起，每月一次共${ids.length}次` : ''}）`,
    before: null,
    after: { ids, branchId: plan.branch._id, scope: plan.scope },
  })
  return { ids, seriesId }
}

/**
 * 修改会议: until it ends, its scope kept; a new time or place is told to the
 * invited, with the reason the secretary gave.
 */
export const update: Handler<typeof api.meetings.update> = async (input, ctx) => {
  const { caller, store, clock } = ctx
  const { meeting } = await loadManagedMeeting(store, caller, input.meetingId)
  requireLive(meeting)
  const now = clock.now()
  if (meeting.endsAt <= now || input.meeting.endsAt <= now) throw new DomainError('MEETING.IN_PAST')
  if (!scopeFits([input.meeting.type, ...input.meeting.alsoCounts], meeting.scope))
    throw new DomainError('MEETING.SCOPE_MISMATCH')
  requireInBranch(
    [input.meeting.hostId, input.meeting.noteTakerId],
    await branchMembers(store, meeting.tenantId, meeting.branchId),
  )
  const moved = meeting.startsAt !== input.meeting.startsAt || meeting.place !== input.meeting.place
  // A new start time earns new reminders.
  const patch = { ...input.meeting, updatedAt: now, ...(moved ? { remindersDone: [] } : {}) }
  await store.update(COLLECTIONS.meetings, meeting._id, patch)
  await recordInDigest(store, { ...meeting, ...patch }, meeting)
  await writeAudit(ctx, {
    action: 'meetings.update',
    targetId: meeting._id,
    summary: `修改${meeting.title}${input.reason ? `：${input.reason}` : ''}`,
    before: { startsAt: meeting.startsAt, place: meeting.place, title: meeting.title },
    after: { startsAt: input.meeting.startsAt, place: input.meeting.place, title: input.meeting.title },
  })
  if (moved) {
    await tellAttendees(
      ctx,
      { ...meeting, ...patch },
      // The message carries the new time and place in its own fields; the note says why.
      input.reason ? `会议调整：${input.reason}` : '会议时间地点已调整',
      'changed',
    )
  }
  return getMeeting({ meetingId: meeting._id }, ctx)
}

/** 取消会议: before it starts, with a reason; the invited are told. */
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
