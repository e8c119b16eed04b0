import type { MeetingDetail } from '../../../../types/meetings'

/**
 * The minutes' opening line from the roll, in the words the server writes it
 * (cloudfunctions/domain/meetings/attendance-summary.ts summaryLine; the page
 * cannot import function code, a UI test keeps the two the same):
 * 应到…实到…迟到…请假（names）…缺席（names）, then 未签到 for those not yet
 * marked (never 缺席 before marking closes) and 列席 for guests.
 */
export function minutesSummary(meeting: Pick<MeetingDetail, 'counts' | 'attendance' | 'guests'>): string {
  const { counts } = meeting
  const rows = meeting.attendance ?? []
  const leave = rows.filter((row) => row.status === 'leave').map((row) => row.name)
  const absent = rows.filter((row) => row.status === 'absent').map((row) => row.name)
  const guests = meeting.guests?.length ?? 0
  return [
    `应到${counts.expected}人`,
    `实到${counts.present + counts.late}人`,
    `迟到${counts.late}人`,
    `请假${counts.leave}人${leave.length ? `（${leave.join('、')}）` : ''}`,
    `缺席${counts.absent}人${absent.length ? `（${absent.join('、')}）` : ''}`,
    ...(counts.unmarked > 0 ? [`未签到${counts.unmarked}人`] : []),
    ...(guests > 0 ? [`列席${guests}人`] : []),
  ].join('，')
}
