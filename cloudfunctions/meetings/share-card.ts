import type { MeetingDoc } from '../../types/meetings'
import { sdk } from '../runtime/cloud'
import { COLLECTIONS } from '../runtime/collections'
import type { HandlerContext } from '../runtime/router'
import type { Store } from '../runtime/store'
import { loadMeeting, requireLive } from './meeting-access'
import { countsOf } from './views'

/** 动态消息: the activity a shared card is bound to; WeChat keeps it 24 h, so it is reused until near its end. */
export async function shareCard(input: { meetingId: string }, { caller, store, clock }: HandlerContext) {
  const { meeting } = await loadMeeting(store, caller, input.meetingId)
  requireLive(meeting)
  const now = clock.now()
  let activity = meeting.activity
  if (!activity || activity.expiresAt < now + 10 * 60_000) {
    const res = (await sdk().openapi.updatableMessage.createActivityId({ openid: caller.openid })) as {
      activityId: string
      expirationTime: number
    }
    activity = { id: res.activityId, expiresAt: res.expirationTime * 1000 }
    await store.update(COLLECTIONS.meetings, meeting._id, { activity })
  }
  return { activityId: activity.id, expiresAt: activity.expiresAt, counts: await countsOf(store, meeting) }
}

/** After a check-in: the shared card shows 已签到 x / 应到 y. A failure here must not undo the check-in. */
export async function refreshShareCard(store: Store, meeting: MeetingDoc, now: number): Promise<void> {
  if (!meeting.activity || meeting.activity.expiresAt <= now) return
  try {
    const counts = await countsOf(store, meeting)
    await sdk().openapi.updatableMessage.setUpdatableMsg({
      activityId: meeting.activity.id,
      targetState: 0,
      templateInfo: {
        parameterList: [
          { name: 'member_count', value: String(counts.present + counts.late) },
          { name: 'room_limit', value: String(counts.expected) },
        ],
      },
    })
  } catch (error) {
    console.error('[meetings] setUpdatableMsg failed', meeting._id, error)
  }
}
