import type { TemplateUse } from './subscribe-templates'

/**
 * Documents of the messaging services (cloudfunctions/shared/messaging/):
 * subscribe-message credits and sends, and the WeCom robot queue. Server-side
 * only; no action answers them as they are.
 */

/** subscribe_credits: `_id` = `${memberId}:${templateId}`, the sends a member's taps allow (一次性订阅). */
export interface CreditDoc {
  _id: string
  tenantId: string
  memberId: string
  templateId: string
  credits: number
  updatedAt: number
}

/** reminder_sends: one claimed subscribe message, `_id` deterministic so a rerun sends nothing twice. */
export interface SendDoc {
  _id: string
  tenantId: string
  meetingId: string | null
  slot: string
  memberId: string
  /** What the message was for (会议提醒, 政治生日…); absent on sends recorded before uses existed. */
  use?: TemplateUse
  templateId: string
  status: 'claimed' | 'sent' | 'no credit' | 'failed'
  at: number
  error?: string
}

/** meeting_robots: `_id` = branchId, the branch group's WeCom robot webhook (a credential: never answered unmasked). */
export interface RobotDoc {
  _id: string
  tenantId: string
  url: string
  setAt: number
}

/**
 * robot_queue: one markdown message for a branch's robot, delivered at most 20 a minute with retries.
 * `sending`: claimed by a run until `nextAt` (the claim lapses then, should that run have died).
 */
export interface QueuedRobotMessage {
  _id: string
  tenantId: string
  branchId: string
  markdown: string
  status: 'pending' | 'sending' | 'sent' | 'failed'
  attempts: number
  /** When it is due: its next try, or when a claim on it lapses. */
  nextAt: number
  sentAt: number | null
  lastError: string | null
  createdAt: number
}
