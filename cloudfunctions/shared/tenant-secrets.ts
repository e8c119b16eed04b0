import { COLLECTIONS, type Collection } from '../runtime/collections'
import { keyedCode, randomCode } from '../runtime/new-id'
import { DuplicateIdError, type Store } from '../runtime/store'

/** A tenant's secret (`_id` = tenantId): made on first use, never answered by any action. */
export type SecretDoc = { _id: string; secret: string }

/** The tenant's secret in `collection`, made on first use; a racing first use keeps whichever was stored first. */
export async function tenantSecret(store: Store, collection: Collection<SecretDoc>, tenantId: string): Promise<string> {
  const found = await store.get(collection, tenantId)
  if (found) return found.secret
  try {
    await store.insert(collection, { _id: tenantId, secret: randomCode(32) })
  } catch (error) {
    if (!(error instanceof DuplicateIdError)) throw error
  }
  const stored = await store.get(collection, tenantId)
  if (!stored) throw new Error(`${collection} secret vanished`)
  return stored.secret
}

/** The key imports of the tenant derive members' once-only keys from (member_keys). */
export const memberKeySecret = (store: Store, tenantId: string) =>
  tenantSecret(store, COLLECTIONS.rosterSecrets, tenantId)

/**
 * An invitation's code (the credential a card carries): random, or, for a tap the client may retry
 * (`request` names the intent: who asks, for whom, its request id), derived from it with the tenant's
 * secret — a retry lands on the invitation the first try made, and nobody can compute a code.
 */
export async function invitationCode(store: Store, tenantId: string, request: string | null): Promise<string> {
  return request ? keyedCode(await memberKeySecret(store, tenantId), `invitation\n${request}`, 16) : randomCode(16)
}
