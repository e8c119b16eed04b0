import type { AttendanceCounts, AttendanceStatus } from '../../../types/meetings'

/** Counts of a roll: every expected attendee is present, late, on leave, absent or not yet marked. */
export function countAttendance(
  attendeeIds: readonly string[],
  statuses: ReadonlyMap<string, AttendanceStatus>,
): AttendanceCounts {
  const counts: AttendanceCounts = {
    expected: attendeeIds.length,
    present: 0,
    late: 0,
    leave: 0,
    absent: 0,
    unmarked: 0,
  }
  for (const id of attendeeIds) {
    const status = statuses.get(id)
    if (status) counts[status]++
    else counts.unmarked++
  }
  return counts
}

/**
 * The line the minutes open with (应到/实到/迟到/请假/缺席), in the words of a
 * 记录本. Only those marked absent are 缺席: before marking closes after the
 * end, the rest are 未签到 and said so — a record never runs ahead of time.
 */
export function summaryLine(
  counts: AttendanceCounts,
  names: { leave: string[]; absent: string[] },
  guests = 0,
): string {
  const parts = [
    `应到${counts.expected}人`,
    `实到${counts.present + counts.late}人`,
    `迟到${counts.late}人`,
    `请假${counts.leave}人${names.leave.length ? `（${names.leave.join('、')}）` : ''}`,
    `缺席${counts.absent}人${names.absent.length ? `（${names.absent.join('、')}）` : ''}`,
    ...(counts.unmarked > 0 ? [`未签到${counts.unmarked}人`] : []),
    ...(guests > 0 ? [`列席${guests}人`] : []),
  ]
  return parts.join('，')
}
