import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import type { AttendanceStatus, MeetingDetail } from '../../../../../types/meetings'
import { PageState } from '../../../../components/page-state'
import { useAction } from '../../../../hooks/use-action'
import { useSubmit } from '../../../../hooks/use-submit'
import { fullDateTime } from '../../../../lib/time'
import { call } from '../../../../services/call'
import { MeetingHeading } from '../../components/meeting-heading'
import { MARK_LABELS, RollCounts, RollList } from '../../components/roll-list'
import '../../components/meetings.css'
import { Page } from '../../../../components/page'

/** 考勤登记: the roll of one meeting; the secretary marks 出席/迟到/请假/缺席 for those without phones. */
export default function RollPage() {
  const id = useRouter().params.id ?? ''
  const meeting = useAction('meetings', 'get', { meetingId: id })
  return (
    <Page>
      <PageState
        query={meeting}
        isEmpty={(data) => data.attendance === null}
        empty={{ title: '无权查看考勤', hint: '考勤由本支部书记和支委登记' }}
      >
        {(data) => <Roll meeting={data} reload={meeting.reload} />}
      </PageState>
    </Page>
  )
}

function Roll({ meeting, reload }: { meeting: MeetingDetail; reload: () => void }) {
  const open = meeting.canManage && meeting.status === 'scheduled' && Date.now() >= meeting.checkInOpensAt
  const marking = useSubmit(
    (memberId: string, status: AttendanceStatus) =>
      call('meetings', 'markAttendance', { meetingId: meeting.id, marks: [{ memberId, status }] }),
    { toast: (_, __, status) => `已登记为${MARK_LABELS[status]}`, onDone: reload, onRefused: reload },
  )
  return (
    <View>
      <MeetingHeading meeting={meeting} />
      <View className="card" data-testid="meetings-roll">
        <RollCounts counts={meeting.counts} />
        {meeting.canManage && !open && meeting.status === 'scheduled' ? (
          <Text className="field-hint" data-testid="roll-not-open">
            签到于 {fullDateTime(meeting.checkInOpensAt)} 开始，届时可为未带手机的党员登记考勤
          </Text>
        ) : null}
        {(meeting.attendance ?? []).length === 0 ? (
          <Text className="muted">本次会议没有参会人员</Text>
        ) : (
          <RollList
            rows={meeting.attendance ?? []}
            editable={open}
            busyId={marking.pending?.[0] ?? null}
            onMark={marking.submit}
          />
        )}
      </View>
    </View>
  )
}
