import type { MeetingRules } from '../../../types/meetings'
import type { SendDoc } from '../../../types/messaging'
import { fillTemplate, isConfigured, type TemplateUse, type TemplateValues } from '../../../types/subscribe-templates'
import { COLLECTIONS } from '../../runtime/collections'
import { inParallel } from '../../runtime/in-parallel'
import type { Ports } from '../../runtime/ports'
import { after } from '../../runtime/range'
import { DuplicateIdError, type Store } from '../../runtime/store'

/**
 * 订阅消息 with credits: one-time subscriptions allow one send per acceptance
 * (a credit in `subscribe_credits`, spent by a conditional decrement), a
 * long-term one (长期订阅) stays; every send is claimed once in
 * `reminder_sends` under a deterministic id, so reruns and retries send
 * nothing twice. Each send is of one use (会议提醒, 政治生日…) and fills exactly
 * the keywords the tenant's table configures for it (types/subscribe-templates.ts);
 * a use the tenant has not configured sends nothing. Functions send through
 * sendToMembers.
 */

/** A member's credits for one template: `subscribe_credits` keys on both. */
export const creditId = (memberId: string, templateId: string) => `${memberId}:${templateId}`

type SendOutcome = 'sent' | 'no credit' | 'failed' | 'already'

interface SubscribeSend {
  /** Deterministic (meeting + member + slot…): the claim that makes a rerun send nothing twice. */
  sendId: string
  tenantId: string
  meetingId: string | null
  /** What the send is for ('24h', '1h', 'nudge-…'): reruns skip what a slot already handled. */
  slot: string
  memberId: string
  openid: string
  use: TemplateUse
  templateId: string
  page: string
  /** The template's keywords, filled and fitted (fillTemplate). */
  data: Record<string, { value: string }>
  now: number
  /** A long-term subscription (长期订阅): the acceptance stays, no credit is spent. */
  longTerm?: boolean
}

/**
 * Whether sends of a template use the member's long-term subscription
 * (长期订阅) rather than one-time credits: the tenant's category allows them
 * and its rules mark the template long-term.
 */
export function isLongTerm(
  rules: Pick<MeetingRules, 'longTermSubscriptions' | 'longTermTemplates'>,
  templateId: string,
): boolean {
  return rules.longTermSubscriptions && rules.longTermTemplates.includes(templateId)
}

/**
 * One subscribe message (订阅消息), at most once: claim the send id, spend
 * one credit (a conditional decrement, so two runs cannot spend the same
 * one), send, record the outcome. A run that dies after the claim leaves it
 * 'claimed' and never retries: a member missing one reminder is better than
 * receiving two.
 */
async function sendOnce(
  { store, messaging }: Pick<Ports, 'store' | 'messaging'>,
  send: SubscribeSend,
): Promise<SendOutcome> {
  const record: SendDoc = {
    _id: send.sendId,
    tenantId: send.tenantId,
    meetingId: send.meetingId,
    slot: send.slot,
    memberId: send.memberId,
    use: send.use,
    templateId: send.templateId,
    status: 'claimed',
    at: send.now,
  }
  try {
    await store.insert(COLLECTIONS.reminderSends, record)
  } catch (error) {
    if (error instanceof DuplicateIdError) return 'already'
    throw error
  }
  const spent = send.longTerm
    ? await store.count(COLLECTIONS.subscribeCredits, { _id: creditId(send.memberId, send.templateId) })
    : await store.updateWhere(
        COLLECTIONS.subscribeCredits,
        { _id: creditId(send.memberId, send.templateId), credits: after(store, 0) },
        { credits: store.command.inc(-1) },
      )
  if (spent === 0) {
    await store.update(COLLECTIONS.reminderSends, send.sendId, { status: 'no credit' })
    return 'no credit'
  }
  try {
    await messaging.subscribe({
      touser: send.openid,
      templateId: send.templateId,
      page: send.page,
      data: send.data,
    })
    await store.update(COLLECTIONS.reminderSends, send.sendId, { status: 'sent' })
    return 'sent'
  } catch (error) {
    // 43101: the member withdrew the subscription; the credit is gone either way.
    const message = String((error as { errMsg?: unknown }).errMsg ?? error).slice(0, 200)
    await store.update(COLLECTIONS.reminderSends, send.sendId, { status: 'failed', error: message })
    return 'failed'
  }
}

