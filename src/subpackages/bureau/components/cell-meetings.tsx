import { Text, View } from '@tarojs/components'
import type { CellDetail } from '../../../../types/bureau'
import { monthDayTime } from '../../../lib/time'
import {
  CELL_STATE_HINTS,
  CELL_STATE_LABELS,
  ITEM_STATUS_LABELS,
  MEETING_RECORD_LABELS,
  MEETING_TYPE_LABELS,
  meetingHeading,
  periodLabel,
} from '../lib/labels'

/** Attendance as the record book words it: 缺席 only for those marked absent, the rest 未签到. */
const attendanceLine = (meeting: CellDetail['meetings'][number]) =>
  [
    `应到${meeting.expected}人`,
    `实到${meeting.attended}人`,
    `请假${meeting.leave}人`,
    `缺席${meeting.absent}人`,
    ...(meeting.unmarked ? [`未签到${meeting.unmarked}人`] : []),
  ].join('，')

/**
 * 调阅: a cell's requirements (each type — per 党小组 for 党小组会 — over the
 * period it is judged on, and its status) and the meetings behind it with
 * their record, attendance and minutes; each meeting opens its full record.
 */
export function CellMeetings({ detail, onOpen }: { detail: CellDetail; onOpen: (meetingId: string) => void }) {
  return (
    <View>
      <View className="card">
        <Text className="card__title bureau-line">{`${detail.branchName} · ${periodLabel(detail.period)}`}</Text>
        <Text className={`bureau-state bureau-cell--${detail.state}`} data-testid="cell-state">
          {CELL_STATE_LABELS[detail.state]}
        </Text>
        <Text className="muted bureau-line">{CELL_STATE_HINTS[detail.state]}</Text>
        {detail.items.map((item) => (
          <View
            key={`${item.type}-${item.period}-${item.groupName ?? ''}`}
            className="bureau-item"
            data-testid={`item-${item.type}`}
          >
            <Text>
              {MEETING_TYPE_LABELS[item.type]}
              {item.groupName ? `（${item.groupName}）` : ''}
              {item.period !== detail.period ? ` · ${periodLabel(item.period)}` : ''}
            </Text>
            <Text className={`bureau-item__status bureau-status--${item.status}`}>
              {ITEM_STATUS_LABELS[item.status]}
            </Text>
          </View>
        ))}
        {detail.hasCommittee ? null : (
          <Text className="muted bureau-line" data-testid="cell-no-committee">
            本支部正式党员不足7人，未设支委会，支委会不作要求
          </Text>
        )}
      </View>
      {detail.meetings.length === 0 ? (
        <View className="card">
          <Text className="muted">本期没有会议记录</Text>
        </View>
      ) : (
        detail.meetings.map((meeting) => (
          <View
            key={meeting.id}
            className="card"
            data-testid={`meeting-${meeting.id}`}
            onClick={() => onOpen(meeting.id)}
          >
            <Text className="card__title bureau-line">{meetingHeading(meeting)}</Text>
            <Text className="muted bureau-line">{`${monthDayTime(meeting.startsAt)} · ${meeting.place}`}</Text>
            <Text
              className={`bureau-line bureau-item__status bureau-status--${meeting.record}`}
              data-testid="cell-meeting-record"
            >
              {MEETING_RECORD_LABELS[meeting.record]}
              {meeting.backfilled ? '（补录）' : ''}
            </Text>
            {meeting.record !== 'upcoming' && meeting.record !== 'cancelled' ? (
              <Text className="muted bureau-line">{attendanceLine(meeting)}</Text>
            ) : null}
            <Text className="bureau-minutes">{meeting.minutes ? `会议记录：${meeting.minutes}` : '尚无会议记录'}</Text>
            <Text className="link bureau-line" data-testid="cell-meeting-open">
              调阅完整记录 ›
            </Text>
          </View>
        ))
      )}
    </View>
  )
}
