import type { api } from '../../types/api'
import type { DesignationDoc, PostDeedDoc } from '../../types/assessment'
import { domainEventId } from '../../types/events'
import { branchAccess } from '../domain/access/branch-access'
import { inForce, lastDayOf, overlapsExisting } from '../domain/assessment/designation'
import { shanghaiDate } from '../domain/time'
import { COLLECTIONS } from '../runtime/collections'
import { DomainError } from '../runtime/domain-error'
import { recordEvent } from '../runtime/domain-events'
import { isInFolder } from '../runtime/files'
import type { Handler } from '../runtime/router'
import { writeAudit } from '../shared/audit'
import { loadBranch, loadManagedMember, requireAccess } from '../shared/branch-access'
import { membersByIds } from '../shared/members'
import { payEventsNow } from './pay-now'
import { evidenceFolder, insertOnce } from './store'

const SELF_POST = '不能为自己设岗，请由其他管理人员或教育局党委设立'

/** 设岗定责: a member of a branch the caller manages, one post of a kind at a time; a retry answers the same post. */
export const designatePost: Handler<typeof api.assessment.designatePost> = async (input, ctx) => {
  const { caller, store, clock } = ctx
  const retried = await store.get(COLLECTIONS.designations, input.requestId)
  if (retried) {
    if (retried.tenantId !== caller.member.tenantId || retried.createdBy !== caller.member._id)
      throw new DomainError('AUTH.FORBIDDEN')
    return { id: retried._id }
  }
  const { member, branch } = await loadManagedMember(store, caller, input.memberId)
  // Separation of duties: a post pays its deeds' points, so nobody designates themself.
  if (member._id === caller.member._id) throw new DomainError('AUTH.SELF_DEALING', SELF_POST)
  if (member.status !== 'active') throw new DomainError('ROSTER.INACTIVE')
  const held = await store.findAll(COLLECTIONS.designations, { tenantId: member.tenantId, memberId: member._id })
  const next = { memberId: member._id, kind: input.kind, from: input.from, to: input.to, endedOn: null }
  if (overlapsExisting(held, next)) throw new DomainError('POST.OVERLAP')
  const designation: DesignationDoc = {
    _id: input.requestId,
    tenantId: member.tenantId,
    branchId: branch._id,
    ...next,
    post: input.post,
    commitment: input.commitment,
    createdBy: caller.member._id,
    createdAt: clock.now(),
  }
  if (!(await insertOnce(store, COLLECTIONS.designations, designation))) return { id: designation._id }
  await writeAudit(ctx, {
    action: 'assessment.designatePost',
    targetId: designation._id,
    summary: `为${member.name}设立“${designation.post}”`,
    before: null,
    after: designation,
  })
  return { id: designation._id }
}

/** Ends a post early; the history stays (the deeds and the year's figure keep it). */
export const endDesignation: Handler<typeof api.assessment.endDesignation> = async (input, ctx) => {
  const { caller, store, clock } = ctx
  const designation = await store.get(COLLECTIONS.designations, input.designationId)
  if (!designation || designation.tenantId !== caller.member.tenantId) throw new DomainError('POST.NOT_FOUND')
  requireAccess(caller, await loadBranch(store, caller, designation.branchId), 'manage')
  const today = shanghaiDate(clock.now())
  if (designation.endedOn !== null || lastDayOf(designation) < today) throw new DomainError('POST.ENDED')
  // Ended before it began ends it on its first day (dates as YYYY-MM-DD sort in calendar order).
  const endedOn = [designation.from, input.on].sort()[1]
  await store.update(COLLECTIONS.designations, designation._id, { endedOn })
  await writeAudit(ctx, {
    action: 'assessment.endDesignation',
    targetId: designation._id,
    summary: `结束岗位“${designation.post}”`,
    before: designation,
    after: { ...designation, endedOn },
  })
  return { id: designation._id }
}

/**
 * The posts in force on a day: a branch's (its members, and whoever reads the
 * branch), or with no branch the caller's own — the member's page shows them.
 */
export const listDesignations: Handler<typeof api.assessment.listDesignations> = async (input, ctx) => {
  const { caller, store, clock } = ctx
  const tenantId = caller.member.tenantId
  const day = input.asOf ?? shanghaiDate(clock.now())
  let where: Record<string, unknown> = { tenantId, memberId: caller.member._id }
  if (input.branchId !== null) {
    const branch = await loadBranch(store, caller, input.branchId)
    if (caller.member.branchId !== branch._id && branchAccess(caller.member, branch) === 'none')
      throw new DomainError('AUTH.FORBIDDEN')
    where = { tenantId, branchId: branch._id }
  }
  const designations = (
    await store.findAll(COLLECTIONS.designations, { ...where, to: store.command.gte(day as never) })
  ).filter((designation) => inForce(designation, day))
  const ids = designations.map((designation) => designation._id)
  const [names, deeds] = await Promise.all([
    membersByIds(
      store,
      designations.map((designation) => designation.memberId),
    ),
    ids.length
      ? store.countBy(COLLECTIONS.postDeeds, { tenantId, designationId: store.command.in(ids) }, 'designationId')
      : new Map<string | null, number>(),
  ])
  return {
    items: designations
      .sort((a, b) => a.kind.localeCompare(b.kind) || a.from.localeCompare(b.from))
      .map((designation) => ({
        id: designation._id,
        memberId: designation.memberId,
        name: names.get(designation.memberId)?.name ?? '',
        kind: designation.kind,
        post: designation.post,
        commitment: designation.commitment,
        from: designation.from,
        to: lastDayOf(designation),
        deeds: deeds.get(designation._id) ?? 0,
      })),
  }
}

/**
 * 记录履诺: only the designated member, on a day the post is in force and not
 * in the future, with photos from their own folder. One `post.deed` event per
 * deed, paid at once by the points rule (capped there).
 */
export const recordDeed: Handler<typeof api.assessment.recordDeed> = async (input, ctx) => {
  const { caller, store, clock, functions } = ctx
  const designation = await store.get(COLLECTIONS.designations, input.designationId)
  if (!designation || designation.tenantId !== caller.member.tenantId) throw new DomainError('POST.NOT_FOUND')
  if (designation.memberId !== caller.member._id) throw new DomainError('AUTH.FORBIDDEN')
  const retried = await store.get(COLLECTIONS.postDeeds, input.requestId)
  if (retried) {
    if (retried.memberId !== caller.member._id) throw new DomainError('AUTH.FORBIDDEN')
    return { id: retried._id }
  }
  const now = clock.now()
  if (input.on > shanghaiDate(now)) throw new DomainError('DATE.IN_FUTURE')
  if (!inForce(designation, input.on)) throw new DomainError('POST.NOT_IN_FORCE')
  const folder = evidenceFolder(caller)
  if (input.fileIds.some((fileId) => !isInFolder(fileId, folder))) throw new DomainError('AUTH.FORBIDDEN')
  const deed: PostDeedDoc = {
    _id: input.requestId,
    tenantId: designation.tenantId,
    designationId: designation._id,
    memberId: caller.member._id,
    on: input.on,
    text: input.text,
    fileIds: input.fileIds,
    at: now,
  }
  if (!(await insertOnce(store, COLLECTIONS.postDeeds, deed))) return { id: deed._id }
  await recordEvent(store, {
    tenantId: deed.tenantId,
    kind: 'post.deed',
    memberId: deed.memberId,
    sourceId: deed._id,
    at: now,
    recordedBy: deed.memberId,
  })
  await payEventsNow(functions, [domainEventId('post.deed', deed._id, deed.memberId)], `履行“${designation.post}”承诺`)
  return { id: deed._id }
}
