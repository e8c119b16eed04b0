import type { AttendanceStatus } from '../../../types/meetings'

// zod-free display names, shared by the 会议 tab and the meetings subpackage.
export { MEETING_TYPE_LABELS, meetingHeading } from '../../../types/labels'

export const ATTENDANCE_LABELS: Record<AttendanceStatus, string> = {
  present: '出席',
  late: '迟到',
  leave: '请假',
  absent: '缺席',
}

export const LEAVE_LABELS = { pending: '请假审批中', approved: '请假已批准', rejected: '请假未批准' } as const

export const meetingUrl = (id: string) => `/subpackages/meetings/pages/meeting/index?id=${id}`
export const SCHEDULE_URL = '/subpackages/meetings/pages/schedule/index'
export const BACKFILL_URL = '/subpackages/meetings/pages/backfill/index'

const pad = (n: number) => String(n).padStart(2, '0')
/** '5月12日 15:00' in the phone's zone (the app is used in China, where that is Asia/Shanghai). */
export function formatWhen(ms: number): string {
  const d = new Date(ms)
  return `${d.getMonth() + 1}月${d.getDate()}日 ${pad(d.getHours())}:${pad(d.getMinutes())}`
}

// The meetings subpackage's pages that the 会议 tab opens.
export const RECORD_BOOK_URL = (branchId: string) =>
  `/subpackages/meetings/pages/record-book/index?branchId=${branchId}`
export const ROBOT_URL = (branchId: string) => `/subpackages/meetings/pages/robot/index?branchId=${branchId}`
export const RULES_URL = '/subpackages/meetings/pages/rules/index'
