import type { MemberDoc } from '../../types/roster'
import { COLLECTIONS } from '../runtime/collections'
import type { Store } from '../runtime/store'

/**
 * One WeChat per member: the member document is claimed first with a
 * conditional write (no boundAt yet → boundAt), and only its winner stores
 * the binding. Two invitations of one member accepted at once bind one WeChat.
 */
export async function claimMember(store: Store, member: MemberDoc, now: number): Promise<boolean> {
  const unbound = store.command.or([{ boundAt: null }, { boundAt: store.command.exists(false) }])
  const claimed = await store.updateWhere(
    COLLECTIONS.members,
    store.command.and([{ _id: member._id, status: 'active' }, unbound as Record<string, unknown>]) as Record<
      string,
      unknown
    >,
    { boundAt: now },
  )
  return claimed === 1
}

/** Gives a claim back when the binding could not be stored (the WeChat was bound to someone else meanwhile). */
export async function releaseMember(store: Store, memberId: string, claimedAt: number): Promise<void> {
  await store.updateWhere(COLLECTIONS.members, { _id: memberId, boundAt: claimedAt }, { boundAt: null })
}

/** Removes every WeChat bound to the member and the claim: they can no longer act as the member. */
export async function unbind(store: Store, memberId: string): Promise<number> {
  const bindings = await store.find(COLLECTIONS.bindings, { memberId })
  for (const binding of bindings) await store.remove(COLLECTIONS.bindings, binding._id)
  await store.update(COLLECTIONS.members, memberId, { boundAt: null })
  return bindings.length
}
