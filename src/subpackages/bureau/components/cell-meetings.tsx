import { Text, View } from '@tarojs/components'
import type { CellDetail } from '../../../../types/bureau'
import { monthDayTime } from '../../../lib/time'
import { CELL_STATE_LABELS, ITEM_STATUS_LABELS, MEETING_TYPE_LABELS, meetingHeading } from '../lib/labels'

/** 调阅: the required meetings' statuses of a cell and the meetings with their minutes, read-only. */
export function CellMeetings({ detail }: { detail: CellDetail }) {
  return (
    <View>
      <View className="card">
        <Text className="card__title">{`${detail.branchName} · ${detail.period}`}</Text>
        <Text className={`bureau-state bureau-cell--${detail.state}`} data-testid="cell-state">
          {CELL_STATE_LABELS[detail.state]}
        </Text>
        {detail.items.map((item) => (
          <View key={item.type} className="bureau-item" data-testid={`item-${item.type}`}>
            <Text>{MEETING_TYPE_LABELS[item.type]}</Text>
            <Text className={`bureau-item__status bureau-status--${item.status}`}>
              {ITEM_STATUS_LABELS[item.status]}
            </Text>
          </View>
        ))}
      </View>
      {detail.meetings.length === 0 ? (
        <View className="card">
          <Text className="muted">本期没有会议记录</Text>
        </View>
      ) : (
        detail.meetings.map((meeting) => (
          <View key={meeting.id} className="card" data-testid={`meeting-${meeting.id}`}>
            <Text className="card__title">{meetingHeading(meeting)}</Text>
            <Text className="muted">{`${monthDayTime(meeting.startsAt)} · ${meeting.place}${meeting.status === 'cancelled' ? ' · 已取消' : ''}`}</Text>
            <Text className="muted">{`应到${meeting.expected}人，实到${meeting.attended}人，请假${meeting.leave}人，缺席${meeting.absent}人`}</Text>
            <Text className="bureau-minutes">{meeting.minutes ? `会议记录：${meeting.minutes}` : '尚无会议记录'}</Text>
          </View>
        ))
      )}
    </View>
  )
}
