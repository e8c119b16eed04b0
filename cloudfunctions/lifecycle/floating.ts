import type { api } from '../../types/api'
import type { FloatingDoc } from '../../types/lifecycle'
import { shanghaiDate } from '../domain/time'
import { COLLECTIONS } from '../runtime/collections'
import { DomainError } from '../runtime/domain-error'
import { readPage } from '../runtime/read-page'
import type { Handler } from '../runtime/router'
import { DuplicateIdError } from '../runtime/store'
import { writeAudit } from '../shared/audit'
import { loadBranch, loadManagedMember, requireAccess } from '../shared/branch-access'
import { membersByIds } from '../shared/members'
import { branchNames, listScope } from './transfer-view'

/**
 * 登记流动党员: a member working elsewhere long-term stays on their branch's
 * roster; the record says where they are and where they take part in Party
 * life (流入地党组织). One open record per member; the request id is its id.
 */
export const recordFloating: Handler<typeof api.lifecycle.recordFloating> = async (input, ctx) => {
  const { caller, store, clock } = ctx
  const { member, branch } = await loadManagedMember(store, caller, input.memberId)
  const existing = await store.get(COLLECTIONS.floatingMembers, input.requestId)
  if (existing) {
    if (existing.tenantId !== member.tenantId || existing.recordedBy !== caller.member._id) {
      throw new DomainError('FLOATING.NOT_FOUND')
    }
    return { id: existing._id }
  }
  if (member.status !== 'active') throw new DomainError('ROSTER.INACTIVE')
  const now = clock.now()
  if (input.since > shanghaiDate(now)) throw new DomainError('DATE.IN_FUTURE')
  const open = await store.find(
    COLLECTIONS.floatingMembers,
    { tenantId: member.tenantId, memberId: member._id, until: null },
    { limit: 1 },
  )
  if (open.length) throw new DomainError('FLOATING.ACTIVE')
  const record: FloatingDoc = {
    _id: input.requestId,
    tenantId: member.tenantId,
    memberId: member._id,
    branchId: branch._id,
    whereabouts: input.whereabouts,
    hostOrg: input.hostOrg || null,
    since: input.since,
    until: null,
    contact: input.contact || null,
    recordedBy: caller.member._id,
    recordedAt: now,
  }
  try {
    await store.insert(COLLECTIONS.floatingMembers, record)
  } catch (error) {
    if (error instanceof DuplicateIdError) throw new DomainError('FLOATING.NOT_FOUND')
    throw error
  }
  await writeAudit(ctx, {
    action: 'lifecycle.recordFloating',
    targetId: record._id,
    summary: `登记 ${member.name} 为流动党员：${input.whereabouts}`,
    before: null,
    after: record,
  })
  return { id: record._id }
}

/** 返回: the member is back; the record stays as history. Repeating the same day answers the same. */
export const endFloating: Handler<typeof api.lifecycle.endFloating> = async (input, ctx) => {
  const { caller, store, clock } = ctx
  const record = await store.get(COLLECTIONS.floatingMembers, input.floatingId)
  if (!record || record.tenantId !== caller.member.tenantId) throw new DomainError('FLOATING.NOT_FOUND')
  requireAccess(caller, await loadBranch(store, caller, record.branchId), 'manage')
  if (record.until === input.until) return { id: record._id }
  if (record.until !== null) throw new DomainError('FLOATING.NOT_FOUND', '该流动党员登记已结束')
  if (input.until > shanghaiDate(clock.now())) throw new DomainError('DATE.IN_FUTURE')
  if (input.until < record.since) throw new DomainError('DATE.BEFORE_PREVIOUS', '返回日期不能早于外出日期')
  await store.update(COLLECTIONS.floatingMembers, record._id, { until: input.until })
  const member = await store.get(COLLECTIONS.members, record.memberId)
  await writeAudit(ctx, {
    action: 'lifecycle.endFloating',
    targetId: record._id,
    summary: `${member?.name ?? ''} 流动党员登记结束（${input.until} 返回）`,
    before: { until: null },
    after: { until: input.until },
  })
  return { id: record._id }
}

/** 流动党员 now (a branch's, or the tenant's for bureau staff), or every record of one member. */
export const listFloating: Handler<typeof api.lifecycle.listFloating> = async (input, ctx) => {
  const where = await listScope(ctx, input)
  const current = input.memberId ? where : { ...where, until: null }
  const page = await readPage(ctx.store, COLLECTIONS.floatingMembers, current, [['since', 'desc']], input)
  const [members, names] = await Promise.all([
    membersByIds(
      ctx.store,
      page.items.map((record) => record.memberId),
    ),
    branchNames(
      ctx.store,
      page.items.map((record) => record.branchId),
    ),
  ])
  return {
    ...page,
    items: page.items.map((record) => ({
      id: record._id,
      memberId: record.memberId,
      name: members.get(record.memberId)?.name ?? '',
      branchName: names.get(record.branchId) ?? '',
      whereabouts: record.whereabouts,
      hostOrg: record.hostOrg,
      contact: record.contact,
      since: record.since,
      until: record.until,
    })),
  }
}
