import { meetingHeading } from '../../../../types/labels'
import type { AttendanceCounts, MeetingDetail } from '../../../../types/meetings'

/**
 * What a group chat sees of a meeting's card (动态消息). The title is fixed
 * when the card is shared, so it carries the figures of that moment; the
 * card's own line (已签到 x / 应到 y) is what WeChat keeps updating as people
 * check in (member_count / room_limit, set by the server on each check-in).
 */
/**
 * The platform's updatable-message template the card uses: 开始时 (成员正在加入，当前
 * {member_count}/{room_limit} 人 → 已开始 → 已结束), which reads as a meeting
 * filling up as people check in. (到齐时, the other, ends at 已到齐.)
 */
export const STARTING_TEMPLATE_ID = '21B034D08C5615B9889CE362BB957B1EE69A584B'

export interface ShareCardView {
  title: string
  /** The live line's two figures as updateShareMenu's templateInfo takes them. */
  parameterList: { name: 'member_count' | 'room_limit'; value: string }[]
}

/** Checked in, present or late. */
export const arrived = (counts: AttendanceCounts) => counts.present + counts.late

/** 转发到群: the meeting with how many have checked in of those expected, and how many are on leave. */
export function shareCardView(meeting: Pick<MeetingDetail, 'type' | 'title'>, counts: AttendanceCounts): ShareCardView {
  const figures = `已签到 ${arrived(counts)}/${counts.expected}${counts.leave ? `，请假 ${counts.leave}` : ''}`
  return { title: `${meetingHeading(meeting)}｜${figures}`, parameterList: parametersOf(counts) }
}

/** How many names a 提醒未到 title spells out before it says how many more. */
const NAMES_SHOWN = 5

/** 提醒未到: the same card, re-shared after the start with who is still missing. */
export function missingCardView(
  meeting: Pick<MeetingDetail, 'type' | 'title'>,
  counts: AttendanceCounts,
  missing: readonly string[],
): ShareCardView {
  const names =
    missing.length > NAMES_SHOWN
      ? `${missing.slice(0, NAMES_SHOWN).join('、')}等${missing.length}人`
      : missing.join('、')
  return {
    title: `${meetingHeading(meeting)}｜尚未签到：${names || '无'}`,
    parameterList: parametersOf(counts),
  }
}

function parametersOf(counts: AttendanceCounts): ShareCardView['parameterList'] {
  return [
    { name: 'member_count', value: String(arrived(counts)) },
    { name: 'room_limit', value: String(counts.expected) },
  ]
}

/** Attendees who have neither checked in nor asked for leave (pending or approved): whom 提醒未到 names. */
export function stillMissing(meeting: Pick<MeetingDetail, 'attendance'>): string[] {
  return (meeting.attendance ?? [])
    .filter((row) => row.status === null && row.leave !== 'pending' && row.leave !== 'approved')
    .map((row) => row.name)
}
