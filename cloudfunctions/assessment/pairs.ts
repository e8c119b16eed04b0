import type { api } from '../../types/api'
import type { PairDoc, PairVisitDoc } from '../../types/assessment'
import { branchAccess } from '../domain/access/branch-access'
import { shanghaiDate } from '../domain/time'
import { COLLECTIONS } from '../runtime/collections'
import { DomainError } from '../runtime/domain-error'
import { isInFolder } from '../runtime/files'
import type { Handler } from '../runtime/router'
import { writeAudit } from '../shared/audit'
import { loadBranch, loadMember, requireAccess } from '../shared/branch-access'
import { membersByIds } from '../shared/members'
import { evidenceFolder, insertOnce } from './store'

/** 结对帮扶: a member of the branch with a student or family (a short label only), or the branch with another branch. */
export const createPair: Handler<typeof api.assessment.createPair> = async (input, ctx) => {
  const { caller, store, clock } = ctx
  const retried = await store.get(COLLECTIONS.pairs, input.requestId)
  if (retried) {
    if (retried.tenantId !== caller.member.tenantId || retried.createdBy !== caller.member._id)
      throw new DomainError('AUTH.FORBIDDEN')
    return { id: retried._id }
  }
  const branch = await loadBranch(store, caller, input.branchId)
  requireAccess(caller, branch, 'manage')
  if (input.since > shanghaiDate(clock.now())) throw new DomainError('DATE.IN_FUTURE')
  if (input.memberId !== null) {
    const member = await loadMember(store, caller, input.memberId)
    if (member.branchId !== branch._id || member.status !== 'active')
      throw new DomainError('ROSTER.NOT_FOUND', '该党员不在本支部')
  }
  if (input.partnerBranchId !== null) {
    const partner = await loadBranch(store, caller, input.partnerBranchId)
    if (partner._id === branch._id) throw new DomainError('ROSTER.NOT_FOUND', '请选择另一个支部')
  }
  const pair: PairDoc = {
    _id: input.requestId,
    tenantId: branch.tenantId,
    branchId: branch._id,
    kind: input.kind,
    memberId: input.memberId,
    partnerBranchId: input.partnerBranchId,
    partnerLabel: input.partnerLabel,
    since: input.since,
    until: null,
    createdBy: caller.member._id,
  }
  if (!(await insertOnce(store, COLLECTIONS.pairs, pair))) return { id: pair._id }
  await writeAudit(ctx, {
    action: 'assessment.createPair',
    targetId: pair._id,
    summary: `建立结对“${pair.partnerLabel}”`,
    before: null,
    after: pair,
  })
  return { id: pair._id }
}

/** 记录走访: the pair's member or a manager of its branch (either branch of a branch pair); not in the future, not after the pair ended. */
export const recordPairVisit: Handler<typeof api.assessment.recordPairVisit> = async (input, ctx) => {
  const { caller, store, clock } = ctx
  const pair = await store.get(COLLECTIONS.pairs, input.pairId)
  if (!pair || pair.tenantId !== caller.member.tenantId) throw new DomainError('PAIR.NOT_FOUND')
  // The pair's member, or whoever manages either branch of a 强弱支部结对 (each side records its own visits).
  const sides = [
    pair.branchId,
    ...(pair.kind === 'branch_branch' && pair.partnerBranchId ? [pair.partnerBranchId] : []),
  ]
  let allowed = pair.memberId === caller.member._id
  for (const side of sides) allowed ||= branchAccess(caller.member, await loadBranch(store, caller, side)) === 'manage'
  if (!allowed) throw new DomainError('AUTH.FORBIDDEN')
  const retried = await store.get(COLLECTIONS.pairVisits, input.requestId)
  if (retried) {
    if (retried.recordedBy !== caller.member._id) throw new DomainError('AUTH.FORBIDDEN')
    return { id: retried._id }
  }
  if (input.on > shanghaiDate(clock.now())) throw new DomainError('DATE.IN_FUTURE')
  if (pair.until !== null && input.on > pair.until) throw new DomainError('PAIR.ENDED')
  const folder = evidenceFolder(caller)
  if (input.fileIds.some((fileId) => !isInFolder(fileId, folder))) throw new DomainError('AUTH.FORBIDDEN')
  const visit: PairVisitDoc = {
    _id: input.requestId,
    tenantId: pair.tenantId,
    pairId: pair._id,
    branchId: pair.branchId,
    on: input.on,
    note: input.note,
    fileIds: input.fileIds,
    recordedBy: caller.member._id,
  }
  await insertOnce(store, COLLECTIONS.pairVisits, visit)
  return { id: visit._id }
}

