/**
 * 消息记录 (dev only): what the emulator's `/api/_emulator/messages` answers —
 * subscribe messages per member, robot posts and share cards per branch — and
 * what the H5 dev page shows. Nothing of it exists on CloudBase.
 */

export interface LoggedMessage {
  /** The outbox entry's number. */
  id: string
  at: number
  /** 会议提醒, 政治生日…, or the template id when no table names it. */
  use: string
  templateId: string
  page: string
  fields: { keyword: string; value: string }[]
}

export interface LoggedRobotPost {
  /** The queued message's id. */
  id: string
  at: number
  status: string
  text: string
  error: string | null
}

export interface LoggedCard {
  meetingId: string
  title: string
  activityId: string
  createdAt: number | null
  expiresAt: number | null
  updates: number
  /** The figures the card shows now (已签到 member_count / 应到 room_limit), null until the first update. */
  memberCount: string | null
  roomLimit: string | null
  updatedAt: number | null
}

export interface MessageLog {
  from: number | null
  to: number | null
  members: { memberId: string; name: string; branchName: string; messages: LoggedMessage[] }[]
  branches: { branchId: string; name: string; robotPosts: LoggedRobotPost[]; cards: LoggedCard[] }[]
}
