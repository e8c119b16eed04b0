import type { api } from '../../types/api'
import { COLLECTIONS } from '../runtime/collections'
import type { Handler } from '../runtime/router'
import { DuplicateIdError } from '../runtime/store'
import { creditId } from '../shared/messaging/subscribe-send'

/** 订阅: each template the member accepted in one tap is one send credit (一次性订阅). */
export const subscribe: Handler<typeof api.meetings.subscribe> = async (input, { caller, store, clock }) => {
  const member = caller.member
  const credits: Record<string, number> = {}
  for (const templateId of [...new Set(input.templateIds)]) {
    const id = creditId(member._id, templateId)
    const now = clock.now()
    if (
      (await store.update(COLLECTIONS.subscribeCredits, id, { credits: store.command.inc(1), updatedAt: now })) === 0
    ) {
      try {
        await store.insert(COLLECTIONS.subscribeCredits, {
          _id: id,
          tenantId: member.tenantId,
          memberId: member._id,
          templateId,
          credits: 1,
          updatedAt: now,
        })
      } catch (error) {
        if (!(error instanceof DuplicateIdError)) throw error
        await store.update(COLLECTIONS.subscribeCredits, id, { credits: store.command.inc(1), updatedAt: now })
      }
    }
    const doc = await store.get(COLLECTIONS.subscribeCredits, id)
    credits[templateId] = doc?.credits ?? 0
  }
  return { credits }
}
