import type { AttendanceStatus } from '../../types/meetings'

// Display names of 三会一课 values, shared by the 会议 tab and the meetings and bureau subpackages.
export { MEETING_TYPE_LABELS, meetingHeading } from '../../types/labels'

export const ATTENDANCE_LABELS: Record<AttendanceStatus, string> = {
  present: '出席',
  late: '迟到',
  leave: '请假',
  absent: '缺席',
}

export const LEAVE_LABELS = { pending: '请假审批中', approved: '请假已批准', rejected: '请假未批准' } as const
