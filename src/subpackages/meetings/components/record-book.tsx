import { Text, View } from '@tarojs/components'
import type { OutputOf } from '../../../../types/api'
import { MEETING_RECORD_LABELS } from '../../../../types/labels'
import { meetingHeading } from '../../../lib/meeting-labels'
import { fullDateTime } from '../../../lib/time'
import './meetings.css'

export type RecordBookEntry = OutputOf<'meetings', 'recordBook'>['entries'][number]

/** Its record (未开始 / 进行中 / 待补记录 / 已开展 …), 补录 beside one entered after the fact. */
export function entryStatus(entry: Pick<RecordBookEntry, 'record' | 'backfilled'>): string {
  return `${MEETING_RECORD_LABELS[entry.record]}${entry.backfilled ? '·补录' : ''}`
}

/** A roll only once the meeting began: 缺席 counts those marked absent, the rest are 未签到 until marking closes. */
function countsLine(entry: RecordBookEntry): string {
  const { counts } = entry
  return [
    `应到${counts.expected}人`,
    `实到${counts.present + counts.late}人`,
    `请假${counts.leave}人`,
    `缺席${counts.absent}人`,
    ...(counts.unmarked ? [`未签到${counts.unmarked}人`] : []),
  ].join('，')
}

/** 三会一课记录本: the period's meetings in order, each with its record, attendance and the start of its minutes. */
export function RecordBookEntries({ entries }: { entries: RecordBookEntry[] }) {
  return (
    <View data-testid="record-book">
      {entries.map((entry, index) => {
        const began = entry.record !== 'upcoming' && entry.record !== 'cancelled'
        return (
          <View key={entry.id} className="meet-entry divided" data-testid="record-entry">
            <View className="list-item__head">
              <Text className="list-item__title">{`${index + 1}. ${meetingHeading(entry)}`}</Text>
              <Text
                className={`tag ${entry.record === 'held' ? 'tag--ok' : entry.record === 'upcoming' ? 'tag--info' : 'tag--plain'}`}
                data-testid="record-entry-state"
              >
                {entryStatus(entry)}
              </Text>
            </View>
            <Text className="meet-entry__line">
              {fullDateTime(entry.startsAt)} · {entry.place}
            </Text>
            {began ? (
              <Text className="meet-entry__line" data-testid="record-counts">
                {countsLine(entry)}
              </Text>
            ) : null}
            {entry.minutes ? (
              <Text className="meet-entry__minutes">{entry.minutes}</Text>
            ) : began ? (
              <Text className="meet-entry__line">尚未填写会议记录</Text>
            ) : null}
          </View>
        )
      })}
    </View>
  )
}
