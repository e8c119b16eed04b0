import { Text } from '@tarojs/components'
import type { MeetingSummary } from '../../../../types/meetings'
import { ListItem } from '../../../components/list-item'
import { ATTENDANCE_LABELS, LEAVE_LABELS, meetingHeading } from '../../../lib/meeting-labels'
import { monthDayTime } from '../../../lib/time'

/** My attendance as a tag: 已签到 / 迟到 / 请假 / 缺席, a leave request's state, 已取消, or nothing yet. */
export function mineTag(meeting: MeetingSummary): { text: string; plain: boolean } | null {
  if (meeting.status === 'cancelled') return { text: '已取消', plain: true }
  if (meeting.mine) return { text: ATTENDANCE_LABELS[meeting.mine], plain: meeting.mine === 'absent' }
  if (meeting.myLeave) return { text: LEAVE_LABELS[meeting.myLeave], plain: true }
  return null
}

/** One meeting in the 会议 tab: type and title, my attendance, then time and place on their own line. */
export function MeetingRow({ meeting, onOpen }: { meeting: MeetingSummary; onOpen: (id: string) => void }) {
  const tag = mineTag(meeting)
  return (
    <ListItem
      testId="meeting-row"
      title={meetingHeading(meeting)}
      badges={
        tag ? (
          <Text className={`tag ${tag.plain ? 'tag--plain' : 'tag--ok'}`} data-testid="meeting-mine">
            {tag.text}
          </Text>
        ) : null
      }
      meta={[`${monthDayTime(meeting.startsAt)} · ${meeting.place}${meeting.hasMinutes ? ' · 已有记录' : ''}`]}
      onClick={() => onOpen(meeting.id)}
    />
  )
}
