import type { Messaging } from '../../runtime/messaging'

/** The activity a shared card (动态消息) is bound to; WeChat keeps one 24 h. */
export interface ShareActivity {
  id: string
  expiresAt: number
}

/** Reused until 10 minutes before it lapses, so a card shared now keeps updating for a while. */
const RENEW_BEFORE_MS = 10 * 60_000

/** The activity to share a card with: the current one while it lasts, else a new one (`created` says which). */
export async function shareActivity(
  messaging: Messaging,
  openid: string,
  current: ShareActivity | null,
  now: number,
): Promise<{ activity: ShareActivity; created: boolean }> {
  if (current && current.expiresAt >= now + RENEW_BEFORE_MS) return { activity: current, created: false }
  const { activityId, expiresAt } = await messaging.createActivity(openid)
  return { activity: { id: activityId, expiresAt }, created: true }
}

/**
 * Sets the figures a shared card shows (已签到 x / 应到 y). A failure is
 * logged, never thrown: what changed the figures (a check-in) stands.
 */
export async function updateShareCard(
  messaging: Messaging,
  activity: ShareActivity | null,
  figures: { done: number; of: number },
  now: number,
): Promise<void> {
  if (!activity || activity.expiresAt <= now) return
  try {
    await messaging.updateActivity(activity.id, [
      { name: 'member_count', value: String(figures.done) },
      { name: 'room_limit', value: String(figures.of) },
    ])
  } catch (error) {
    console.error('[share card] setUpdatableMsg failed', activity.id, error)
  }
}
