import type { MeetingRules } from '../../types/meetings'
import { withDefaults } from '../domain/meetings/rules'
import { randomCode } from '../runtime/new-id'
import type { HandlerContext } from '../runtime/router'
import { DuplicateIdError, type Store } from '../runtime/store'
import { RULES, SECRETS } from './collections'

export async function loadRules(store: Store, tenantId: string): Promise<MeetingRules> {
  const stored = await store.get<{ _id: string } & MeetingRules>(RULES, tenantId)
  if (!stored) return withDefaults(null)
  const { _id, ...rules } = stored
  return withDefaults(rules)
}

/** The tenant's check-in secret, made on first use; a racing first use keeps whichever was stored first. */
export async function tenantSecret(store: Store, tenantId: string): Promise<string> {
  const found = await store.get<{ _id: string; secret: string }>(SECRETS, tenantId)
  if (found) return found.secret
  try {
    await store.insert(SECRETS, { _id: tenantId, secret: randomCode(32) })
  } catch (error) {
    if (!(error instanceof DuplicateIdError)) throw error
  }
  const stored = await store.get<{ _id: string; secret: string }>(SECRETS, tenantId)
  if (!stored) throw new Error('meeting secret vanished')
  return stored.secret
}

export async function getRules(_input: object, { caller, store }: HandlerContext) {
  return loadRules(store, caller.member.tenantId)
}

export async function updateRules(input: MeetingRules, { caller, store, clock }: HandlerContext) {
  const tenantId = caller.member.tenantId
  const doc = { ...input, updatedAt: clock.now(), updatedBy: caller.member._id }
  if ((await store.update(RULES, tenantId, doc)) === 0) {
    try {
      await store.insert(RULES, { _id: tenantId, ...doc })
    } catch (error) {
      if (!(error instanceof DuplicateIdError)) throw error
      await store.update(RULES, tenantId, doc)
    }
  }
  return loadRules(store, tenantId)
}
