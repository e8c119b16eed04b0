import type { MeetingSummary } from '../../../../types/meetings'

/** Where a branch meeting stands for its secretary: what, if anything, it still needs. */
export type BranchMeetingState = 'cancelled' | 'upcoming' | 'running' | 'no_minutes' | 'done'

export const BRANCH_STATE_LABELS: Record<BranchMeetingState, string> = {
  cancelled: '已取消',
  upcoming: '待召开',
  running: '进行中',
  no_minutes: '待写记录',
  done: '已有记录',
}

export function branchMeetingState(
  meeting: Pick<MeetingSummary, 'status' | 'startsAt' | 'endsAt' | 'hasMinutes'>,
  now: number,
): BranchMeetingState {
  if (meeting.status === 'cancelled') return 'cancelled'
  if (now < meeting.startsAt) return 'upcoming'
  if (meeting.hasMinutes) return 'done'
  return now <= meeting.endsAt ? 'running' : 'no_minutes'
}
