import type { api } from '../../types/api'
import type { StudyTaskDoc } from '../../types/study'
import { branchAccess } from '../domain/access/branch-access'
import { shanghaiDate } from '../domain/time'
import { COLLECTIONS } from '../runtime/collections'
import { DomainError } from '../runtime/domain-error'
import { isInFolder } from '../runtime/files'
import { newId } from '../runtime/new-id'
import type { Handler } from '../runtime/router'
import { DuplicateIdError } from '../runtime/store'
import { writeAudit } from '../shared/audit'
import { studyFolder, toTaskView } from './task-view'

/**
 * 发布学习任务: to the branches the caller manages (a secretary's own, a 总支
 * secretary's under their 总支), or the whole tenant / chosen branches for
 * bureau staff. A branch the caller does not manage is refused, not skipped.
 */
export const publishTask: Handler<typeof api.study.publishTask> = async (input, ctx) => {
  const { caller, store, clock } = ctx
  const tenantId = caller.member.tenantId
  if (input.requestId) {
    const published = await store.get(COLLECTIONS.studyTasks, input.requestId)
    if (published) return retried(published, caller.member._id, clock.now())
  }
  const branches = (await store.findAll(COLLECTIONS.orgs, { tenantId, kind: 'branch', status: 'active' })).filter(
    (branch) => branchAccess(caller.member, branch) === 'manage',
  )
  const managed = new Set(branches.map((branch) => branch._id))
  let branchIds: string[]
  if (input.branchIds) {
    if (input.branchIds.some((id) => !managed.has(id)))
      throw new DomainError('AUTH.FORBIDDEN', '只能向您管理的支部发布学习任务')
    branchIds = [...new Set(input.branchIds)]
  } else if (caller.roles.includes('bureau_staff')) {
    branchIds = [...managed]
  } else {
    branchIds = caller.member.branchId && managed.has(caller.member.branchId) ? [caller.member.branchId] : [...managed]
  }
  if (!branchIds.length) throw new DomainError('STUDY.NO_TARGETS')
  if (input.memberIds?.length) {
    const targets = await store.find(COLLECTIONS.members, {
      _id: store.command.in(input.memberIds),
      tenantId,
    })
    if (
      targets.length !== new Set(input.memberIds).size ||
      targets.some((m) => !m.branchId || !branchIds.includes(m.branchId))
    ) {
      throw new DomainError('STUDY.NO_TARGETS', '所选党员不在发布的支部中')
    }
  }
  const { fileID } = input.content
  if (fileID && !isInFolder(fileID, studyFolder(tenantId, caller.member._id)))
    throw new DomainError('STUDY.FILE_NOT_YOURS')
  const task: StudyTaskDoc = {
    _id: input.requestId ?? newId('st'),
    tenantId,
    title: input.title,
    content: input.content,
    startsOn: input.startsOn,
    dueOn: input.dueOn,
    branchIds,
    memberIds: input.memberIds?.length ? [...new Set(input.memberIds)] : null,
    collectiveDay: input.collectiveDay,
    minNoteLength: input.minNoteLength,
    minReadMinutes: input.minReadMinutes,
    publishedBy: caller.member._id,
    publishedByName: caller.member.name,
    publishedAt: clock.now(),
  }
  try {
    await store.insert(COLLECTIONS.studyTasks, task)
  } catch (error) {
    // Two deliveries of one tap at once: the other inserted it.
    if (!(error instanceof DuplicateIdError)) throw error
    const published = await store.get(COLLECTIONS.studyTasks, task._id)
    if (!published) throw error
    return retried(published, caller.member._id, clock.now())
  }
  await writeAudit(ctx, {
    action: 'study.publishTask',
    targetId: task._id,
    summary: `发布学习任务“${task.title}”（${branchIds.length}个支部）`,
    before: null,
    after: { title: task.title, startsOn: task.startsOn, dueOn: task.dueOn },
  })
  const { checkin: _none, open: _open, ...view } = toTaskView(task, null, shanghaiDate(clock.now()))
  return view
}

/** A retry of a publish that went through answers that task; a request id of someone else's task is not shown. */
function retried(task: StudyTaskDoc, callerId: string, now: number) {
  if (task.publishedBy !== callerId) throw new DomainError('ROSTER.NOT_FOUND')
  const { checkin: _none, open: _open, ...view } = toTaskView(task, null, shanghaiDate(now))
  return view
}
