import type { api } from '../../types/api'
import type { RectificationDoc } from '../../types/yearly-cycle'
import { branchAccess } from '../domain/access/branch-access'
import { shanghaiDate } from '../domain/time'
import { isOverdue } from '../domain/yearly-cycle/rectification'
import { COLLECTIONS } from '../runtime/collections'
import { DomainError } from '../runtime/domain-error'
import type { Handler } from '../runtime/router'
import { DuplicateIdError } from '../runtime/store'
import { writeAudit } from '../shared/audit'
import { loadBranch, loadMember } from '../shared/branch-access'
import { refreshDigest } from './digest'
import { attached, requireOwnFiles } from './files'
import { loadOrgLife, meetingHeld } from './org-life'
import { namesOf } from './people'
import { ownTenant } from './scope'

/**
 * 整改清单: an item the 组织生活会 found — the problem, the measure, who owns
 * it (an active member of the branch) and by when. Only once the meeting is
 * held; its id is the client's requestId, so a retry adds it once.
 */
export const addRectification: Handler<(typeof api)['yearly-cycle']['addRectification']> = async (input, ctx) => {
  const { caller, store, clock } = ctx
  const { orgLife, branch } = await loadOrgLife(ctx, input.orgLifeId, 'manage')
  const now = clock.now()
  if (!(await meetingHeld(store, orgLife, now))) throw new DomainError('ORG_LIFE.MEETING_NOT_HELD')
  const owner = await loadMember(store, caller, input.ownerId)
  if (owner.branchId !== branch._id || owner.status !== 'active') {
    throw new DomainError('ROSTER.NOT_FOUND', '整改责任人须为本支部党员')
  }
  const item: RectificationDoc = {
    _id: input.requestId,
    tenantId: branch.tenantId,
    orgLifeId: orgLife._id,
    branchId: branch._id,
    problem: input.problem,
    measure: input.measure,
    ownerId: owner._id,
    dueOn: input.dueOn,
    status: 'open',
    evidence: null,
    closedOn: null,
    createdAt: now,
  }
  try {
    await store.insert(COLLECTIONS.rectifications, item)
  } catch (error) {
    if (error instanceof DuplicateIdError) return { id: item._id }
    throw error
  }
  await writeAudit(ctx, {
    action: 'yearly-cycle.addRectification',
    targetId: item._id,
    summary: `${branch.name}整改清单新增：${input.problem}（责任人${owner.name}，${input.dueOn}前）`,
    before: null,
    after: { ownerId: owner._id, dueOn: input.dueOn },
  })
  await refreshDigest(store, branch.tenantId, branch._id, orgLife.year, now)
  return { id: item._id }
}

/** 销号: the item's owner, or whoever runs the branch's cycle, closes it with what was done (and its evidence). */
export const closeRectification: Handler<(typeof api)['yearly-cycle']['closeRectification']> = async (input, ctx) => {
  const { caller, store, clock } = ctx
  const item = await ownTenant(
    store.get(COLLECTIONS.rectifications, input.rectificationId),
    caller,
    'ORG_LIFE.RECTIFICATION_NOT_FOUND',
  )
  const branch = await loadBranch(store, caller, item.branchId)
  if (item.ownerId !== caller.member._id && branchAccess(caller.member, branch) !== 'manage') {
    throw new DomainError('AUTH.FORBIDDEN')
  }
  if (item.status === 'closed') throw new DomainError('ORG_LIFE.RECTIFICATION_CLOSED')
  const now = clock.now()
  if (input.closedOn > shanghaiDate(now)) throw new DomainError('DATE.IN_FUTURE', '销号日期不能晚于今天')
  requireOwnFiles(caller, input.fileIds, 'ORG_LIFE.FILE_NOT_YOURS')
  const closed = await store.updateWhere(
    COLLECTIONS.rectifications,
    { _id: item._id, status: 'open' },
    {
      status: 'closed',
      closedOn: input.closedOn,
      evidence: store.command.set({ text: input.evidence, fileIds: input.fileIds }),
    },
  )
  if (closed === 0) throw new DomainError('ORG_LIFE.RECTIFICATION_CLOSED')
  await writeAudit(ctx, {
    action: 'yearly-cycle.closeRectification',
    targetId: item._id,
    summary: `${branch.name}整改事项销号：${item.problem}`,
    before: { status: 'open' },
    after: { status: 'closed', closedOn: input.closedOn },
  })
  const orgLife = await store.get(COLLECTIONS.orgLife, item.orgLifeId)
  if (orgLife) await refreshDigest(store, branch.tenantId, branch._id, orgLife.year, now)
  return { id: item._id, status: 'closed' as const }
}

/**
 * The 整改清单: every item for those who follow the branch (committee,
 * secretary, instructors, bureau), only their own for anyone else.
 */
export const listRectifications: Handler<(typeof api)['yearly-cycle']['listRectifications']> = async (input, ctx) => {
  const { caller, store, files, clock } = ctx
  const orgLife = await ownTenant(store.get(COLLECTIONS.orgLife, input.orgLifeId), caller, 'ORG_LIFE.NOT_FOUND')
  const branch = await loadBranch(store, caller, orgLife.branchId)
  const access = branchAccess(caller.member, branch)
  const where = { tenantId: orgLife.tenantId, orgLifeId: orgLife._id }
  const items = await store.findAll(
    COLLECTIONS.rectifications,
    access === 'none' ? { ...where, ownerId: caller.member._id } : where,
    { orderBy: [['dueOn', 'asc']] },
  )
  if (access === 'none' && items.length === 0 && caller.member.branchId !== branch._id) {
    throw new DomainError('AUTH.FORBIDDEN')
  }
  const now = clock.now()
  const today = shanghaiDate(now)
  const [names, held] = await Promise.all([
    namesOf(
      store,
      items.map((item) => item.ownerId),
    ),
    meetingHeld(store, orgLife, now),
  ])
  return {
    items: await Promise.all(
      items.map(async (item) => ({
        id: item._id,
        problem: item.problem,
        measure: item.measure,
        ownerId: item.ownerId,
        ownerName: names.get(item.ownerId) ?? '已离开的党员',
        dueOn: item.dueOn,
        status: item.status,
        overdue: isOverdue(item, today),
        closedOn: item.closedOn,
        evidence: item.evidence && { text: item.evidence.text, files: await attached(files, item.evidence.fileIds) },
        mayClose: item.status === 'open' && (item.ownerId === caller.member._id || access === 'manage'),
      })),
    ),
    mayAdd: access === 'manage' && held,
    meetingHeld: held,
  }
}
