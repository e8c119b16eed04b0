import { Button, Text, View } from '@tarojs/components'
import type { MeetingDetail } from '../../../../types/meetings'
import { useSubmit } from '../../../hooks/use-submit'
import { call } from '../../../services/call'
import './meetings.css'

/** After a meeting ends, its absentees may still be reminded for a week (the server holds the same line). */
const AFTER_END_MS = 7 * 24 * 3_600_000

/** Who has not come: expected, minus those who checked in, came late or are on leave. */
export function notComeCount(counts: MeetingDetail['counts']): number {
  return counts.absent + counts.unmarked
}

/**
 * 提醒未到: from the start of a meeting until a week after its end, the
 * secretary reminds those who have not come — to check in while it runs, to
 * catch up (补学) once it is over — through each one's subscribe message and
 * the branch's group robot.
 */
export function RemindAbsent({ meeting, now }: { meeting: MeetingDetail; now: number }) {
  const missing = notComeCount(meeting.counts)
  const ended = now > meeting.endsAt
  const reminding = useSubmit(() => call('meetings', 'remindAbsent', { meetingId: meeting.id }), {
    toast: (done) =>
      done.reminded === 0
        ? '没有需要提醒的党员'
        : `已提醒 ${done.reminded} 人${done.subscribeSent ? `（订阅消息 ${done.subscribeSent} 条）` : ''}${done.robotQueued ? '，并发到群' : ''}`,
  })
  if (meeting.status !== 'scheduled' || now < meeting.startsAt || now > meeting.endsAt + AFTER_END_MS) return null
  return (
    <View className="meet-remind" data-testid="remind-absent">
      <Button
        className="btn btn--ghost"
        data-testid="remind-absent-button"
        loading={reminding.busy}
        disabled={missing === 0 || reminding.busy || undefined}
        onClick={() => reminding.submit()}
      >
        {missing === 0 ? '应到党员都已到会或请假' : `提醒未到（${missing}人）`}
      </Button>
      <Text className="field-hint">
        {ended ? '会议已结束：提醒未到的党员及时补学并向支部说明。' : '提醒尚未签到的党员尽快到场签到。'}
      </Text>
    </View>
  )
}
