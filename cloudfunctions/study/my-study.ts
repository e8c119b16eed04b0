import type { api } from '../../types/api'
import { streaks } from '../domain/study/streak'
import { shanghaiDate } from '../domain/time'
import { COLLECTIONS } from '../runtime/collections'
import type { Handler } from '../runtime/router'

/** 我的学习: streaks from every check-in day, and the history page by page. */
export const myStudy: Handler<typeof api.study.myStudy> = async (input, { caller, store, clock }) => {
  const where = { tenantId: caller.member.tenantId, memberId: caller.member._id }
  const [days, page] = await Promise.all([
    store.findAll(COLLECTIONS.studyCheckins, where, { fields: { _id: true, day: true } }),
    store.find(COLLECTIONS.studyCheckins, where, {
      orderBy: [['at', 'desc']],
      skip: (input.page - 1) * input.pageSize,
      limit: input.pageSize,
    }),
  ])
  const tasks = await store.find(
    COLLECTIONS.studyTasks,
    { _id: store.command.in(page.map((c) => c.taskId)) },
    { fields: { _id: true, title: true } },
  )
  const titleOf = new Map(tasks.map((task) => [task._id, task.title]))
  const streak = streaks(
    days.map((checkin) => checkin.day),
    shanghaiDate(clock.now()),
  )
  return {
    streakDays: streak.days,
    streakWeeks: streak.weeks,
    totalCheckins: days.length,
    history: page.map((checkin) => ({
      taskId: checkin.taskId,
      title: titleOf.get(checkin.taskId) ?? '',
      note: checkin.note,
      at: checkin.at,
    })),
    total: days.length,
    page: input.page,
  }
}
