import { domainEventId } from '../../types/events'
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

/** A roll row's points fact still to record: written with the row, cleared once recorded. */
export type PendingEvent = NonNullable<AttendanceDoc['pendingEvent']>

/**
 * Tells the points function what happened (it pays; meetings never writes
 * points). The latest attendance fact of a (meeting, member) supersedes the
 * earlier ones there. Approved leave is excused and records nothing, except
 * as a hand correction, which must void what was paid before. The fact is
 * dated when it happened and payable from `pending.payableFrom`, the
 * meeting's start: attendance points are paid once the meeting has started.
 *
 * A correction back to a status the member had before finds that fact
 * already recorded: it is re-armed in one write (a new revision, dated now,
 * pending again) so the points function settles the pair again — no delete
 * and re-insert for a crash to fall between.
 */
export async function recordAttendanceEvent(
  store: Store,
  row: Pick<AttendanceDoc, 'tenantId' | 'meetingId' | 'memberId' | 'status' | 'recordedBy'>,
  pending: PendingEvent,
): Promise<void> {
  if (row.status === 'leave' && !pending.correction) return
  const fact = {
    tenantId: row.tenantId,
    kind: KIND[row.status],
    memberId: row.memberId,
    sourceId: row.meetingId,
    at: pending.at,
    recordedBy: row.recordedBy,
    payableFrom: pending.payableFrom,
  }
  if ((await recordEvent(store, fact)) === 'recorded' || !pending.correction) return
  const id = domainEventId(fact.kind, fact.sourceId, fact.memberId)
  await store.update(COLLECTIONS.domainEvents, id, {
    at: fact.at,
    payableFrom: fact.payableFrom,
    recordedBy: fact.recordedBy,
    revision: store.command.inc(1),
    processedAt: store.command.remove(),
  })
}

/**
 * Records a row's pending fact and clears it. The row and its pending fact
 * were written in one document write, so a crash anywhere leaves either
 * nothing or a row still marked pending, which the next reminder run
 * settles (settlePendingRows): no attendance is ever left without its fact.
 */
export async function settleRow(store: Store, row: AttendanceDoc & { pendingEvent: PendingEvent }): Promise<void> {
  await recordAttendanceEvent(store, row, row.pendingEvent)
  await store.updateWhere(
    COLLECTIONS.meetingAttendance,
    { _id: row._id, 'pendingEvent.at': row.pendingEvent.at, status: row.status },
    { pendingEvent: store.command.remove() },
  )
}

/**
 * Inserts a roll row with its pending fact, then settles it. Answers false
 * (writing nothing) when the member already has a row: a check-in, a hand
 * mark or an absence recorded first stands.
 */
export async function insertRow(store: Store, row: AttendanceDoc & { pendingEvent: PendingEvent }): Promise<boolean> {
  try {
    await store.insert(COLLECTIONS.meetingAttendance, row)
  } catch (error) {
    if (error instanceof DuplicateIdError) return false
    throw error
  }
  await settleRow(store, row)
  return true
}

/** The reminder run's repair: rows whose fact a crash left unrecorded, oldest first, until the deadline. */
export async function settlePendingRows(store: Store, deadline: number): Promise<number> {
  const rows = await store.find(
    COLLECTIONS.meetingAttendance,
    { pendingEvent: store.command.exists(true) },
    { orderBy: [['pendingEvent.at', 'asc']], limit: 200 },
  )
  let settled = 0
  for (const row of rows) {
    if (Date.now() > deadline) break
    if (row.pendingEvent) {
      await settleRow(store, { ...row, pendingEvent: row.pendingEvent })
      settled++
    }
  }
  return settled
}
