import type { MeetingDoc, MeetingType } from '../../types/meetings'
import { COLLECTIONS } from '../runtime/collections'
import type { Store } from '../runtime/store'

/** A meeting's own type and those it also counts as (合并召开, where the meetings domain records them). */
type Typed = Pick<MeetingDoc, 'type'> & { alsoCounts?: readonly MeetingType[] }

/** Whether a meeting counts as a type: its own, or one it is also held as (民主评议 within 组织生活会). */
export const countsAs = (meeting: Typed, type: MeetingType) =>
  meeting.type === type || (meeting.alsoCounts ?? []).includes(type)

/**
 * Which of a tenant's meetings were held, "held means held" as the bureau
 * reads it: not cancelled, started, minutes written and at least one member
 * marked 出席 or 迟到. For other domains that link to a meeting (the yearly
 * cycle's 组织生活会): two reads for any number of meetings, never the meetings
 * function.
 */
export async function heldMeetings(
  store: Store,
  tenantId: string,
  meetingIds: readonly string[],
  now: number,
): Promise<Set<string>> {
  const unique = [...new Set(meetingIds)]
  const withMinutes: string[] = []
  for (let i = 0; i < unique.length; i += 500) {
    const found = await store.find(
      COLLECTIONS.meetings,
      {
        tenantId,
        _id: store.command.in(unique.slice(i, i + 500)),
        status: 'scheduled',
        startsAt: store.command.lte(now),
        'minutes.writtenAt': store.command.gt(0),
      },
      { fields: { _id: true } },
    )
    withMinutes.push(...found.map((meeting) => meeting._id))
  }
  if (withMinutes.length === 0) return new Set()
  const present = new Map<string | null, number>()
  for (let i = 0; i < withMinutes.length; i += 500) {
    const counts = await store.countBy(
      COLLECTIONS.meetingAttendance,
      {
        tenantId,
        meetingId: store.command.in(withMinutes.slice(i, i + 500)),
        status: store.command.in(['present', 'late']),
      },
      'meetingId',
    )
    for (const [id, n] of counts) present.set(id, n)
  }
  return new Set(withMinutes.filter((id) => (present.get(id) ?? 0) > 0))
}
