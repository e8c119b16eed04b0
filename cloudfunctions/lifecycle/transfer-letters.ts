import type { api } from '../../types/api'
import type { TransferDoc } from '../../types/lifecycle'
import { completionRefusal } from '../domain/lifecycle/transfer-letter'
import { shanghaiDate } from '../domain/time'
import type { Caller } from '../runtime/caller'
import { COLLECTIONS } from '../runtime/collections'
import { DomainError } from '../runtime/domain-error'
import type { Handler, HandlerContext } from '../runtime/router'
import { DuplicateIdError, type Store } from '../runtime/store'
import { writeAudit } from '../shared/audit'
import { loadBranch, loadMemberToChange, requireAccess } from '../shared/branch-access'
import { duesFollowMembership } from '../shared/dues-ledger'
import { createMember, leaveRoster, type NewMember } from '../shared/members'
import { loadTransferToChange, transferRow } from './transfer-view'

/** The roster member a 转入's 报到 creates: one per transfer, so a retried 报到 creates it once. */
export const incomingMemberIdOf = (transfer: Pick<TransferDoc, '_id'>) => `tr-${transfer._id}`

/**
 * A retried create (the same request id) answers what the first call wrote;
 * another caller's request id is refused rather than shown.
 */
async function earlier(store: Store, caller: Caller, requestId: string): Promise<TransferDoc | null> {
  const existing = await store.get(COLLECTIONS.transfers, requestId)
  if (!existing) return null
  if (existing.tenantId !== caller.member.tenantId || existing.createdBy !== caller.member._id) {
    throw new DomainError('TRANSFER.NOT_FOUND')
  }
  return existing
}

async function insertTransfer(ctx: HandlerContext, transfer: TransferDoc, summary: string): Promise<void> {
  try {
    await ctx.store.insert(COLLECTIONS.transfers, transfer)
  } catch (error) {
    if (error instanceof DuplicateIdError) throw new DomainError('TRANSFER.NOT_FOUND')
    throw error
  }
  await writeAudit(ctx, {
    action: transfer.direction === 'out' ? 'lifecycle.issueTransferLetter' : 'lifecycle.registerIncomingTransfer',
    targetId: transfer._id,
    summary,
    before: null,
    after: transfer,
  })
}

/** 开具介绍信 (转出 out of the county): the member stays active on the roster until the 回执 comes back. */
export const issueTransferLetter: Handler<typeof api.lifecycle.issueTransferLetter> = async (input, ctx) => {
  const { caller, store, clock } = ctx
  const { member, branch } = await loadMemberToChange(store, caller, input.memberId)
  const again = await earlier(store, caller, input.requestId)
  if (again) return transferRow(again, branch.name, clock.now())
  if (member.status !== 'active') throw new DomainError('ROSTER.INACTIVE')
  const now = clock.now()
  if (input.issuedOn > shanghaiDate(now)) throw new DomainError('DATE.IN_FUTURE')
  const open = await store.find(
    COLLECTIONS.transfers,
    { tenantId: member.tenantId, memberId: member._id, status: 'open' },
    { limit: 1 },
  )
  if (open.length) throw new DomainError('TRANSFER.OPEN')
  const transfer: TransferDoc = {
    _id: input.requestId,
    tenantId: member.tenantId,
    direction: 'out',
    memberId: member._id,
    name: member.name,
    branchId: branch._id,
    letterNo: input.letterNo,
    counterpart: input.destination,
    issuedOn: input.issuedOn,
    validDays: input.validDays,
    status: 'open',
    incoming: null,
    doneOn: null,
    cancelReason: null,
    createdBy: caller.member._id,
    createdAt: now,
    updatedAt: now,
  }
  await insertTransfer(
    ctx,
    transfer,
    `为 ${member.name} 开具组织关系介绍信 ${input.letterNo}，转往 ${input.destination}`,
  )
  return transferRow(transfer, branch.name, now)
}

/** 登记转入: a person named on a letter from elsewhere, pending (not on the roster) until they 报到. */
export const registerIncomingTransfer: Handler<typeof api.lifecycle.registerIncomingTransfer> = async (input, ctx) => {
  const { caller, store, clock } = ctx
  const branch = await loadBranch(store, caller, input.branchId)
  requireAccess(caller, branch, 'manage')
  const again = await earlier(store, caller, input.requestId)
  if (again) return transferRow(again, branch.name, clock.now())
  const now = clock.now()
  const today = shanghaiDate(now)
  if (input.issuedOn > today || (input.joinedOn !== null && input.joinedOn > today)) {
    throw new DomainError('DATE.IN_FUTURE')
  }
  const transfer: TransferDoc = {
    _id: input.requestId,
    tenantId: caller.member.tenantId,
    direction: 'in',
    memberId: null,
    name: input.name,
    branchId: branch._id,
    letterNo: input.letterNo,
    counterpart: input.origin,
    issuedOn: input.issuedOn,
    validDays: input.validDays,
    status: 'open',
    incoming: { memberType: input.memberType, joinedOn: input.joinedOn, probationEndsOn: input.probationEndsOn },
    doneOn: null,
    cancelReason: null,
    createdBy: caller.member._id,
    createdAt: now,
    updatedAt: now,
  }
  await insertTransfer(ctx, transfer, `登记 ${input.name} 由 ${input.origin} 转入 ${branch.name}（待报到）`)
  return transferRow(transfer, branch.name, now)
}

