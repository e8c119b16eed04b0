import type { api } from '../../types/api'
import type { StudyBranchRow, StudyTaskRow } from '../../types/bureau'
import type { StudyTaskDoc } from '../../types/study'
import { shareOf } from '../domain/bureau/rates'
import { COLLECTIONS } from '../runtime/collections'
import { DomainError } from '../runtime/domain-error'
import { readPage } from '../runtime/read-page'
import type { Handler, HandlerContext } from '../runtime/router'
import { tenantOrgs } from '../shared/tenant-orgs'
import { visibleBranches } from './scope'
import { figuresOfTasks, targetsByBranch } from './study-counts'

/** The tenant's orgs and the ids of the branches the caller oversees, from one read. */
async function visible(ctx: HandlerContext) {
  const orgs = await tenantOrgs(ctx.store, ctx.caller.member.tenantId)
  return { orgs, ids: new Set(visibleBranches(ctx.caller, orgs).map((branch) => branch._id)) }
}

type TaskFigures = Pick<StudyTaskRow, 'branches' | 'targeted' | 'checkedIn'>
const NO_FIGURES: TaskFigures = { branches: 0, targeted: 0, checkedIn: 0 }

function taskRow(task: StudyTaskDoc, figures: TaskFigures): StudyTaskRow {
  return { taskId: task._id, title: task.title, startsOn: task.startsOn, dueOn: task.dueOn, ...figures }
}

/** 学习任务一览: newest first, each with its targeted members and check-ins over the caller's branches (two aggregations a page). */
export const studyTasks: Handler<typeof api.bureau.studyTasks> = async (input, ctx) => {
  const { ids } = await visible(ctx)
  const page = await readPage(
    ctx.store,
    COLLECTIONS.studyTasks,
    { tenantId: ctx.caller.member.tenantId },
    [['publishedAt', 'desc']],
    input,
  )
  const figures = await figuresOfTasks(ctx, page.items, ids)
  const items = page.items.map((task) => taskRow(task, figures.get(task._id) ?? NO_FIGURES))
  return { items, total: page.total, page: page.page }
}

/** 学习参与率: one task by branch, lowest rate first (who to nudge). */
export const studyByBranch: Handler<typeof api.bureau.studyByBranch> = async (input, ctx) => {
  const task = await ctx.store.get(COLLECTIONS.studyTasks, input.taskId)
  if (!task || task.tenantId !== ctx.caller.member.tenantId) throw new DomainError('STUDY.TASK_NOT_FOUND')
  const { orgs, ids } = await visible(ctx)
  const rows = await targetsByBranch(ctx, task, ids)
  const nameOf = new Map(orgs.map((org) => [org._id, org.name]))
  const branches: StudyBranchRow[] = rows
    .map((row) => ({
      branchId: row.branchId,
      branchName: nameOf.get(row.branchId) ?? '',
      targeted: row.targeted,
      checkedIn: row.checkedIn,
      rate: shareOf(row.checkedIn, row.targeted) ?? 0,
    }))
    .sort((a, b) => a.rate - b.rate || a.branchName.localeCompare(b.branchName, 'zh'))
  const figures = {
    branches: rows.length,
    targeted: rows.reduce((sum, row) => sum + row.targeted, 0),
    checkedIn: rows.reduce((sum, row) => sum + row.checkedIn, 0),
  }
  return { task: taskRow(task, figures), branches }
}
