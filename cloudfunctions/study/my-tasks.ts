import type { api } from '../../types/api'
import type { TaskWithMine } from '../../types/study'
import { isTarget, windowState } from '../domain/study/targets'
import { shanghaiDate } from '../domain/time'
import { COLLECTIONS } from '../runtime/collections'
import type { Handler } from '../runtime/router'
import { readingSince } from './material'
import { checkinId, loadVisibleTask, toTaskView } from './task-view'

/** How many of a branch's newest tasks are looked at for the open list: a branch publishes a few a month. */
const RECENT_TASKS = 300

/** 我的学习任务: open ones (not done, not past due) from the branch's recent tasks, or done ones from my check-ins. */
export const myTasks: Handler<typeof api.study.myTasks> = async (input, { caller, store, clock }) => {
  const { tenantId, _id: memberId, branchId } = caller.member
  const today = shanghaiDate(clock.now())
  const skip = (input.page - 1) * input.pageSize
  if (input.status === 'done') {
    const where = { tenantId, memberId }
    const [checkins, total] = await Promise.all([
      store.find(COLLECTIONS.studyCheckins, where, { orderBy: [['at', 'desc']], skip, limit: input.pageSize }),
      store.count(COLLECTIONS.studyCheckins, where),
    ])
    const tasks = await store.find(COLLECTIONS.studyTasks, { _id: store.command.in(checkins.map((c) => c.taskId)) })
    const byId = new Map(tasks.map((task) => [task._id, task]))
    const items: TaskWithMine[] = []
    for (const checkin of checkins) {
      const task = byId.get(checkin.taskId)
      if (task) items.push(toTaskView(task, checkin, today))
    }
    return { items, total, page: input.page }
  }
  if (!branchId) return { items: [], total: 0, page: input.page }
  const recent = await store.find(
    COLLECTIONS.studyTasks,
    { tenantId, branchIds: branchId },
    {
      orderBy: [['publishedAt', 'desc']],
      limit: RECENT_TASKS,
    },
  )
  const candidates = recent.filter((task) => isTarget(task, caller.member) && windowState(task, today) === 'open')
  const done = await store.find(COLLECTIONS.studyCheckins, {
    _id: store.command.in(candidates.map((task) => checkinId(task._id, memberId))),
  })
  const doneIds = new Set(done.map((checkin) => checkin.taskId))
  const open = candidates.filter((task) => !doneIds.has(task._id)).sort((a, b) => a.dueOn.localeCompare(b.dueOn))
  return {
    items: open.slice(skip, skip + input.pageSize).map((task) => toTaskView(task, null, today)),
    total: open.length,
    page: input.page,
  }
}

export const getTask: Handler<typeof api.study.getTask> = async (input, { caller, store, clock }) => {
  const task = await loadVisibleTask(store, caller, input.taskId)
  const [checkin, since] = await Promise.all([
    store.get(COLLECTIONS.studyCheckins, checkinId(task._id, caller.member._id)),
    readingSince(store, task._id, caller.member._id),
  ])
  return { ...toTaskView(task, checkin, shanghaiDate(clock.now())), readingSince: since }
}