/** A branch's pairs (a plain member: their own) with this year's visits; those not visited yet first, then the longest since a visit. */
export const listPairs: Handler<typeof api.assessment.listPairs> = async (input, ctx) => {
  const { caller, store } = ctx
  const branch = await loadBranch(store, caller, input.branchId)
  // Those who read the branch see all its pairs; a member of it, only the pairs they are in.
  const readsAll = branchAccess(caller.member, branch) !== 'none'
  if (!readsAll && caller.member.branchId !== branch._id) throw new DomainError('AUTH.FORBIDDEN')
  const tenantId = branch.tenantId
  const { command: _ } = store
  const [own, partnered] = await Promise.all([
    store.findAll(COLLECTIONS.pairs, {
      tenantId,
      branchId: branch._id,
      ...(readsAll ? {} : { memberId: caller.member._id }),
    }),
    // A 强弱支部结对 shows on both branches' lists: the one that made it and the one it pairs with.
    readsAll ? store.findAll(COLLECTIONS.pairs, { tenantId, partnerBranchId: branch._id }) : Promise.resolve([]),
  ])
  const pairs = [...own, ...partnered]
  const visits = pairs.length
    ? await store.findAll(
        COLLECTIONS.pairVisits,
        {
          tenantId,
          pairId: _.in(pairs.map((pair) => pair._id)),
          on: _.and([_.gte(`${input.year}-01-01` as never) as never, _.lte(`${input.year}-12-31` as never) as never]),
        },
        { fields: { _id: true, pairId: true, on: true } },
      )
    : []
  // The other side of a branch pair: the partner for the branch that made it, the maker for the partner.
  const otherBranch = (pair: PairDoc) => (pair.branchId === branch._id ? pair.partnerBranchId : pair.branchId)
  const partners = pairs.flatMap((pair) => (pair.kind === 'branch_branch' ? [otherBranch(pair) ?? ''] : []))
  const [names, branches] = await Promise.all([
    membersByIds(
      store,
      pairs.flatMap((pair) => (pair.memberId ? [pair.memberId] : [])),
    ),
    partners.length
      ? store.findAll(COLLECTIONS.orgs, { tenantId, _id: _.in(partners) }, { fields: { _id: true, name: true } })
      : Promise.resolve([]),
  ])
  const branchName = new Map(branches.map((org) => [org._id, org.name]))
  const items = pairs
    .filter((pair) => pair.until === null || pair.until >= `${input.year}-01-01`)
    .map((pair) => {
      const ofPair = visits.filter((visit) => visit.pairId === pair._id)
      return {
        id: pair._id,
        kind: pair.kind,
        memberName: pair.memberId ? (names.get(pair.memberId)?.name ?? null) : null,
        partner:
          pair.kind === 'branch_branch'
            ? (branchName.get(otherBranch(pair) ?? '') ?? pair.partnerLabel)
            : pair.partnerLabel,
        visits: ofPair.length,
        lastVisitOn: ofPair.reduce<string | null>((last, visit) => (last && last > visit.on ? last : visit.on), null),
      }
    })
    .sort((a, b) => (a.lastVisitOn ?? '').localeCompare(b.lastVisitOn ?? ''))
  return { items }
}
