import type { api } from '../../types/api'
import type { InvitationDoc } from '../../types/roster'
import { rolesOf } from '../domain/access/roles'
import { INVITATION_MAX_WRONG_NAMES, INVITATION_TTL_MS, invitationRefusal, sameName } from '../domain/invitation'
import { maskName } from '../domain/roster/privacy'
import type { Caller } from '../runtime/caller'
import { COLLECTIONS } from '../runtime/collections'
import { DomainError } from '../runtime/domain-error'
import { miniProgramCode } from '../runtime/mini-program-code'
import type { Handler, PublicContext } from '../runtime/router'
import { DuplicateIdError, type Store } from '../runtime/store'
import { writeAudit } from '../shared/audit'
import { loadManagedMember, loadMember } from '../shared/branch-access'
import { wrongName } from '../shared/invitation-attempts'
import { keepUntil } from '../shared/retention'
import { invitationCode } from '../shared/tenant-secrets'
import { claimMember, releaseMember } from './bindings'
import { profileOf } from './me'
import { boundMemberIds } from './member-row'

/** The page an invitation opens, in the roster subpackage. */
export const JOIN_PAGE = 'subpackages/roster/pages/join/index'

/**
 * The member an invitation is for, if the caller may invite them, and the
 * place the invitee will read: their branch, or for an account outside the
 * rosters (局党委 staff, 党建指导员) the bureau itself, which only bureau staff invite.
 */
async function loadInvitee(store: Store, caller: Caller, memberId: string) {
  const member = await loadMember(store, caller, memberId)
  if (member.branchId) {
    const { branch } = await loadManagedMember(store, caller, memberId)
    return { member, placeName: branch.name }
  }
  if (!caller.roles.includes('bureau_staff')) throw new DomainError('AUTH.FORBIDDEN')
  return { member, placeName: (await store.get(COLLECTIONS.tenants, member.tenantId))?.name ?? '' }
}

/** 绑定邀请: a single-use code for one member, valid for 7 days. */
export const createInvitation: Handler<typeof api.roster.createInvitation> = async (input, ctx) => {
  const { caller, store, clock } = ctx
  const { member, placeName } = await loadInvitee(store, caller, input.memberId)
  if (member.status !== 'active') throw new DomainError('ROSTER.INACTIVE')
  if ((await boundMemberIds(store, [member._id])).size > 0) throw new DomainError('INVITATION.MEMBER_BOUND')
  const now = clock.now()
  const request = input.requestId ? `${caller.member._id}\n${member._id}\n${input.requestId}` : null
  const invitation: InvitationDoc = {
    _id: await invitationCode(store, member.tenantId, request),
    tenantId: member.tenantId,
    memberId: member._id,
    createdBy: caller.member._id,
    createdAt: now,
    expiresAt: now + INVITATION_TTL_MS,
    status: 'open',
  }
  try {
    await store.insert(COLLECTIONS.invitations, invitation)
  } catch (error) {
    // A retry of the same tap: the invitation the first try made, written once and audited once.
    const earlier =
      error instanceof DuplicateIdError && request ? await store.get(COLLECTIONS.invitations, invitation._id) : null
    if (!earlier) throw error
    return invitationView(earlier, member.name, placeName)
  }
  await writeAudit(ctx, {
    action: 'roster.createInvitation',
    targetId: member._id,
    summary: `为 ${member.name} 生成绑定邀请`,
    before: null,
    after: { expiresAt: invitation.expiresAt },
  })
  return invitationView(invitation, member.name, placeName)
}

function invitationView(invitation: InvitationDoc, memberName: string, branchName: string) {
  return {
    code: invitation._id,
    memberId: invitation.memberId,
    memberName,
    branchName,
    createdAt: invitation.createdAt,
    expiresAt: invitation.expiresAt,
    path: `${JOIN_PAGE}?code=${invitation._id}`,
  }
}

/**
 * A member's invitations still open and unexpired, so the secretary can share or revoke them again, and
 * those locked by wrong names (how the secretary learns someone guessed at the name).
 */
export const memberInvitations: Handler<typeof api.roster.memberInvitations> = async (input, ctx) => {
  const { caller, store, clock } = ctx
  const { member, placeName } = await loadInvitee(store, caller, input.memberId)
  const [open, locked] = await Promise.all(
    (['open', 'locked'] as const).map((status) =>
      store.find(
        COLLECTIONS.invitations,
        { tenantId: member.tenantId, memberId: member._id, status },
        { orderBy: [['createdAt', 'desc']], limit: 20 },
      ),
    ),
  )
  const now = clock.now()
  return {
    items: open
      .filter((invitation) => invitationRefusal(invitation, now) === null)
      .map((invitation) => invitationView(invitation, member.name, placeName)),
    locked: locked.map((invitation) => ({
      code: invitation._id,
      lockedAt: invitation.lockedAt ?? invitation.createdAt,
      wrongNames: invitation.wrongNames ?? INVITATION_MAX_WRONG_NAMES,
    })),
  }
}

