const ROOT = '/subpackages/meetings/pages'

export const rollUrl = (meetingId: string) => `${ROOT}/roll/index?id=${meetingId}`
export const leavesUrl = (meetingId: string) => `${ROOT}/leaves/index?id=${meetingId}`
export const minutesUrl = (meetingId: string) => `${ROOT}/minutes/index?id=${meetingId}`
export const meetingUrl = (meetingId: string) => `${ROOT}/meeting/index?id=${meetingId}`
export const editUrl = (meetingId: string) => `${ROOT}/schedule/index?id=${meetingId}`
export const BACKFILL_URL = `${ROOT}/backfill/index`
