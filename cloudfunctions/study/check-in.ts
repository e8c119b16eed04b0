import type { api } from '../../types/api'
import { domainEventId } from '../../types/events'
import type { CheckinDoc, StudyTaskDoc } from '../../types/study'
import { isTarget, noteLength, windowState } from '../domain/study/targets'
import { shanghaiDate } from '../domain/time'
import type { Caller } from '../runtime/caller'
import { COLLECTIONS } from '../runtime/collections'
import { DomainError } from '../runtime/domain-error'
import { recordEvent } from '../runtime/domain-events'
import { isInFolder } from '../runtime/files'
import type { Functions } from '../runtime/functions'
import type { Handler, HandlerInput } from '../runtime/router'
import { DuplicateIdError, type Store } from '../runtime/store'
import { readingSince, requireReading } from './material'
import { checkinId, studyFolder, toTaskView } from './task-view'

type CheckinInput = HandlerInput<typeof api.study.checkIn>

/** The checks a check-in and its edits share: the task is for the caller, open today, the note long enough, photos theirs. */
async function judge(store: Store, caller: Caller, input: CheckinInput, today: string): Promise<StudyTaskDoc> {
  const task = await store.get(COLLECTIONS.studyTasks, input.taskId)
  if (!task || task.tenantId !== caller.member.tenantId) throw new DomainError('STUDY.TASK_NOT_FOUND')
  if (!isTarget(task, caller.member)) throw new DomainError('STUDY.NOT_TARGET')
  const window = windowState(task, today)
  if (window === 'not started') throw new DomainError('STUDY.NOT_STARTED', `学习任务将于${task.startsOn}开始`)
  if (window === 'past due') throw new DomainError('STUDY.PAST_DUE')
  if (noteLength(input.note) < task.minNoteLength) {
    throw new DomainError(
      'STUDY.NOTE_TOO_SHORT',
      `心得至少${task.minNoteLength}个字，目前${noteLength(input.note)}个字`,
    )
  }
  const folder = studyFolder(task.tenantId, caller.member._id)
  if (input.photos.some((fileID) => !isInFolder(fileID, folder))) throw new DomainError('STUDY.FILE_NOT_YOURS')
  return task
}

/**
 * 学习打卡: once per task (the check-in's id is task + member). Study records
 * the `study.checkin` fact (types/events.ts) and never writes points: it asks
 * the points function to pay that event now (points.settleEvent, a
 * function-to-function call), so the member sees the points at once. The
 * points function pays an event once whoever asks first — this call or its
 * minute timer, which also pays what a failed call left.
 */
export const checkIn: Handler<typeof api.study.checkIn> = async (input, { caller, store, clock, functions }) => {
  const now = clock.now()
  const today = shanghaiDate(now)
  const task = await judge(store, caller, input, today)
  const member = caller.member
  const id = checkinId(task._id, member._id)
  if (await store.get(COLLECTIONS.studyCheckins, id)) throw new DomainError('STUDY.ALREADY_CHECKED_IN')
  requireReading(task, await readingSince(store, task._id, member._id), now)
  await recordEvent(store, {
    tenantId: task.tenantId,
    kind: 'study.checkin',
    memberId: member._id,
    sourceId: task._id,
    at: now,
    recordedBy: member._id,
  })
  const checkin: CheckinDoc = {
    _id: id,
    tenantId: task.tenantId,
    taskId: task._id,
    memberId: member._id,
    branchId: member.branchId ?? '',
    note: input.note,
    photos: input.photos,
    at: now,
    day: today,
    updatedAt: now,
  }
  try {
    await store.insert(COLLECTIONS.studyCheckins, checkin)
  } catch (error) {
    if (error instanceof DuplicateIdError) throw new DomainError('STUDY.ALREADY_CHECKED_IN')
    throw error
  }
  const pointsAwarded = await payNow(functions, domainEventId('study.checkin', task._id, member._id), task)
  return { task: toTaskView(task, checkin, today), pointsAwarded }
}

/** The points the check-in's event pays, asked of the points function; 0 (the timer pays later) when it fails. */
async function payNow(functions: Functions, eventId: string, task: StudyTaskDoc): Promise<number> {
  try {
    const { points } = await functions.call('points', 'settleEvent', {
      eventId,
      reason: `完成学习任务“${task.title}”`,
    })
    return points
  } catch (error) {
    console.error('[study] paying the check-in now failed; the points timer pays it', eventId, error)
    return 0
  }
}

/** Edits the 心得 until the due date; the first check-in's time (and its points) stay. */
export const editCheckin: Handler<typeof api.study.editCheckin> = async (input, { caller, store, clock }) => {
  const now = clock.now()
  const today = shanghaiDate(now)
  const task = await judge(store, caller, input, today)
  const id = checkinId(task._id, caller.member._id)
  const existing = await store.get(COLLECTIONS.studyCheckins, id)
  if (!existing) throw new DomainError('STUDY.NOT_CHECKED_IN')
  await store.update(COLLECTIONS.studyCheckins, id, { note: input.note, photos: input.photos, updatedAt: now })
  return toTaskView(task, { ...existing, note: input.note, photos: input.photos, updatedAt: now }, today)
}
