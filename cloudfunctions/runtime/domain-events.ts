import { type DomainEvent, type DomainEventKind, domainEventId } from '../../types/events'
import { COLLECTIONS } from './collections'
import { DuplicateIdError, type Store } from './store'

/**
 * Records that something happened, once: a second record of the same fact
 * (a retried check-in, a re-marked attendance) finds the first and does
 * nothing. Consumers (the points function) pick up events without
 * `processedAt`.
 */
export async function recordEvent(
  store: Store,
  fact: {
    tenantId: string
    kind: DomainEventKind
    memberId: string
    sourceId: string
    at: number
    recordedBy: string
    payableFrom?: number
    units?: number
  },
): Promise<'recorded' | 'already recorded'> {
  const event: DomainEvent = { _id: domainEventId(fact.kind, fact.sourceId, fact.memberId), ...fact }
  try {
    await store.insert(COLLECTIONS.domainEvents, event)
    return 'recorded'
  } catch (error) {
    if (error instanceof DuplicateIdError) return 'already recorded'
    throw error
  }
}
