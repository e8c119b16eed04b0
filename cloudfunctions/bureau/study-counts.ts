import type { StudyTaskDoc } from '../../types/study'
import { targetedIn } from '../domain/bureau/rates'
import { COLLECTIONS } from '../runtime/collections'
import type { HandlerContext } from '../runtime/router'

type TaskFacts = Pick<StudyTaskDoc, '_id' | 'branchIds' | 'memberIds' | 'dueOn'>

/**
 * Targeted members and check-ins of study tasks, per task and branch, from
 * two countBy aggregations (active members per branch; check-ins per task or
 * per branch) and the tasks themselves — never the check-ins one by one.
 * Listed members (memberIds) are counted where their branch is targeted.
 */
export async function targetsByBranch(ctx: HandlerContext, task: TaskFacts, branchIds: ReadonlySet<string>) {
  const { store, caller } = ctx
  const tenantId = caller.member.tenantId
  const [listed, active, checkins] = await Promise.all([
    listedByBranch(ctx, task),
    store.countBy(COLLECTIONS.members, { tenantId, status: 'active' }, 'branchId'),
    store.countBy(COLLECTIONS.studyCheckins, { tenantId, taskId: task._id }, 'branchId'),
  ])
  return task.branchIds
    .filter((branchId) => branchIds.has(branchId))
    .map((branchId) => ({
      branchId,
      targeted: targetedIn(task, branchId, active.get(branchId) ?? 0, listed.get(branchId) ?? 0),
      checkedIn: checkins.get(branchId) ?? 0,
    }))
}

/**
 * Targeted members and check-ins of a page of tasks, over the caller's
 * branches, in two aggregations for the whole page (active members per
 * branch; check-ins per task) plus one per task that lists its members.
 */
export async function figuresOfTasks(ctx: HandlerContext, tasks: readonly TaskFacts[], branchIds: ReadonlySet<string>) {
  const figures = new Map<string, { branches: number; targeted: number; checkedIn: number }>()
  if (tasks.length === 0) return figures
  const { active, checkins } = await activeAndCheckins(ctx, tasks, branchIds)
  for (const task of tasks) {
    const listed = await listedByBranch(ctx, task)
    const seen = task.branchIds.filter((branchId) => branchIds.has(branchId))
    figures.set(task._id, {
      branches: seen.length,
      targeted: seen.reduce(
        (sum, branchId) => sum + targetedIn(task, branchId, active.get(branchId) ?? 0, listed.get(branchId) ?? 0),
        0,
      ),
      checkedIn: checkins.get(task._id) ?? 0,
    })
  }
  return figures
}

/** Per month (by due date): tasks, targeted members and check-ins, over the caller's branches. */
export async function studyCounts(
  ctx: HandlerContext,
  months: readonly string[],
  branchIds: ReadonlySet<string>,
  bureauWide: boolean,
) {
  const { store, caller } = ctx
  const tenantId = caller.member.tenantId
  const first = `${months[0]}-01`
  const last = `${months[months.length - 1]}-31`
  const tasks = await store.findAll(
    COLLECTIONS.studyTasks,
    // Date-only strings compare in calendar order; the port types its comparisons for numbers.
    {
      tenantId,
      dueOn: store.command.and([store.command.gte(first as never) as never, store.command.lte(last as never) as never]),
    },
    { fields: { _id: true, branchIds: true, memberIds: true, dueOn: true } },
  )
  const byMonth = new Map<string, { tasks: number; targeted: number; checkedIn: number }>()
  if (tasks.length === 0) return { byMonth }
  const { active, checkins: done } = await activeAndCheckins(ctx, tasks, bureauWide ? null : branchIds)
  for (const task of tasks) {
    const month = task.dueOn.slice(0, 7)
    const targeted = task.branchIds
      .filter((branchId) => branchIds.has(branchId))
      .reduce(
        (sum, branchId) => sum + (task.memberIds ? 0 : targetedIn(task, branchId, active.get(branchId) ?? 0, 0)),
        task.memberIds ? task.memberIds.length : 0,
      )
    const row = byMonth.get(month) ?? { tasks: 0, targeted: 0, checkedIn: 0 }
    row.tasks += 1
    row.targeted += targeted
    row.checkedIn += done.get(task._id) ?? 0
    byMonth.set(month, row)
  }
  return { byMonth }
}

/** Active members per branch, and check-ins per task of these tasks (in these branches; null = all): two aggregations. */
async function activeAndCheckins(
  ctx: HandlerContext,
  tasks: readonly TaskFacts[],
  branchIds: ReadonlySet<string> | null,
) {
  const { store, caller } = ctx
  const tenantId = caller.member.tenantId
  const [active, checkins] = await Promise.all([
    store.countBy(COLLECTIONS.members, { tenantId, status: 'active' }, 'branchId'),
    store.countBy(
      COLLECTIONS.studyCheckins,
      {
        tenantId,
        taskId: store.command.in(tasks.map((task) => task._id)),
        ...(branchIds ? { branchId: store.command.in([...branchIds]) } : {}),
      },
      'taskId',
    ),
  ])
  return { active, checkins: checkins as Map<string | null, number> }
}

/** A task that lists its members: how many of them are active, per branch (none listed: empty). */
async function listedByBranch(ctx: HandlerContext, task: TaskFacts): Promise<Map<string | null, number>> {
  if (!task.memberIds) return new Map()
  const { store, caller } = ctx
  return store.countBy(
    COLLECTIONS.members,
    { tenantId: caller.member.tenantId, status: 'active', _id: store.command.in(task.memberIds.slice(0, 1000)) },
    'branchId',
  )
}
