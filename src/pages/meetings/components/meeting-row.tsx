import { Text, View } from '@tarojs/components'
import type { MeetingSummary } from '../../../../types/meetings'
import { ATTENDANCE_LABELS, LEAVE_LABELS, meetingHeading } from '../../../lib/meeting-labels'
import { monthDayTime } from '../../../lib/time'

/** My attendance as a tag: 已签到 / 迟到 / 请假 / 缺席, a leave request's state, 已取消, or nothing yet. */
export function mineTag(meeting: MeetingSummary): { text: string; plain: boolean } | null {
  if (meeting.status === 'cancelled') return { text: '已取消', plain: true }
  if (meeting.mine) return { text: ATTENDANCE_LABELS[meeting.mine], plain: meeting.mine === 'absent' }
  if (meeting.myLeave) return { text: LEAVE_LABELS[meeting.myLeave], plain: true }
  return null
}

/** One meeting in the 会议 tab: type, title, time and place, my attendance. */
export function MeetingRow({ meeting, onOpen }: { meeting: MeetingSummary; onOpen: (id: string) => void }) {
  const tag = mineTag(meeting)
  return (
    <View className="meeting-row divided" data-testid="meeting-row" onClick={() => onOpen(meeting.id)}>
      <View className="meeting-row__head">
        <Text className="meeting-row__title">{meetingHeading(meeting)}</Text>
        {tag ? (
          <Text className={`tag ${tag.plain ? 'tag--plain' : ''}`} data-testid="meeting-mine">
            {tag.text}
          </Text>
        ) : null}
      </View>
      <Text className="muted">
        {monthDayTime(meeting.startsAt)} · {meeting.place}
        {meeting.hasMinutes ? ' · 已有记录' : ''}
      </Text>
    </View>
  )
}
