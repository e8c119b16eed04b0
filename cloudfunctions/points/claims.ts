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
import type { Store, Where } from '../runtime/store'
import { loadBranch, loadMember, requireAccess } from '../shared/branch-access'
import { findRule, loadCatalogue } from './catalogue'
import { recordAward, reverseEntry } from './ledger'

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

/** The ledger key of a claim's payment: approving it twice, or racing, pays once. */
const claimKey = (claim: ClaimDoc) => `claim:${claim._id}`

/**
 * 审核: approval pays the claim once (its id is the ledger key); rejection keeps the reason. Nobody decides
 * their own claim. The decision is a conditional write (pending → decided), and whichever side loses a race
 * says so: an approve that finds the claim rejected meanwhile reverses what it paid, and a reject reverses
 * any payment an approve in flight (or cut off) made, so a claim shown as rejected never stays paid.
 */
export const reviewClaim: Handler<typeof api.points.reviewClaim> = async (input, { caller, store, clock }) => {
  const claim = await store.get(COLLECTIONS.pointsClaims, input.claimId)
  if (!claim || claim.tenantId !== caller.member.tenantId) throw new DomainError('POINTS.CLAIM_NOT_FOUND')
  const branch = await loadBranch(store, caller, claim.branchId)
  if (branchAccess(caller.member, branch) !== 'manage') throw new DomainError('AUTH.FORBIDDEN')
  if (claim.memberId === caller.member._id)
    throw new DomainError('AUTH.SELF_DEALING', '不能审核自己的积分申报，请由支部其他管理人员或教育局党委审核')
  if (claim.status !== 'pending') throw new DomainError('POINTS.CLAIM_DECIDED')
  const reason = input.reason.trim()
  const by = { id: caller.member._id, name: caller.member.name }
  if (!input.approve && reason.length < 2) throw new DomainError('POINTS.REASON_REQUIRED', '驳回申报须填写理由')
  if (input.approve) {
    const rule = findRule(await loadCatalogue(store, claim.tenantId), claim.ruleKey)
    const verdict = judgeGrant(rule, caller.roles, claim.points, reason || claim.note)
    if (!verdict.ok) throw new DomainError(verdict.code, verdict.message)
    const member = await loadMember(store, caller, claim.memberId)
    if (member.status !== 'active' || !member.branchId) throw new DomainError('ROSTER.INACTIVE')
    await recordAward(store, {
      key: claimKey(claim),
      tenantId: claim.tenantId,
      member: { _id: member._id, branchId: member.branchId },
      rule: rule as PointsRule,
      requested: verdict.points,
      reason: reason || claim.note,
      grantedBy: by.id,
      grantedByName: by.name,
      at: clock.now(),
      sourceEvent: claimKey(claim),
      overCap: 'refuse',
    })
  }
  const decided = {
    status: input.approve ? ('approved' as const) : ('rejected' as const),
    decidedBy: caller.member._id,
    decisionReason: reason || null,
  }
  const won = await store.updateWhere(COLLECTIONS.pointsClaims, { _id: claim._id, status: 'pending' }, decided)
  const latest = await store.get(COLLECTIONS.pointsClaims, claim._id)
  if (latest?.status === 'rejected') await reverseClaimPayment(store, claim, by)
  if (won === 0) throw new DomainError('POINTS.CLAIM_DECIDED')
  return toClaim({ ...claim, ...decided })
}

async function reverseClaimPayment(store: Store, claim: ClaimDoc, by: { id: string; name: string }): Promise<void> {
  const payment = await store.get(COLLECTIONS.pointsLedger, claimKey(claim))
  if (payment) await reverseEntry(store, payment, '申报已驳回，撤销此前计入的积分', by)
}
