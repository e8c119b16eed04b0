import { Text, View } from '@tarojs/components'
import type { OutputOf } from '../../../../types/api'
import { meetingHeading } from '../../../lib/meeting-labels'
import { fullDateTime } from '../../../lib/time'
import './meetings.css'

export type RecordBookEntry = OutputOf<'meetings', 'recordBook'>['entries'][number]

function entryStatus(entry: RecordBookEntry, now: number): string {
  if (entry.status === 'cancelled') return '已取消'
  return entry.startsAt <= now ? '已召开' : '未召开'
}

/** 三会一课记录本: the period's meetings in order, each with its attendance and the start of its minutes. */
export function RecordBookEntries({ entries, now }: { entries: RecordBookEntry[]; now: number }) {
  return (
    <View data-testid="record-book">
      {entries.map((entry, index) => (
        <View key={entry.id} className="meet-entry divided" data-testid="record-entry">
          <View className="list-item__head">
            <Text className="list-item__title">{`${index + 1}. ${meetingHeading(entry)}`}</Text>
            <Text
              className={`tag ${entry.status === 'cancelled' ? 'tag--plain' : entry.startsAt <= now ? 'tag--ok' : 'tag--info'}`}
            >
              {entryStatus(entry, now)}
            </Text>
          </View>
          <Text className="meet-entry__line">
            {fullDateTime(entry.startsAt)} · {entry.place}
          </Text>
          {entry.status === 'scheduled' && entry.startsAt <= now ? (
            <Text className="meet-entry__line" data-testid="record-counts">
              应到{entry.counts.expected}人，实到{entry.counts.present + entry.counts.late}人，请假{entry.counts.leave}
              人，缺席{entry.counts.absent + entry.counts.unmarked}人
            </Text>
          ) : null}
          {entry.minutes ? (
            <Text className="meet-entry__minutes">{entry.minutes}</Text>
          ) : entry.status === 'scheduled' && entry.startsAt <= now ? (
            <Text className="meet-entry__line">尚未填写会议记录</Text>
          ) : null}
        </View>
      ))}
    </View>
  )
}
