import { COLLECTIONS } from '../runtime/collections'
import { newId } from '../runtime/new-id'
import type { HandlerContext } from '../runtime/router'
import { DuplicateIdError } from '../runtime/store'

/**
 * The member id a once-only key stands for (member_keys): the one recorded under it, or a new random id
 * recorded now. Racing or repeated calls with one key answer one id — how an import re-run finds the members
 * it made, and how 隐私整改 keeps the new id it chose for an old one.
 */
export async function memberIdForKey(
  { store, clock, caller }: Pick<HandlerContext, 'store' | 'clock' | 'caller'>,
  keyId: string,
): Promise<string> {
  const known = await store.get(COLLECTIONS.memberKeys, keyId)
  if (known) return known.memberId
  const memberId = newId('m')
  try {
    await store.insert(COLLECTIONS.memberKeys, {
      _id: keyId,
      tenantId: caller.member.tenantId,
      memberId,
      createdAt: clock.now(),
    })
    return memberId
  } catch (error) {
    if (!(error instanceof DuplicateIdError)) throw error
    const stored = await store.get(COLLECTIONS.memberKeys, keyId)
    if (!stored) throw error
    return stored.memberId
  }
}
