import { summaryLine } from '../../../../cloudfunctions/domain/meetings/attendance-summary'
import type { MeetingDetail } from '../../../../types/meetings'

/**
 * The minutes' opening line from the roll, exactly as the server writes it
 * (the same pure rule): 应到…实到…迟到…请假（names）…缺席（names）.
 */
export function minutesSummary(meeting: Pick<MeetingDetail, 'counts' | 'attendance'>): string {
  const rows = meeting.attendance ?? []
  return summaryLine(meeting.counts, {
    leave: rows.filter((row) => row.status === 'leave').map((row) => row.name),
    absent: rows.filter((row) => row.status === null || row.status === 'absent').map((row) => row.name),
  })
}
