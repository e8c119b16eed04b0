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
