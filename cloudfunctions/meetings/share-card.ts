import type { api } from '../../types/api'
import type { MeetingDoc } from '../../types/meetings'
import { COLLECTIONS } from '../runtime/collections'
import type { Ports } from '../runtime/ports'
import type { Handler } from '../runtime/router'
import { shareActivity, updateShareCard } from '../shared/messaging/share-card'
import { loadMeeting, requireLive } from './meeting-access'
import { countsOf } from './views'

/** 动态消息: the activity a shared card is bound to; WeChat keeps it 24 h, so it is reused until near its end. */
export const shareCard: Handler<typeof api.meetings.shareCard> = async (input, { caller, store, clock, messaging }) => {
  const { meeting } = await loadMeeting(store, caller, input.meetingId)
  requireLive(meeting)
  const { activity, created } = await shareActivity(messaging, caller.openid, meeting.activity, clock.now())
  if (created) await store.update(COLLECTIONS.meetings, meeting._id, { activity })
  return { activityId: activity.id, expiresAt: activity.expiresAt, counts: await countsOf(store, meeting) }
}

/** After a check-in: the shared card shows 已签到 x / 应到 y. A failure here must not undo the check-in. */
export async function refreshShareCard(
  { store, messaging }: Pick<Ports, 'store' | 'messaging'>,
  meeting: MeetingDoc,
  now: number,
): Promise<void> {
  if (!meeting.activity || meeting.activity.expiresAt <= now) return
  const counts = await countsOf(store, meeting).catch((error: unknown) => {
    console.error('[meetings] share card counts failed', meeting._id, error)
    return null
  })
  if (counts)
    await updateShareCard(messaging, meeting.activity, { done: counts.present + counts.late, of: counts.expected }, now)
}
