import type { api } from '../../types/api'
import { COLLECTIONS } from '../runtime/collections'
import { randomCode } from '../runtime/new-id'
import type { Handler } from '../runtime/router'
import { DuplicateIdError, type Store } from '../runtime/store'
import { loadRules } from '../shared/meeting-rules'

/** The tenant's check-in secret, made on first use; a racing first use keeps whichever was stored first. */
export async function tenantSecret(store: Store, tenantId: string): Promise<string> {
  const found = await store.get(COLLECTIONS.meetingSecrets, tenantId)
  if (found) return found.secret
  try {
    await store.insert(COLLECTIONS.meetingSecrets, { _id: tenantId, secret: randomCode(32) })
  } catch (error) {
    if (!(error instanceof DuplicateIdError)) throw error
  }
  const stored = await store.get(COLLECTIONS.meetingSecrets, tenantId)
  if (!stored) throw new Error('meeting secret vanished')
  return stored.secret
}

export const getRules: Handler<typeof api.meetings.getRules> = async (_input, { caller, store }) => {
  return loadRules(store, caller.member.tenantId)
}

export const updateRules: Handler<typeof api.meetings.updateRules> = async (input, { caller, store, clock }) => {
  const tenantId = caller.member.tenantId
  const doc = { ...input, updatedAt: clock.now(), updatedBy: caller.member._id }
  // The table replaces what was stored whole: a rule set saved before it held a bare id per use, which a
  // key-by-key merge could not turn into an entry.
  const patch = { ...doc, templates: store.command.set(input.templates) }
  if ((await store.update(COLLECTIONS.meetingRules, tenantId, patch)) === 0) {
    try {
      await store.insert(COLLECTIONS.meetingRules, { _id: tenantId, ...doc })
    } catch (error) {
      if (!(error instanceof DuplicateIdError)) throw error
      await store.update(COLLECTIONS.meetingRules, tenantId, patch)
    }
  }
  return loadRules(store, tenantId)
}
