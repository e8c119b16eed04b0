import type { MeetingDetail } from '../../../../types/meetings'

/**
 * The minutes' opening line from the roll, in the words the server writes it
 * (cloudfunctions/domain/meetings/attendance-summary.ts summaryLine; the page
 * cannot import function code, a UI test keeps the two the same):
 * 应到…实到…迟到…请假（names）…缺席（names）.
 */
export function minutesSummary(meeting: Pick<MeetingDetail, 'counts' | 'attendance'>): string {
  const { counts } = meeting
  const rows = meeting.attendance ?? []
  const leave = rows.filter((row) => row.status === 'leave').map((row) => row.name)
  const absent = rows.filter((row) => row.status === null || row.status === 'absent').map((row) => row.name)
  return [
    `应到${counts.expected}人`,
    `实到${counts.present + counts.late}人`,
    `迟到${counts.late}人`,
    `请假${counts.leave}人${leave.length ? `（${leave.join('、')}）` : ''}`,
    `缺席${counts.absent + counts.unmarked}人${absent.length ? `（${absent.join('、')}）` : ''}`,
  ].join('，')
}
