import type { api } from '../../types/api'
import type { Claim, ClaimDoc, PointsRule } from '../../types/points'
import type { MemberDoc } from '../../types/roster'
import { branchAccess } from '../domain/access/branch-access'
import { awardValue, judgeGrant } from '../domain/points/grant'
import { COLLECTIONS } from '../runtime/collections'
import { DomainError } from '../runtime/domain-error'
import { isInFolder } from '../runtime/files'
import { newId } from '../runtime/new-id'
import { readPage } from '../runtime/read-page'
import type { Handler } from '../runtime/router'
import type { Where } from '../runtime/store'
import { loadBranch, loadMember, requireAccess } from '../shared/branch-access'
import { findRule, loadCatalogue } from './catalogue'
import { recordAward } from './ledger'

/** Where a member's evidence photos must be uploaded: their own folder, so nobody attaches another's files. */
export function claimFolder(tenantId: string, memberId: string): string {
  return `points/${tenantId}/${memberId}/`
}

const toClaim = (doc: ClaimDoc): Claim => ({
  id: doc._id,
  memberId: doc.memberId,
  memberName: doc.memberName,
  ruleKey: doc.ruleKey,
  ruleName: doc.ruleName,
  points: doc.points,
  note: doc.note,
  photos: doc.photos,
  kind: doc.kind,
  proposedByName: doc.proposedByName,
  status: doc.status,
  decisionReason: doc.decisionReason,
  createdAt: doc.createdAt,
})

export const submitClaim: Handler<typeof api.points.submitClaim> = async (input, { caller, store, clock }) => {
  const tenantId = caller.member.tenantId
  const forOther = input.memberId !== undefined && input.memberId !== caller.member._id
  let member: MemberDoc = caller.member
  if (forOther) {
    member = await loadMember(store, caller, input.memberId as string)
    if (!member.branchId) throw new DomainError('ROSTER.NOT_FOUND')
    // A proposal (提议) comes from someone who reads the member's branch: 支委, 书记, or above.
    requireAccess(caller, await loadBranch(store, caller, member.branchId), 'read')
  }
  if (!member.branchId) throw new DomainError('ROSTER.NOT_FOUND', '您不在任何支部，无法申报积分')
  const rule = findRule(await loadCatalogue(store, tenantId), input.ruleKey)
  if (!rule?.active) throw new DomainError('POINTS.RULE_NOT_FOUND')
  if (!forOther && !rule.claimable) throw new DomainError('POINTS.NOT_CLAIMABLE')
  const points = awardValue(rule, input.points)
  if (points === null) throw new DomainError('POINTS.BAD_VALUE')
  const folder = claimFolder(tenantId, caller.member._id)
  if (input.photos.some((fileID) => !isInFolder(fileID, folder))) throw new DomainError('POINTS.FILE_NOT_YOURS')
  const doc: ClaimDoc = {
    _id: newId('claim'),
    tenantId,
    memberId: member._id,
    memberName: member.name,
    branchId: member.branchId,
    ruleKey: rule.key,
    ruleName: rule.name,
    points,
    note: input.note,
    photos: input.photos,
    kind: forOther ? 'proposal' : 'claim',
    proposedBy: caller.member._id,
    proposedByName: caller.member.name,
    status: 'pending',
    decidedBy: null,
    decisionReason: null,
    createdAt: clock.now(),
  }
  await store.insert(COLLECTIONS.pointsClaims, doc)
  return toClaim(doc)
}

/** The caller's own claims, or (with a branch) the claims of a branch the caller reads. */
export const listClaims: Handler<typeof api.points.listClaims> = async (input, { caller, store }) => {
  const tenantId = caller.member.tenantId
  const where: Where = { tenantId, status: input.status }
  if (input.branchId) {
    requireAccess(caller, await loadBranch(store, caller, input.branchId), 'read')
    where.branchId = input.branchId
  } else {
    where.memberId = caller.member._id
  }
  const page = await readPage(store, COLLECTIONS.pointsClaims, where, [['createdAt', 'desc']], input)
  return { ...page, items: page.items.map(toClaim) }
}

/** 审核: approval pays the claim once (its id is the ledger key); rejection keeps the reason. */
export const reviewClaim: Handler<typeof api.points.reviewClaim> = async (input, { caller, store, clock }) => {
  const claim = await store.get(COLLECTIONS.pointsClaims, input.claimId)
  if (!claim || claim.tenantId !== caller.member.tenantId) throw new DomainError('POINTS.CLAIM_NOT_FOUND')
  const branch = await loadBranch(store, caller, claim.branchId)
  if (branchAccess(caller.member, branch) !== 'manage') throw new DomainError('AUTH.FORBIDDEN')
  if (claim.status !== 'pending') throw new DomainError('POINTS.CLAIM_DECIDED')
  const reason = input.reason.trim()
  if (!input.approve) {
    if (reason.length < 2) throw new DomainError('POINTS.REASON_REQUIRED', '驳回申报须填写理由')
  } else {
    const rule = findRule(await loadCatalogue(store, claim.tenantId), claim.ruleKey)
    const verdict = judgeGrant(rule, caller.roles, claim.points, reason || claim.note)
    if (!verdict.ok) throw new DomainError(verdict.code, verdict.message)
    const member = await loadMember(store, caller, claim.memberId)
    if (member.status !== 'active' || !member.branchId) throw new DomainError('ROSTER.INACTIVE')
    await recordAward(store, {
      key: `claim:${claim._id}`,
      tenantId: claim.tenantId,
      member: { _id: member._id, branchId: member.branchId },
      rule: rule as PointsRule,
      requested: verdict.points,
      reason: reason || claim.note,
      grantedBy: caller.member._id,
      grantedByName: caller.member.name,
      at: clock.now(),
      sourceEvent: `claim:${claim._id}`,
      overCap: 'refuse',
    })
  }
  const decided = {
    status: input.approve ? ('approved' as const) : ('rejected' as const),
    decidedBy: caller.member._id,
    decisionReason: reason || null,
  }
  await store.updateWhere(COLLECTIONS.pointsClaims, { _id: claim._id, status: 'pending' }, decided)
  return toClaim({ ...claim, ...decided })
}
