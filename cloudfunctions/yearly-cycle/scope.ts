import type { OrgDoc } from '../../types/roster'
import { branchAccess } from '../domain/access/branch-access'
import type { Caller } from '../runtime/caller'
import { DomainError } from '../runtime/domain-error'

/** The caller runs this branch's cycle: its secretary, the 总支书记 above it, bureau staff. */
export const mayManage = (caller: Caller, branch: OrgDoc) => branchAccess(caller.member, branch) === 'manage'

/** The caller is this branch's own secretary (who alone, besides the two, reads 谈心谈话 summaries). */
export const isBranchSecretary = (caller: Caller, branchId: string) =>
  caller.member.branchId === branchId && caller.member.committeePosition === 'secretary'

/** A document of the yearly cycle that belongs to the caller's tenant, or the refusal `code`. */
export async function ownTenant<T extends { tenantId: string }>(
  found: Promise<T | null>,
  caller: Caller,
  code: ConstructorParameters<typeof DomainError>[0],
): Promise<T> {
  const doc = await found
  if (!doc || doc.tenantId !== caller.member.tenantId) throw new DomainError(code)
  return doc
}
