import type { api } from '../../types/api'
import type { OrgDoc } from '../../types/roster'
import type { CheckinDoc, StudyTaskDoc } from '../../types/study'
import { branchAccess } from '../domain/access/branch-access'
import { isTarget, windowState } from '../domain/study/targets'
import { shanghaiDate } from '../domain/time'
import { COLLECTIONS } from '../runtime/collections'
import { DomainError } from '../runtime/domain-error'
import { newId } from '../runtime/new-id'
import type { Handler, HandlerContext } from '../runtime/router'
import { writeAudit } from '../shared/audit'
import { loadBranch, requireAccess } from '../shared/branch-access'

/** How long a reminded member is left alone before the next 提醒未学习 reaches them. */
const NUDGE_REST_MS = 12 * 3_600_000

async function taskAndBranch(
  ctx: HandlerContext,
  taskId: string,
  branchId: string | undefined,
  needed: 'read' | 'manage',
) {
  const { caller, store } = ctx
  const task = await store.get(COLLECTIONS.studyTasks, taskId)
  if (!task || task.tenantId !== caller.member.tenantId) throw new DomainError('STUDY.TASK_NOT_FOUND')
  let branch: OrgDoc | undefined
  if (branchId) {
    if (!task.branchIds.includes(branchId)) throw new DomainError('ROSTER.NOT_FOUND', '该任务没有发给这个支部')
    branch = await loadBranch(store, caller, branchId)
  } else {
    const targeted = await store.find(COLLECTIONS.orgs, { _id: store.command.in(task.branchIds.slice(0, 500)) })
    branch =
      targeted.find((org) => org._id === caller.member.branchId && branchAccess(caller.member, org) !== 'none') ??
      targeted.find((org) => branchAccess(caller.member, org) !== 'none')
    if (!branch) throw new DomainError('AUTH.FORBIDDEN')
  }
  requireAccess(caller, branch, needed)
  return { task, branch }
}

async function splitMembers(ctx: HandlerContext, task: StudyTaskDoc, branch: OrgDoc) {
  const { store } = ctx
  const [members, checkins] = await Promise.all([
    store.findAll(COLLECTIONS.members, { tenantId: task.tenantId, branchId: branch._id, status: 'active' }),
    store.findAll(COLLECTIONS.studyCheckins, { tenantId: task.tenantId, taskId: task._id, branchId: branch._id }),
  ])
  const done = new Map(checkins.map((checkin) => [checkin.memberId, checkin]))
  const targets = members.filter((member) => isTarget(task, member))
  return {
    studied: targets
      .filter((member) => done.has(member._id))
      .map((member) => ({ member, checkin: done.get(member._id) as CheckinDoc })),
    notStudied: targets.filter((member) => !done.has(member._id)),
  }
}

/** 学习情况: who in a branch has studied a task and who has not yet, with when they were last reminded. */
export const participation: Handler<typeof api.study.participation> = async (input, ctx) => {
  const { task, branch } = await taskAndBranch(ctx, input.taskId, input.branchId, 'read')
  const { studied, notStudied } = await splitMembers(ctx, task, branch)
  const nudges = await ctx.store.findAll(COLLECTIONS.studyNudges, {
    tenantId: task.tenantId,
    taskId: task._id,
    branchId: branch._id,
  })
  const lastNudge = new Map<string, number>()
  for (const nudge of nudges) lastNudge.set(nudge.memberId, Math.max(nudge.at, lastNudge.get(nudge.memberId) ?? 0))
  return {
    branchId: branch._id,
    branchName: branch.name,
    studied: studied
      .sort((a, b) => a.checkin.at - b.checkin.at)
      .map(({ member, checkin }) => ({ memberId: member._id, name: member.name, at: checkin.at, note: checkin.note })),
    notStudied: notStudied.map((member) => ({
      memberId: member._id,
      name: member.name,
      nudgedAt: lastNudge.get(member._id) ?? null,
    })),
  }
}

/**
 * 提醒未学习的党员: records one reminder per member who has not studied.
 * The meetings function's 5-minute 'remind' timer delivers them
 * (cloudfunctions/shared/messaging/study-nudges.ts): a subscribe message to each
 * member with a reminder credit, one summary per tap into the branch's
 * WeCom robot, each nudge marked `deliveredAt` once. A member reminded of
 * the task in the last 12 hours is left out, so a second tap spends no
 * one's credit and floods no chat.
 */
export const nudge: Handler<typeof api.study.nudge> = async (input, ctx) => {
  const { task, branch } = await taskAndBranch(ctx, input.taskId, input.branchId, 'manage')
  if (windowState(task, shanghaiDate(ctx.clock.now())) === 'past due') throw new DomainError('STUDY.PAST_DUE')
  const at = ctx.clock.now()
  const [{ notStudied }, recent] = await Promise.all([
    splitMembers(ctx, task, branch),
    ctx.store.findAll(
      COLLECTIONS.studyNudges,
      { tenantId: task.tenantId, taskId: task._id, branchId: branch._id, at: ctx.store.command.gt(at - NUDGE_REST_MS) },
      { fields: { _id: true, memberId: true } },
    ),
  ])
  const rested = new Set(recent.map((nudge) => nudge.memberId))
  const due = notStudied.filter((member) => !rested.has(member._id))
  await Promise.all(
    due.map((member) =>
      ctx.store.insert(COLLECTIONS.studyNudges, {
        _id: newId('sn'),
        tenantId: task.tenantId,
        taskId: task._id,
        memberId: member._id,
        branchId: branch._id,
        at,
        by: ctx.caller.member._id,
      }),
    ),
  )
  if (due.length > 0) {
    await writeAudit(ctx, {
      action: 'study.nudge',
      targetId: task._id,
      summary: `提醒${branch.name}未学习“${task.title}”的 ${due.length} 名党员`,
      before: null,
      after: { nudged: due.length },
    })
  }
  return { nudged: due.length, recentlyNudged: notStudied.length - due.length }
}
