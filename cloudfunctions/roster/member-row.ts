import type { MemberDoc, MemberRow } from '../../types/roster'
import type { BranchAccess } from '../domain/access/branch-access'
import { maskPhone } from '../domain/roster/privacy'
import { COLLECTIONS } from '../runtime/collections'
import type { Store } from '../runtime/store'

export function toRow(member: MemberDoc, access: BranchAccess, bound: boolean): MemberRow {
  return {
    id: member._id,
    name: member.name,
    branchId: member.branchId,
    groupId: member.groupId,
    memberType: member.memberType,
    probationEndsOn: member.probationEndsOn,
    joinedOn: member.joinedOn,
    committeePosition: member.committeePosition,
    phone: member.phone && access !== 'manage' ? maskPhone(member.phone) : member.phone,
    status: member.status,
    bound,
  }
}

/** Which of these members have a WeChat bound, in one read. */
export async function boundMemberIds(store: Store, memberIds: string[]): Promise<Set<string>> {
  if (memberIds.length === 0) return new Set()
  const bindings = await store.find(COLLECTIONS.bindings, {
    memberId: store.command.in(memberIds),
  })
  return new Set(bindings.map((binding) => binding.memberId))
}

/** Where each of these members is as a 流动党员 now (an open record, until = null), in one read. */
export async function floatingOf(
  store: Store,
  tenantId: string,
  memberIds: string[],
): Promise<Map<string, NonNullable<MemberRow['floating']>>> {
  if (memberIds.length === 0) return new Map()
  const open = await store.find(
    COLLECTIONS.floatingMembers,
    { tenantId, memberId: store.command.in(memberIds), until: null },
    { fields: { memberId: true, whereabouts: true, hostOrg: true } },
  )
  return new Map(open.map((row) => [row.memberId, { whereabouts: row.whereabouts, hostOrg: row.hostOrg }]))
}

/**
 * A row with its 流动党员 badge when the member is away. Only an active member is: the roster's 停用 does
 * not end an open record (the 回执 of a transfer does), and a member off the roster is nobody's 流动党员.
 */
export const withFloating = (row: MemberRow, floating: Map<string, NonNullable<MemberRow['floating']>>) => {
  const away = row.status === 'active' ? floating.get(row.id) : undefined
  return away ? { ...row, floating: away } : row
}
