import type { api } from '../../types/api'
import { configuredId, TEMPLATE_USES } from '../../types/subscribe-templates'
import { COLLECTIONS } from '../runtime/collections'
import { DomainError } from '../runtime/domain-error'
import type { Handler } from '../runtime/router'
import { DuplicateIdError } from '../runtime/store'
import { loadRules } from '../shared/meeting-rules'
import { creditId, isLongTerm } from '../shared/messaging/subscribe-send'

/**
 * 订阅: each template the member accepted in one tap is one send credit (一次性订阅).
 * Only the tenant's configured templates count: a credit for any other id
 * could never be spent, and the call would claim an acceptance WeChat never asked for.
 */
export const subscribe: Handler<typeof api.meetings.subscribe> = async (input, { caller, store, clock }) => {
  const member = caller.member
  const rules = await loadRules(store, member.tenantId)
  const known = new Set(TEMPLATE_USES.map((use) => configuredId(rules.templates[use])))
  if (input.templateIds.some((templateId) => !known.has(templateId))) throw new DomainError('REMINDER.UNKNOWN_TEMPLATE')
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

/**
 * 退订: the member's acceptances of these templates are forgotten, so no send
 * (one-time or long-term, which counts any acceptance) reaches them under it.
 */
export const unsubscribe: Handler<typeof api.meetings.unsubscribe> = async (input, { caller, store }) => {
  let withdrawn = 0
  for (const templateId of new Set(input.templateIds)) {
    withdrawn += await store.remove(COLLECTIONS.subscribeCredits, creditId(caller.member._id, templateId))
  }
  return { withdrawn }
}

/** 我的 → 消息订阅: per use, the tenant's template and what the caller's acceptances still pay for. */
export const mySubscriptions: Handler<typeof api.meetings.mySubscriptions> = async (_input, { caller, store }) => {
  const rules = await loadRules(store, caller.member.tenantId)
  const ids = TEMPLATE_USES.map((use) => configuredId(rules.templates[use]))
  const held = await store.find(COLLECTIONS.subscribeCredits, {
    _id: store.command.in(ids.filter((id): id is string => id !== null).map((id) => creditId(caller.member._id, id))),
  })
  const creditsOf = new Map(held.map((credit) => [credit.templateId, credit.credits]))
  return {
    items: TEMPLATE_USES.map((use, index) => {
      const templateId = ids[index]
      const longTerm = templateId !== null && isLongTerm(rules, templateId)
      const held = templateId === null ? undefined : creditsOf.get(templateId)
      // A long-term acceptance stays however many sends it paid for: it shows as 1 while held.
      const credits = held === undefined ? 0 : longTerm ? 1 : held
      return { use, templateId, credits, longTerm }
    }),
  }
}
