const ROOT = '/subpackages/meetings/pages'

export const rollUrl = (meetingId: string) => `${ROOT}/roll/index?id=${meetingId}`
export const leavesUrl = (meetingId: string) => `${ROOT}/leaves/index?id=${meetingId}`
export const minutesUrl = (meetingId: string) => `${ROOT}/minutes/index?id=${meetingId}`
