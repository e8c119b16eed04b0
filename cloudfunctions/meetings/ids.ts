/** One attendance row per member and meeting: `meeting_attendance` and `meeting_leaves` key on both. */
export const attendanceId = (meetingId: string, memberId: string) => `${meetingId}:${memberId}`

/** Pages of the meetings subpackage that messages and codes open. */
export const MEETING_PAGE = 'subpackages/meetings/pages/meeting/index'
export const CHECKIN_PAGE = 'subpackages/meetings/pages/checkin/index'