/** The invitation as a 小程序码 (scene = the code), for a member who is beside the secretary. */
export const invitationQrCode: Handler<typeof api.roster.invitationQrCode> = async (input, ctx) => {
  const { caller, store, files, clock } = ctx
  const invitation = await store.get(COLLECTIONS.invitations, input.code)
  if (!invitation || invitation.tenantId !== caller.member.tenantId) throw new DomainError('INVITATION.NOT_FOUND')
  await loadInvitee(store, caller, invitation.memberId)
  const refusal = invitationRefusal(invitation, clock.now())
  if (refusal) throw new DomainError(refusal)
  const png = await miniProgramCode(JOIN_PAGE, invitation._id)
  const fileID = await files.upload(`invitations/${invitation.tenantId}/${invitation._id}.png`, png)
  // The image is the invitation: it goes when the invitation expires.
  await keepUntil(ctx, { fileID, tenantId: invitation.tenantId, kind: 'invitation-code' }, invitation.expiresAt)
  return { url: await files.link(fileID, 600) }
}

export const revokeInvitation: Handler<typeof api.roster.revokeInvitation> = async (input, ctx) => {
  const { caller, store } = ctx
  const invitation = await store.get(COLLECTIONS.invitations, input.code)
  if (!invitation || invitation.tenantId !== caller.member.tenantId) throw new DomainError('INVITATION.NOT_FOUND')
  await loadInvitee(store, caller, invitation.memberId)
  // Conditional: only an open invitation turns revoked, so a revoke racing an accept cannot undo a binding.
  const changed = await store.updateWhere(
    COLLECTIONS.invitations,
    { _id: invitation._id, status: 'open' },
    { status: 'revoked' },
  )
  if (changed === 0) {
    const now = await store.get(COLLECTIONS.invitations, invitation._id)
    if (now?.status === 'used') throw new DomainError('INVITATION.USED')
    // Revoked (or locked) already: a repeated tap changes nothing and logs nothing.
    return { revoked: true as const }
  }
  await writeAudit(ctx, {
    action: 'roster.revokeInvitation',
    targetId: invitation.memberId,
    summary: '撤销绑定邀请',
    before: { status: invitation.status },
    after: { status: 'revoked' },
  })
  return { revoked: true as const }
}

async function usableInvitation({ store, clock }: PublicContext, code: string) {
  const invitation = await store.get(COLLECTIONS.invitations, code)
  const refusal = invitationRefusal(invitation, clock.now())
  if (refusal || !invitation) throw new DomainError(refusal ?? 'INVITATION.NOT_FOUND')
  const member = await store.get(COLLECTIONS.members, invitation.memberId)
  if (member?.status !== 'active') throw new DomainError('INVITATION.REVOKED')
  return { invitation, member }
}

/** What the invitee sees before confirming: the name masked, so a leaked link reveals little. */
export const inspectInvitation: Handler<typeof api.roster.inspectInvitation> = async (input, ctx) => {
  const { invitation, member } = await usableInvitation(ctx, input.code)
  const place = member.branchId
    ? await ctx.store.get(COLLECTIONS.orgs, member.branchId)
    : await ctx.store.get(COLLECTIONS.tenants, member.tenantId)
  return { maskedName: maskName(member.name), branchName: place?.name ?? '', expiresAt: invitation.expiresAt }
}

/** 确认绑定: binds the caller's OPENID to the invited member. */
export const acceptInvitation: Handler<typeof api.roster.acceptInvitation> = async (input, ctx) => {
  const { store, clock, openid, caller } = ctx
  if (!openid) throw new DomainError('AUTH.NOT_BOUND')
  if (caller) throw new DomainError('AUTH.ALREADY_BOUND')
  const { invitation, member } = await usableInvitation(ctx, input.code)
  if (!sameName(input.name, member.name))
    throw await wrongName(ctx, COLLECTIONS.invitations, invitation, {
      action: 'roster.invitationLocked',
      targetId: member._id,
      summary: (wrong) => `${member.name} 的绑定邀请因姓名连续输错${wrong}次已锁定`,
    })
  if ((await boundMemberIds(store, [member._id])).size > 0) {
    // Bound by a racing accept of this very invitation: answer what a later replay of it is answered.
    const current = await store.get(COLLECTIONS.invitations, invitation._id)
    throw new DomainError(current?.status === 'used' ? 'INVITATION.USED' : 'INVITATION.MEMBER_BOUND')
  }

  // Claim the invitation first (open → used, conditionally): of two racing accepts of it only one wins.
  const now = clock.now()
  const claimed = await store.updateWhere(
    COLLECTIONS.invitations,
    { _id: invitation._id, status: 'open' },
    { status: 'used', usedBy: openid, usedAt: now },
  )
  if (claimed === 0) throw new DomainError('INVITATION.USED')
  const reopen = () =>
    store.updateWhere(COLLECTIONS.invitations, { _id: invitation._id, usedBy: openid }, { status: 'open' })
  // Then the member (no WeChat yet → this one): of two invitations of one member accepted at once, one wins.
  if (!(await claimMember(store, member, now))) {
    await reopen()
    throw new DomainError('INVITATION.MEMBER_BOUND')
  }
  try {
    // `_id` = OPENID: a WeChat user binds one member, enforced by the database.
    await store.insert(COLLECTIONS.bindings, {
      _id: openid,
      tenantId: member.tenantId,
      memberId: member._id,
      boundAt: now,
    })
  } catch (error) {
    await releaseMember(store, member._id, now)
    await reopen()
    if (error instanceof DuplicateIdError) throw new DomainError('AUTH.ALREADY_BOUND')
    throw error
  }
  const roles = rolesOf(member)
  await writeAudit(
    { store, clock, caller: { openid, member, roles } },
    {
      action: 'roster.acceptInvitation',
      targetId: member._id,
      summary: `${member.name} 绑定微信`,
      before: null,
      after: { boundAt: now },
    },
  )
  return profileOf(store, member, roles)
}
