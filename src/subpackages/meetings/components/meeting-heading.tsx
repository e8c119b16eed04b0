import { Text, View } from '@tarojs/components'
import type { MeetingDetail } from '../../../../types/meetings'
import { meetingHeading } from '../../../lib/meeting-labels'
import { fullDateTime } from '../../../lib/time'

/** The card that tops the roll and the minutes: which meeting, when and where (and who hosts, if asked). */
export function MeetingHeading({ meeting, withHost = false }: { meeting: MeetingDetail; withHost?: boolean }) {
  return (
    <View className="card">
      <View className="card__title">{meetingHeading(meeting)}</View>
      <Text className="muted">
        {`${fullDateTime(meeting.startsAt)} · ${meeting.place}`}
        {withHost && meeting.hostName ? ` · 主持人：${meeting.hostName}` : ''}
      </Text>
    </View>
  )
}