/** OPENIDs of members (the bindings' ids), for those who have bound WeChat. */
async function openidsOf(store: Store, memberIds: readonly string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>()
  for (let i = 0; i < memberIds.length; i += 500) {
    const bindings = await store.find(COLLECTIONS.bindings, {
      memberId: store.command.in(memberIds.slice(i, i + 500)),
    })
    for (const binding of bindings) found.set(binding.memberId, binding._id)
  }
  return found
}

/**
 * Members among `memberIds` with at least one credit for the template; with
 * `longTerm`, those who ever accepted it (a long-term subscription stays).
 */
async function membersWithCredit(
  store: Store,
  memberIds: readonly string[],
  templateId: string,
  longTerm = false,
): Promise<Set<string>> {
  const found = new Set<string>()
  for (let i = 0; i < memberIds.length; i += 500) {
    const ids = memberIds.slice(i, i + 500).map((memberId) => creditId(memberId, templateId))
    const credits = await store.find(COLLECTIONS.subscribeCredits, {
      _id: store.command.in(ids),
      ...(longTerm ? {} : { credits: after(store, 0) }),
    })
    for (const credit of credits) found.add(credit.memberId)
  }
  return found
}

/**
 * What one send says, besides who receives it: our values for its use, of which
 * the tenant's template takes the ones it names (sendToMembers fills in the
 * member, OPENID and template).
 */
export type MessageOf<U extends TemplateUse> = Pick<SubscribeSend, 'sendId' | 'meetingId' | 'slot' | 'page' | 'now'> & {
  values: TemplateValues<U>
}

/** Whom a batch of subscribe messages goes to, and for which use of the tenant's templates. */
export interface Recipients<T, U extends TemplateUse> {
  tenantId: string
  rules: Pick<MeetingRules, 'templates' | 'longTermSubscriptions' | 'longTermTemplates'>
  use: U
  members: readonly T[]
  memberIdOf(recipient: T): string
  /** At most this many sends in flight: CloudBase answers in parallel, one at a time is too slow. */
  width: number
  /** Wall-clock time (Date.now()) after which no send starts: the answer says the run was cut. */
  deadline?: number
}

/**
 * One subscribe message to each recipient who holds a credit for the use's
 * template (with a long-term subscription: ever accepted it) and has bound
 * WeChat, each at most once (sendOnce); `compose` says what, or null to
 * skip one. Answers how many went out, whether the deadline cut the run, and
 * whether the tenant has configured the use at all (if not, nothing is sent).
 */
export async function sendToMembers<T, U extends TemplateUse>(
  ports: Pick<Ports, 'store' | 'messaging'>,
  recipients: Recipients<T, U>,
  compose: (recipient: T) => MessageOf<U> | null,
): Promise<{ sent: number; cut: boolean; configured: boolean }> {
  const { tenantId, use, memberIdOf } = recipients
  const template = recipients.rules.templates[use]
  if (!isConfigured(template)) return { sent: 0, cut: false, configured: false }
  const { templateId } = template
  const longTerm = isLongTerm(recipients.rules, templateId)
  const ids = recipients.members.map(memberIdOf)
  const withCredit = await membersWithCredit(ports.store, ids, templateId, longTerm)
  const openids = await openidsOf(ports.store, [...withCredit])
  let sent = 0
  let cut = false
  const reachable = recipients.members.filter((recipient) => withCredit.has(memberIdOf(recipient)))
  await inParallel(reachable, recipients.width, async (recipient) => {
    if (recipients.deadline !== undefined && Date.now() > recipients.deadline) {
      cut = true
      return
    }
    const memberId = memberIdOf(recipient)
    const openid = openids.get(memberId)
    const message = openid ? compose(recipient) : null
    if (!openid || !message) return
    const { values, ...rest } = message
    const data = fillTemplate(use, template, values)
    try {
      const outcome = await sendOnce(ports, { ...rest, tenantId, memberId, openid, use, templateId, data, longTerm })
      if (outcome === 'sent') sent++
    } catch (error) {
      // The store failed around one send: it stays claimed (never sent twice); the others go on.
      console.error(`[subscribe] ${message.sendId}`, error)
    }
  })
  return { sent, cut, configured: true }
}
