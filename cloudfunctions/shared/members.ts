import type { MemberDoc } from '../../types/roster'
import { COLLECTIONS } from '../runtime/collections'
import type { Store } from '../runtime/store'

/** Members by id, in reads of 500 (the `_.in` list a CloudBase query takes comfortably). */
export async function membersByIds(store: Store, ids: readonly string[]): Promise<Map<string, MemberDoc>> {
  const unique = [...new Set(ids)]
  const found: MemberDoc[] = []
  for (let i = 0; i < unique.length; i += 500) {
    found.push(...(await store.find(COLLECTIONS.members, { _id: store.command.in(unique.slice(i, i + 500)) })))
  }
  return new Map(found.map((member) => [member._id, member]))
}