/**
 * 回执 (转出): the member leaves the roster with the reason 转出 and the
 * destination, kept in their history; an open 流动党员 record ends that day.
 * 报到 (转入, within the letter's validity): the member joins the branch's
 * roster with the letter's type and dates, ready to be invited to bind WeChat.
 * The same call repeated (a lost reply) answers the done transfer.
 */
export const completeTransfer: Handler<typeof api.lifecycle.completeTransfer> = async (input, ctx) => {
  const { caller, store, clock } = ctx
  const { transfer, branch } = await loadTransferToChange(store, caller, input.transferId)
  const now = clock.now()
  if (transfer.status === 'done' && transfer.doneOn === input.on) return transferRow(transfer, branch.name, now)
  const refusal = completionRefusal(transfer, input.on, shanghaiDate(now))
  if (refusal === 'DATE.BEFORE_PREVIOUS') {
    throw new DomainError(
      refusal,
      transfer.direction === 'out' ? '回执日期不能早于介绍信开具日期' : '报到日期不能早于介绍信开具日期',
    )
  }
  if (refusal) throw new DomainError(refusal)

  let memberId = transfer.memberId
  if (transfer.direction === 'out') await leaveOut(ctx, transfer, input.on)
  else memberId = await arriveIn(ctx, transfer, branch._id, input.on)

  const done = { status: 'done' as const, doneOn: input.on, memberId, updatedAt: now }
  await store.update(COLLECTIONS.transfers, transfer._id, done)
  await writeAudit(ctx, {
    action: 'lifecycle.completeTransfer',
    targetId: transfer._id,
    summary:
      transfer.direction === 'out'
        ? `${transfer.name} 的组织关系介绍信 ${transfer.letterNo} 回执已收到（${input.on}），转出 ${transfer.counterpart}`
        : `${transfer.name} 已到 ${branch.name} 报到（${input.on}），列入名册`,
    before: { status: transfer.status },
    after: done,
  })
  return transferRow({ ...transfer, ...done }, branch.name, now)
}

async function leaveOut(ctx: HandlerContext, transfer: TransferDoc, on: string): Promise<void> {
  const member = transfer.memberId ? await ctx.store.get(COLLECTIONS.members, transfer.memberId) : null
  if (!member) throw new DomainError('ROSTER.NOT_FOUND', '未找到该党员')
  // Left the roster another way since the letter (停用): the letter can only be withdrawn now.
  if (member.status !== 'active') throw new DomainError('ROSTER.INACTIVE')
  const updated = await leaveRoster(ctx, member, {
    kind: 'transfer_out',
    reason: `转往 ${transfer.counterpart}（介绍信 ${transfer.letterNo}，${on} 回执）`,
    // Dues are owed through the 回执's month, whenever the secretary enters it.
    on,
  })
  await writeAudit(ctx, {
    action: 'roster.deactivateMember',
    targetId: member._id,
    summary: `${member.name} 组织关系转出至 ${transfer.counterpart}`,
    before: member,
    after: updated,
  })
  const floating = await ctx.store.find(
    COLLECTIONS.floatingMembers,
    { tenantId: member.tenantId, memberId: member._id, until: null },
    { limit: 1 },
  )
  for (const record of floating) await ctx.store.update(COLLECTIONS.floatingMembers, record._id, { until: on })
}

async function arriveIn(ctx: HandlerContext, transfer: TransferDoc, branchId: string, on: string): Promise<string> {
  const memberId = incomingMemberIdOf(transfer)
  const incoming = transfer.incoming ?? { memberType: 'formal', joinedOn: null, probationEndsOn: null }
  const fields: NewMember = {
    name: transfer.name,
    branchId,
    groupId: null,
    committeePosition: null,
    phone: null,
    memberType: incoming.memberType,
    joinedOn: incoming.joinedOn,
    probationEndsOn: incoming.probationEndsOn,
  }
  const member = await createMember(
    ctx,
    memberId,
    fields,
    `${transfer.name} 由 ${transfer.counterpart} 转入，报到后列入名册`,
    {
      kind: 'transfer_in',
      reason: `由 ${transfer.counterpart} 转入（介绍信 ${transfer.letterNo}）`,
      // Dues here are owed from the 报到's month (before it, to the organisation they came from).
      on,
    },
  )
  // The branch's figures count them from that month at once (null: a retry, the first call did it).
  if (member) await duesFollowMembership(ctx, member, [branchId])
  return memberId
}

/** 撤销: an open letter not used (withdrawn, or expired and not to be used), kept with the reason. */
export const cancelTransfer: Handler<typeof api.lifecycle.cancelTransfer> = async (input, ctx) => {
  const { caller, store, clock } = ctx
  const { transfer, branch } = await loadTransferToChange(store, caller, input.transferId)
  const now = clock.now()
  if (transfer.status === 'cancelled' && transfer.cancelReason === input.reason) {
    return transferRow(transfer, branch.name, now)
  }
  if (transfer.status !== 'open') throw new DomainError('TRANSFER.DONE')
  const cancelled = { status: 'cancelled' as const, cancelReason: input.reason, updatedAt: now }
  await store.update(COLLECTIONS.transfers, transfer._id, cancelled)
  await writeAudit(ctx, {
    action: 'lifecycle.cancelTransfer',
    targetId: transfer._id,
    summary: `撤销 ${transfer.name} 的组织关系转接（介绍信 ${transfer.letterNo}）：${input.reason}`,
    before: { status: transfer.status },
    after: cancelled,
  })
  return transferRow({ ...transfer, ...cancelled }, branch.name, now)
}
