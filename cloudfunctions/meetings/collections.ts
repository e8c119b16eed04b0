/** The meetings function's collections (database/collections.json lists their indexes). */
export const MEETINGS = 'meetings'
export const ATTENDANCE = 'meeting_attendance'
export const LEAVES = 'meeting_leaves'
export const RULES = 'meeting_rules'
/** Per-tenant HMAC secrets of the check-in codes; no action ever returns them. */
export const SECRETS = 'meeting_secrets'
export const CREDITS = 'subscribe_credits'
export const SENDS = 'reminder_sends'
export const ROBOTS = 'meeting_robots'
export const ROBOT_QUEUE = 'robot_queue'
/** Per branch and year, the meetings as the compliance rule reads them (types/meeting-digest.ts). */
export const DIGESTS = 'meeting_digests'

export const attendanceId = (meetingId: string, memberId: string) => `${meetingId}:${memberId}`
export const creditId = (memberId: string, templateId: string) => `${memberId}:${templateId}`

/** Pages of the meetings subpackage that messages and codes open. */
export const MEETING_PAGE = 'subpackages/meetings/pages/meeting/index'
export const CHECKIN_PAGE = 'subpackages/meetings/pages/checkin/index'
