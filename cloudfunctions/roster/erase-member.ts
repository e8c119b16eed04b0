import type { api } from '../../types/api'
import { ERASED_NAME, type MemberDoc } from '../../types/roster'
import { escapePattern } from '../domain/roster/privacy'
import { COLLECTIONS } from '../runtime/collections'
import { DomainError } from '../runtime/domain-error'
import type { Handler, HandlerContext } from '../runtime/router'
import type { Store } from '../runtime/store'
import { writeAudit } from '../shared/audit'
import { loadMember } from '../shared/branch-access'
import { keepUntil } from '../shared/retention'
import { unbind } from './bindings'
import { ERASED_TEXT, eraseDomainRecords, removeAll } from './erase-domains'
import { toRow } from './member-row'

/**
 * 删除个人信息: a departed member's personal data goes, their place in the statistics stays. The member keeps
 * their id (attendance, the ledger, totals and digests point at it) under a placeholder name; the phone, the
 * dates, the WeChat binding, invitations and subscribe credits go; names kept beside other records become the
 * placeholder; what they wrote (claim notes, leave reasons, 心得, and in the later domains: erase-domains.ts) is
 * blanked and their photos are deleted by the retention timer. The audit log keeps that it happened and why, not the data.
 */
export const erasePersonalData: Handler<typeof api.roster.erasePersonalData> = async (input, ctx) => {
  const { caller, store, clock } = ctx
  const member = await loadMember(store, caller, input.memberId)
  if (member.status === 'active') throw new DomainError('ROSTER.STILL_ACTIVE')
  const now = clock.now()
  const erased: MemberDoc = {
    ...member,
    name: ERASED_NAME,
    nameKeys: [],
    phone: null,
    joinedOn: null,
    probationEndsOn: null,
    boundAt: null,
    erasedAt: member.erasedAt ?? now,
    updatedAt: now,
  }
  // Each step is idempotent: erasing again (after an interruption) finishes what is left. Those that look for
  // the name come before the member document loses it.
  await eraseWritings(ctx, member)
  await eraseDomainRecords(ctx, member)
  await renameEverywhere(store, member)
  await scrubAuditLog(store, member)
  if (member.erasedAt === undefined) {
    const { _id, ...fields } = erased
    await store.update(COLLECTIONS.members, member._id, fields)
  }
  await unbind(store, member._id)
  await removeAll(store, COLLECTIONS.invitations, { memberId: member._id })
  await removeAll(store, COLLECTIONS.subscribeCredits, { memberId: member._id })
  // A repeat finishes what an interrupted erasure left, and is not logged again.
  if (member.erasedAt !== undefined) return toRow(erased, 'manage', false)
  await writeAudit(ctx, {
    action: 'roster.erasePersonalData',
    targetId: member._id,
    summary: `删除已停用党员的个人信息：${input.reason}`,
    before: null,
    after: null,
  })
  return toRow(erased, 'manage', false)
}

/** Claim notes, leave reasons and 心得 blanked; their photos handed to the retention timer. */
async function eraseWritings(ctx: Pick<HandlerContext, 'store' | 'clock'>, { _id: memberId, tenantId }: MemberDoc) {
  const { store, clock } = ctx
  const photos: string[] = []
  for (const claim of await store.findAll(COLLECTIONS.pointsClaims, { memberId })) photos.push(...claim.photos)
  for (const checkin of await store.findAll(COLLECTIONS.studyCheckins, { memberId })) photos.push(...checkin.photos)
  for (const fileID of photos) await keepUntil(ctx, { fileID, tenantId, kind: 'erased-upload' }, clock.now())
  await store.updateWhere(COLLECTIONS.pointsClaims, { memberId }, { note: ERASED_TEXT, photos: [] })
  await store.updateWhere(COLLECTIONS.studyCheckins, { memberId }, { note: ERASED_TEXT, photos: [] })
  await store.updateWhere(COLLECTIONS.meetingLeaves, { memberId }, { reason: ERASED_TEXT })
}

/** Names kept beside records (who asked for leave, who granted, proposed, published, reminded) become the placeholder. */
async function renameEverywhere(store: Store, member: MemberDoc) {
  const id = member._id
  await store.updateWhere(COLLECTIONS.pointsClaims, { memberId: id }, { memberName: ERASED_NAME })
  await store.updateWhere(COLLECTIONS.pointsClaims, { proposedBy: id }, { proposedByName: ERASED_NAME })
  await store.updateWhere(COLLECTIONS.meetingLeaves, { memberId: id }, { memberName: ERASED_NAME })
  await store.updateWhere(COLLECTIONS.pointsLedger, { grantedBy: id }, { grantedByName: ERASED_NAME })
  await store.updateWhere(COLLECTIONS.studyTasks, { publishedBy: id }, { publishedByName: ERASED_NAME })
  await store.updateWhere(COLLECTIONS.bureauReminders, { by: id }, { byName: ERASED_NAME })
}

/** Entries about the member lose their snapshots; the name in any summary becomes the placeholder. */
async function scrubAuditLog(store: Store, member: MemberDoc) {
  const { _id: id, tenantId, name } = member
  await store.updateWhere(COLLECTIONS.auditLog, { tenantId, targetId: id }, { before: null, after: null })
  await store.updateWhere(COLLECTIONS.auditLog, { tenantId, actorId: id }, { actorName: ERASED_NAME })
  if (name === ERASED_NAME) return
  const mentions = await store.findAll(COLLECTIONS.auditLog, { tenantId, summary: store.regex(escapePattern(name)) })
  for (const entry of mentions) {
    await store.update(COLLECTIONS.auditLog, entry._id, { summary: entry.summary.split(name).join(ERASED_NAME) })
  }
}
