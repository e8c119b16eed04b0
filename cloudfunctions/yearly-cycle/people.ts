import type { MemberDoc } from '../../types/roster'
import type { BranchPeople } from '../domain/yearly-cycle/talk-coverage'
import { COLLECTIONS } from '../runtime/collections'
import type { Store } from '../runtime/store'
import { membersByIds } from '../shared/members'

/** What the yearly cycle reads of a member: who, which kind, which committee seat. */
export type Person = Pick<MemberDoc, '_id' | 'name' | 'memberType' | 'committeePosition' | 'status' | 'branchId'>

const PERSON_FIELDS = {
  _id: true,
  name: true,
  memberType: true,
  committeePosition: true,
  status: true,
  branchId: true,
} as const

/** The active members of a branch (≤ 50 in practice, read past the 1,000 cap anyway), in roster order. */
export async function branchMembers(store: Store, tenantId: string, branchId: string): Promise<Person[]> {
  const members = await store.findAll(
    COLLECTIONS.members,
    { tenantId, branchId, status: 'active' },
    { fields: PERSON_FIELDS },
  )
  return members.sort((a, b) => a._id.localeCompare(b._id))
}

/**
 * The people of the 谈心谈话 rule: the committee (every member holding a seat;
 * a branch too small to elect one has only its secretary, and deputy, seated)
 * and every active member.
 */
export function peopleOf(members: readonly Person[]): BranchPeople {
  return {
    committeeIds: members.filter((member) => member.committeePosition !== null).map((member) => member._id),
    memberIds: members.map((member) => member._id),
  }
}

export const secretaryOf = (members: readonly Person[]) =>
  members.find((member) => member.committeePosition === 'secretary') ?? null

/** Names by id, for the people a list shows (members who left keep their names on what they did). */
export async function namesOf(store: Store, ids: readonly string[]): Promise<Map<string, string>> {
  const members = await membersByIds(store, ids)
  return new Map([...members].map(([id, member]) => [id, member.name]))
}
