import { type DomainEvent, domainEventId } from '../../types/events'
import type { AttendanceDoc } from '../../types/meetings'
import { COLLECTIONS } from '../runtime/collections'
import { recordEvent } from '../runtime/domain-events'
import { DuplicateIdError, type Store } from '../runtime/store'

const KIND = {
  present: 'meeting.present',
  late: 'meeting.late',
  absent: 'meeting.absent',
  leave: 'meeting.leave',
} as const

/**
 * Tells the points function what happened (it pays; meetings never writes
 * points). The latest attendance fact of a (meeting, member) supersedes the
 * earlier ones there. Approved leave is excused and records nothing, except
 * as a hand correction (`correction`), which must void what was paid before.
 *
 * A correction back to a status the member had before finds that fact
 * already recorded: it is re-armed (a new revision, dated now) so the points
 * function settles the pair again.
 */
export async function recordAttendanceEvent(
  store: Store,
  row: AttendanceDoc,
  recordedBy: string,
  correction = false,
): Promise<void> {
  if (row.status === 'leave' && !correction) return
  const fact = {
    tenantId: row.tenantId,
    kind: KIND[row.status],
    memberId: row.memberId,
    sourceId: row.meetingId,
    at: row.at,
    recordedBy,
  }
  if ((await recordEvent(store, fact)) === 'recorded' || !correction) return
  const id = domainEventId(fact.kind, fact.sourceId, fact.memberId)
  const earlier = await store.get(COLLECTIONS.domainEvents, id)
  const rearmed: DomainEvent = { ...fact, _id: id, revision: (earlier?.revision ?? 0) + 1 }
  await store.remove(COLLECTIONS.domainEvents, id)
  try {
    await store.insert(COLLECTIONS.domainEvents, rearmed)
  } catch (error) {
    // A concurrent correction re-armed it first: one pending revision is enough.
    if (!(error instanceof DuplicateIdError)) throw error
  }
}
