import type { CheckinDoc, StudyTaskDoc, TaskWithMine } from '../../types/study'
import { branchAccess } from '../domain/access/branch-access'
import { isTarget, windowState } from '../domain/study/targets'
import type { Caller } from '../runtime/caller'
import { COLLECTIONS } from '../runtime/collections'
import { DomainError } from '../runtime/domain-error'
import type { Store } from '../runtime/store'

export const checkinId = (taskId: string, memberId: string) => `${taskId}:${memberId}`

/** Where a member's check-in photos are uploaded; the server accepts only fileIDs from the caller's own folder. */
export function studyFolder(tenantId: string, memberId: string): string {
  return `study/${tenantId}/${memberId}/`
}

export function toTaskView(task: StudyTaskDoc, checkin: CheckinDoc | null, today: string): TaskWithMine {
  return {
    id: task._id,
    title: task.title,
    content: { ...task.content, fileName: task.content.fileName ?? null },
    startsOn: task.startsOn,
    dueOn: task.dueOn,
    collectiveDay: task.collectiveDay,
    minNoteLength: task.minNoteLength,
    minReadMinutes: task.minReadMinutes ?? 0,
    publishedByName: task.publishedByName,
    branchCount: task.branchIds.length,
    checkin: checkin
      ? { note: checkin.note, photos: checkin.photos, at: checkin.at, updatedAt: checkin.updatedAt }
      : null,
    open: windowState(task, today) !== 'past due',
  }
}

/** A task of the caller's tenant that targets them, or (for those who manage a targeted branch) that they oversee. */
export async function loadVisibleTask(store: Store, caller: Caller, taskId: string): Promise<StudyTaskDoc> {
  const task = await store.get(COLLECTIONS.studyTasks, taskId)
  if (!task || task.tenantId !== caller.member.tenantId) throw new DomainError('STUDY.TASK_NOT_FOUND')
  if (isTarget(task, caller.member)) return task
  const branches = await store.find(COLLECTIONS.orgs, { _id: store.command.in(task.branchIds.slice(0, 500)) })
  if (branches.some((branch) => branchAccess(caller.member, branch) !== 'none')) return task
  throw new DomainError('STUDY.TASK_NOT_FOUND')
}
