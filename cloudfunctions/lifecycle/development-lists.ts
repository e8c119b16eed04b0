import type { api } from '../../types/api'
import { TEACHING_ROLES } from '../../types/lifecycle'
import { branchAccess } from '../domain/access/branch-access'
import { groupBy } from '../domain/group-by'
import { stageCounts, yearTotals } from '../domain/lifecycle/development-counts'
import { dueItems } from '../domain/lifecycle/development-due'
import { nextSteps } from '../domain/lifecycle/development-timeline'
import { shanghaiDate } from '../domain/time'
import { COLLECTIONS } from '../runtime/collections'
import { readPage } from '../runtime/read-page'
import type { Handler } from '../runtime/router'
import { loadBranch, requireAccess } from '../shared/branch-access'
import { fileView, loadFile } from './file-view'

/** Stages in which a file can still have something due (a 正式党员's file waits for 归档). */
export const OPEN_STAGES = ['applicant', 'activist', 'candidate', 'probationary', 'formal']

export const developmentFile: Handler<typeof api.lifecycle.developmentFile> = async (input, ctx) => {
  const { file, branch, access } = await loadFile(ctx.store, ctx.caller, input.fileId, 'read')
  return fileView(ctx, file, branch, access === 'manage')
}

/** 发展党员 of a branch, a page at a time, newest activity first, each with its next step and overdue count. */
export const listDevelopment: Handler<typeof api.lifecycle.listDevelopment> = async (input, ctx) => {
  const { caller, store, clock } = ctx
  const branch = await loadBranch(store, caller, input.branchId)
  requireAccess(caller, branch, 'read')
  const where = {
    tenantId: caller.member.tenantId,
    branchId: branch._id,
    ...(input.stage ? { stage: input.stage } : {}),
    ...(input.keyTeachersOnly ? { keyTeacher: true } : {}),
  }
  const page = await readPage(store, COLLECTIONS.developmentFiles, where, [['updatedAt', 'desc']], input)
  const today = shanghaiDate(clock.now())
  return {
    ...page,
    items: page.items.map((file) => {
      const last = file.steps.at(-1) ?? null
      const next = nextSteps(file)[0] ?? null
      return {
        id: file._id,
        name: file.name,
        stage: file.stage,
        teachingRole: file.teachingRole,
        keyTeacher: file.keyTeacher,
        lastStep: last?.step ?? null,
        lastStepOn: last?.on ?? null,
        nextStep: next?.step ?? null,
        nextEarliestOn: next?.earliestOn ?? null,
        overdue: dueItems(file, today).filter((item) => item.overdue).length,
      }
    }),
  }
}

async function openFiles(ctx: Parameters<typeof listDevelopment>[1], where: Record<string, unknown>) {
  return ctx.store.findAll(COLLECTIONS.developmentFiles, {
    ...where,
    tenantId: ctx.caller.member.tenantId,
    stage: ctx.store.command.in(OPEN_STAGES),
  })
}

/** 待办: what falls due in the next 30 days or is overdue, soonest first ('张三 预备期将于 30 天后届满'). */
export const developmentDue: Handler<typeof api.lifecycle.developmentDue> = async (input, ctx) => {
  const branch = await loadBranch(ctx.store, ctx.caller, input.branchId)
  requireAccess(ctx.caller, branch, 'read')
  const today = shanghaiDate(ctx.clock.now())
  const files = await openFiles(ctx, { branchId: branch._id })
  const items = files.flatMap((file) => dueItems(file, today))
  items.sort((a, b) => a.days - b.days || a.name.localeCompare(b.name, 'zh-CN'))
  return { items }
}

/**
 * 发展党员统计 of the branches the caller oversees (branchAccess: the tenant for bureau staff, the 党总支's
 * branches for its secretary, the assigned ones for an instructor): stages per branch, overdue steps, the
 * year's totals, and 双培养 by teaching role over the same files.
 */
export const pipeline: Handler<typeof api.lifecycle.pipeline> = async (input, ctx) => {
  const { caller, store, clock } = ctx
  const tenantId = caller.member.tenantId
  const today = shanghaiDate(clock.now())
  const [allFiles, allBranches] = await Promise.all([
    store.findAll(COLLECTIONS.developmentFiles, { tenantId }),
    store.findAll(COLLECTIONS.orgs, { tenantId, kind: 'branch', status: 'active' }, { orderBy: [['name', 'asc']] }),
  ])
  const branches = allBranches.filter((branch) => branchAccess(caller.member, branch) !== 'none')
  const seen = new Set(branches.map((branch) => branch._id))
  const files = allFiles.filter((file) => seen.has(file.branchId))
  const byBranch = groupBy(files, (file) => file.branchId)
  const byRole = groupBy(files, (file) => `${file.teachingRole}:${file.keyTeacher}`)
  return {
    branches: branches
      .filter((branch) => byBranch.has(branch._id))
      .map((branch) => {
        const own = byBranch.get(branch._id) ?? []
        return {
          branchId: branch._id,
          name: branch.name,
          stages: stageCounts(own),
          overdue: own.reduce((sum, file) => sum + dueItems(file, today).filter((item) => item.overdue).length, 0),
          year: yearTotals(own, input.year),
        }
      }),
    byTeachingRole: TEACHING_ROLES.flatMap((teachingRole) =>
      [true, false].flatMap((keyTeacher) => {
        const group = byRole.get(`${teachingRole}:${keyTeacher}`)
        return group
          ? [{ teachingRole, keyTeacher, stages: stageCounts(group), year: yearTotals(group, input.year) }]
          : []
      }),
    ),
  }
}
