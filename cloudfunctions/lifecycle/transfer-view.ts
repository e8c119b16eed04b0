import type { TransferDoc } from '../../types/lifecycle'
import type { OrgDoc } from '../../types/roster'
import { letterExpiresOn, transferState } from '../domain/lifecycle/transfer-letter'
import { shanghaiDate } from '../domain/time'
import type { Caller } from '../runtime/caller'
import { COLLECTIONS } from '../runtime/collections'
import { DomainError } from '../runtime/domain-error'
import type { HandlerContext } from '../runtime/router'
import type { Store } from '../runtime/store'
import { loadBranch, requireAccess } from '../shared/branch-access'

/** A transfer as the pages show it: its state read from today's date (已过期 is never stored). */
export function transferRow(transfer: TransferDoc, branchName: string, now: number) {
  return {
    id: transfer._id,
    direction: transfer.direction,
    memberId: transfer.memberId,
    name: transfer.name,
    branchId: transfer.branchId,
    branchName,
    letterNo: transfer.letterNo,
    counterpart: transfer.counterpart,
    issuedOn: transfer.issuedOn,
    expiresOn: letterExpiresOn(transfer),
    state: transferState(transfer, shanghaiDate(now)),
    doneOn: transfer.doneOn,
    cancelReason: transfer.cancelReason,
  }
}

/** Branch names by id, for rows of several branches (a tenant's open transfers). */
export async function branchNames(store: Store, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)]
  if (!unique.length) return new Map()
  const orgs = await store.find(
    COLLECTIONS.orgs,
    { _id: store.command.in(unique) },
    { fields: { _id: true, name: true }, limit: unique.length },
  )
  return new Map(orgs.map((org) => [org._id, org.name]))
}

/** A transfer of the caller's tenant whose branch the caller manages (another branch's is AUTH.FORBIDDEN). */
export async function loadTransferToChange(
  store: Store,
  caller: Caller,
  transferId: string,
): Promise<{ transfer: TransferDoc; branch: OrgDoc }> {
  const transfer = await store.get(COLLECTIONS.transfers, transferId)
  if (!transfer || transfer.tenantId !== caller.member.tenantId) throw new DomainError('TRANSFER.NOT_FOUND')
  const branch = await loadBranch(store, caller, transfer.branchId)
  requireAccess(caller, branch, 'manage')
  return { transfer, branch }
}

/**
 * What a list of a lifecycle register may read: one member (whoever reads their
 * branch), one branch (whoever reads it), or — branch and member both absent —
 * the whole tenant, for bureau staff only.
 */
export async function listScope(
  { caller, store }: Pick<HandlerContext, 'caller' | 'store'>,
  input: { branchId: string | null; memberId: string | null },
): Promise<Record<string, unknown>> {
  const tenantId = caller.member.tenantId
  if (input.memberId) {
    const member = await store.get(COLLECTIONS.members, input.memberId)
    if (!member || member.tenantId !== tenantId) throw new DomainError('ROSTER.NOT_FOUND', '未找到该党员')
    if (member.branchId) requireAccess(caller, await loadBranch(store, caller, member.branchId), 'read')
    else if (!caller.roles.includes('bureau_staff')) throw new DomainError('AUTH.FORBIDDEN')
    return { tenantId, memberId: member._id }
  }
  if (input.branchId) {
    requireAccess(caller, await loadBranch(store, caller, input.branchId), 'read')
    return { tenantId, branchId: input.branchId }
  }
  if (!caller.roles.includes('bureau_staff')) throw new DomainError('AUTH.FORBIDDEN')
  return { tenantId }
}
