import type { api } from '../../types/api'
import type { ApplicantInvitationDoc } from '../../types/lifecycle'
import { INVITATION_TTL_MS, invitationRefusal, sameName } from '../domain/invitation'
import { COLLECTIONS } from '../runtime/collections'
import { DomainError } from '../runtime/domain-error'
import type { Handler } from '../runtime/router'
import { DuplicateIdError } from '../runtime/store'
import { writeAudit } from '../shared/audit'
import { wrongName } from '../shared/invitation-attempts'
import { invitationCode } from '../shared/tenant-secrets'
import { fileView, loadFile } from './file-view'

/** The page an applicant invitation opens. */
export const APPLICANT_ACCEPT_PAGE = 'subpackages/lifecycle/pages/accept/index'

/** 邀请本人查看: a single-use code, valid 7 days, for the person on a file (not a member) to see their own file. */
export const inviteApplicant: Handler<typeof api.lifecycle.inviteApplicant> = async (input, ctx) => {
  const { caller, store, clock } = ctx
  const { file } = await loadFile(store, caller, input.fileId, 'manage')
  if (file.closed || file.memberId) throw new DomainError('DEVELOPMENT.CLOSED')
  const now = clock.now()
  const request = input.requestId ? `applicant\n${caller.member._id}\n${file._id}\n${input.requestId}` : null
  const invitation: ApplicantInvitationDoc = {
    _id: await invitationCode(store, file.tenantId, request),
    tenantId: file.tenantId,
    fileId: file._id,
    createdBy: caller.member._id,
    createdAt: now,
    expiresAt: now + INVITATION_TTL_MS,
    status: 'open',
  }
  let made = invitation
  try {
    await store.insert(COLLECTIONS.applicantInvitations, invitation)
  } catch (error) {
    // A retry of the same tap: the invitation the first try made, written once and audited once.
    const earlier =
      error instanceof DuplicateIdError && request
        ? await store.get(COLLECTIONS.applicantInvitations, invitation._id)
        : null
    if (!earlier) throw error
    made = earlier
  }
  if (made === invitation)
    await writeAudit(ctx, {
      action: 'lifecycle.inviteApplicant',
      targetId: file._id,
      summary: `邀请 ${file.name} 查看本人入党进度`,
      before: null,
      after: { expiresAt: invitation.expiresAt },
    })
  return {
    code: made._id,
    expiresAt: made.expiresAt,
    path: `${APPLICANT_ACCEPT_PAGE}?code=${made._id}`,
  }
}

/** 确认身份: binds the caller's WeChat to the file, once they type the name on it. */
export const acceptApplicantInvitation: Handler<typeof api.lifecycle.acceptApplicantInvitation> = async (
  input,
  ctx,
) => {
  const { store, clock, openid, caller } = ctx
  if (!openid) throw new DomainError('AUTH.NOT_BOUND')
  if (caller || (await store.get(COLLECTIONS.applicantBindings, openid))) throw new DomainError('AUTH.ALREADY_BOUND')
  const now = clock.now()
  const invitation = await store.get(COLLECTIONS.applicantInvitations, input.code)
  const refusal = invitationRefusal(invitation, now)
  if (refusal || !invitation) throw new DomainError(refusal ?? 'INVITATION.NOT_FOUND')
  const file = await store.get(COLLECTIONS.developmentFiles, invitation.fileId)
  if (!file || file.closed) throw new DomainError('INVITATION.NOT_FOUND')
  if (!sameName(input.name, file.name))
    throw await wrongName(ctx, COLLECTIONS.applicantInvitations, invitation, {
      action: 'lifecycle.invitationLocked',
      targetId: file._id,
      summary: (wrong) => `${file.name} 的查看邀请因姓名连续输错${wrong}次已锁定`,
    })
  // Claim first (open → used, conditionally): of two racing accepts only one binds.
  const claimed = await store.updateWhere(
    COLLECTIONS.applicantInvitations,
    { _id: invitation._id, status: 'open' },
    { status: 'used', usedBy: openid, usedAt: now },
  )
  if (claimed === 0) throw new DomainError('INVITATION.USED')
  try {
    await store.insert(COLLECTIONS.applicantBindings, {
      _id: openid,
      tenantId: file.tenantId,
      fileId: file._id,
      boundAt: now,
    })
  } catch (error) {
    if (error instanceof DuplicateIdError) throw new DomainError('AUTH.ALREADY_BOUND')
    throw error
  }
  return { fileId: file._id }
}

/** 我的入党进度: the caller's own file only (no phone, nothing of anyone else) and the activities they are invited to. */
export const myDevelopmentFile: Handler<typeof api.lifecycle.myDevelopmentFile> = async (_input, ctx) => {
  const { store, clock, openid } = ctx
  const binding = openid ? await store.get(COLLECTIONS.applicantBindings, openid) : null
  const file = binding ? await store.get(COLLECTIONS.developmentFiles, binding.fileId) : null
  if (!file) throw new DomainError('DEVELOPMENT.NOT_APPLICANT')
  const branch = await store.get(COLLECTIONS.orgs, file.branchId)
  const {
    canManage: _canManage,
    phone: _phone,
    ...view
  } = await fileView(ctx, file, { name: branch?.name ?? '' }, false)
  // Meetings ahead that invite this file's person to attend without a vote (列席: the meetings' guestIds).
  const meetings = await store.find(
    COLLECTIONS.meetings,
    {
      tenantId: file.tenantId,
      guestIds: file._id,
      status: 'scheduled',
      startsAt: store.command.gte(clock.now()),
    },
    { orderBy: [['startsAt', 'asc']], limit: 20 },
  )
  return {
    file: view,
    invitedMeetings: meetings.map((m) => ({ id: m._id, title: m.title, startsAt: m.startsAt, place: m.place })),
  }
}
