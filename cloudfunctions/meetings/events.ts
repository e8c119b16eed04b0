import type { AttendanceDoc } from '../../types/meetings'
import { recordEvent } from '../runtime/domain-events'
import type { Store } from '../runtime/store'

const KIND = { present: 'meeting.present', late: 'meeting.late', absent: 'meeting.absent' } as const

/**
 * Tells the points function what happened (it pays; meetings never writes
 * points). Approved leave is excused and records nothing.
 */
export async function recordAttendanceEvent(store: Store, row: AttendanceDoc, recordedBy: string): Promise<void> {
  if (row.status === 'leave') return
  await recordEvent(store, {
    tenantId: row.tenantId,
    kind: KIND[row.status],
    memberId: row.memberId,
    sourceId: row.meetingId,
    at: row.at,
    recordedBy,
  })
}
