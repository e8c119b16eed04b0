import type { DomainEvent } from '../../types/events'
import type { RuleCatalogue } from '../../types/points'
import type { MemberDoc } from '../../types/roster'
import type { Clock } from '../runtime/clock'
import type { Store } from '../runtime/store'
import { loadCatalogue } from './catalogue'
import { recordAward } from './ledger'

/** The ledger key of an event's award: the study function pays check-ins directly with the same key, so they pay once. */
export const eventAwardKey = (eventId: string) => `evt:${eventId}`

/**
 * Pays pending domain events (meeting attendance, study check-ins) by each
 * tenant's catalogue and marks them processed. Safe to run twice at once:
 * the ledger key derived from the event id lets one payment through, and
 * marking is a conditional write on `processedAt` still absent.
 */
export async function processPending(
  store: Store,
  clock: Clock,
  { tenantId, limit }: { tenantId?: string; limit: number },
): Promise<{ processed: number; paid: number; skipped: number }> {
  const pending: Record<string, unknown> = { processedAt: store.command.exists(false) }
  if (tenantId) pending.tenantId = tenantId
  const events = await store.find<DomainEvent>('domain_events', pending, { orderBy: [['at', 'asc']], limit })
  const catalogues = new Map<string, Promise<RuleCatalogue>>()
  const catalogueOf = (tenant: string) => {
    if (!catalogues.has(tenant)) catalogues.set(tenant, loadCatalogue(store, tenant))
    return catalogues.get(tenant) as Promise<RuleCatalogue>
  }
  let paid = 0
  let skipped = 0
  for (const event of events) {
    const catalogue = await catalogueOf(event.tenantId)
    const rule = catalogue.rules.find((candidate) => candidate.active && candidate.auto === event.kind)
    const member = await store.get<MemberDoc>('members', event.memberId)
    if (rule && member?.branchId && member.tenantId === event.tenantId) {
      const { duplicate } = await recordAward(store, {
        key: eventAwardKey(event._id),
        tenantId: event.tenantId,
        member: { _id: member._id, branchId: member.branchId },
        rule,
        requested: rule.points,
        reason: '',
        grantedBy: 'system',
        grantedByName: '系统',
        at: event.at,
        sourceEvent: event._id,
        overCap: 'cut',
      })
      if (!duplicate) paid++
    } else {
      skipped++
    }
    await store.updateWhere(
      'domain_events',
      { _id: event._id, processedAt: store.command.exists(false) },
      {
        processedAt: clock.now(),
      },
    )
  }
  return { processed: events.length, paid, skipped }
}
