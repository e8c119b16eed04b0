import { Id } from './ids'
import * as z from './zod'

/**
 * Domain events one function records for another to act on — the hook by
 * which meetings (and later others) feed the points ledger without calling
 * it directly. Written to the `domain_events` collection with a deterministic
 * `_id`, so the same fact is recorded once however often it is retried.
 */
export const DOMAIN_EVENT_KINDS = [
  'meeting.present', // 按时参会
  'meeting.late', // 迟到
  'meeting.absent', // 无故缺席 (unexcused; approved leave records no event)
  'meeting.leave', // 更正为请假: a hand correction to excused, which voids what the meeting paid before
  'study.checkin', // 学习打卡
  'appraisal.voted', // 参加民主评议: recorded for every voter at the 党员大会's decision, never at the vote
  'volunteer.hours', // 志愿服务: hours credited for one activity (units = hours), once per member and activity
  'post.deed', // 党员示范岗履诺: one recorded deed under a designation
] as const
export const DomainEventKind = z.enum(DOMAIN_EVENT_KINDS)
export type DomainEventKind = z.infer<typeof DomainEventKind>

export const DomainEvent = z.object({
  /** `${kind}:${sourceId}:${memberId}` — one fact, one document. */
  _id: z.string(),
  tenantId: Id,
  kind: DomainEventKind,
  memberId: Id,
  /** The meeting, task… the fact is about. */
  sourceId: Id,
  /** When it happened (epoch ms). */
  at: z.number(),
  /** How many of the rule's unit the fact is worth (hours of volunteer service); 1 when absent. */
  units: z.number().positive().optional(),
  /** Not paid before this instant: attendance recorded before its meeting starts waits for the start. */
  payableFrom: z.number().optional(),
  /** Who recorded it (a member id), or 'system' for timers. */
  recordedBy: z.string(),
  /**
   * How often the fact was re-armed: attendance changed back to a status it
   * had before (出席 → 缺席 → 出席) makes the earlier event current again.
   */
  revision: z.number().int().optional(),
  /** Set by the consumer once acted on; absent while pending. */
  processedAt: z.number().optional(),
  /** A failed settlement: how often, why, and when it is tried again (the queue goes on meanwhile). */
  attempts: z.number().int().optional(),
  lastError: z.string().optional(),
  deferredUntil: z.number().optional(),
})
export type DomainEvent = z.infer<typeof DomainEvent>

export function domainEventId(kind: DomainEventKind, sourceId: string, memberId: string): string {
  return `${kind}:${sourceId}:${memberId}`
}
