import { Button, Input, Text, View } from '@tarojs/components'
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro'
import { useState } from 'react'
import type { OutputOf } from '../../../../../types/api'
import type { MeetingDetail } from '../../../../../types/meetings'
import { ok, type Result } from '../../../../../types/result'
import { PageState } from '../../../../components/page-state'
import { useAction } from '../../../../hooks/use-action'
import { useSubmit } from '../../../../hooks/use-submit'
import { ATTENDANCE_LABELS, LEAVE_LABELS, meetingHeading } from '../../../../lib/meeting-labels'
import { leavesPageUrl, meetingPageUrl, minutesPageUrl, rollPageUrl } from '../../../../lib/routes'
import { monthDayTime } from '../../../../lib/time'
import { call } from '../../../../services/call'
import { CodePanel } from '../../components/code-panel'
import { MinutesPhotos } from '../../components/minutes-photos'
import { RollCounts } from '../../components/roll-list'
import '../../components/meetings.css'

const TEMPLATE = 'tmpl_meeting_reminder'

/** 订阅会议提醒: on weapp the platform asks first, and only an accepted template earns a send credit. */
async function subscribe(): Promise<Result<{ accepted: boolean }>> {
  if (process.env.TARO_ENV === 'weapp') {
    const res = await Taro.requestSubscribeMessage({ tmplIds: [TEMPLATE], entityIds: [] }).catch(() => null)
    if ((res as unknown as Record<string, string> | null)?.[TEMPLATE] !== 'accept') return ok({ accepted: false })
  }
  const result = await call('meetings', 'subscribe', { templateIds: [TEMPLATE] })
  return result.ok ? ok({ accepted: true }) : result
}

/** 扫码签到; a scan the member cancels checks nothing in (null). */
async function scanAndCheckIn(): Promise<Result<OutputOf<'meetings', 'checkIn'> | null>> {
  const scan = await Taro.scanCode({ onlyFromCamera: true }).catch(() => null)
  if (!scan) return ok(null)
  const scene = scan.path ? decodeURIComponent(scan.path.split('scene=')[1] ?? '') : scan.result
  return call('meetings', 'checkIn', { scene, position: null })
}

/** 会议详情: agenda, my attendance, subscribe, check in, ask for leave; secretaries also the code and the roll. */
export default function MeetingPage() {
  const id = useRouter().params.id ?? ''
  const meeting = useAction('meetings', 'get', { meetingId: id })
  const [showCode, setShowCode] = useState(false)
  useShareAppMessage(() => ({
    title: meeting.data?.title ?? '会议通知',
    path: meetingPageUrl(id),
  }))
  return (
    <View className="page">
      <PageState query={meeting}>
        {(data) => (
          <View>
            <Summary meeting={data} />
            {data.attendee && data.status === 'scheduled' ? (
              <MemberActions meeting={data} reload={meeting.reload} />
            ) : null}
            {data.canManage ? (
              <Button className="btn" data-testid="meetings-show-code" onClick={() => setShowCode(!showCode)}>
                {showCode ? '收起签到码' : '出示签到码'}
              </Button>
            ) : null}
            {showCode ? <CodePanel meetingId={data.id} /> : null}
            {data.canManage ? <ManagerEntries meeting={data} /> : data.attendance ? <Roll meeting={data} /> : null}
          </View>
        )}
      </PageState>
    </View>
  )
}

function Summary({ meeting }: { meeting: MeetingDetail }) {
  return (
    <View className="card">
      <View className="card__title">{meetingHeading(meeting)}</View>
      <Text className="meet-entry__line">
        时间：{monthDayTime(meeting.startsAt)} — {monthDayTime(meeting.endsAt)}
      </Text>
      <Text className="meet-entry__line">地点：{meeting.place}</Text>
      {meeting.hostName ? <Text className="meet-entry__line">主持人：{meeting.hostName}</Text> : null}
      {meeting.agenda ? <Text className="meet-entry__line">议程：{meeting.agenda}</Text> : null}
      {meeting.status === 'cancelled' ? <Text className="field-error">已取消：{meeting.cancelReason}</Text> : null}
      <Text className="meet-line" data-testid="meetings-mine">
        我的考勤：
        {meeting.mine ? ATTENDANCE_LABELS[meeting.mine] : meeting.myLeave ? LEAVE_LABELS[meeting.myLeave] : '未签到'}
      </Text>
      {meeting.minutes ? <Text className="meet-entry__line">会议记录：{meeting.minutes.text}</Text> : null}
      {meeting.minutes ? <MinutesPhotos urls={meeting.minutes.photoUrls} /> : null}
    </View>
  )
}

function MemberActions({ meeting, reload }: { meeting: MeetingDetail; reload: () => void }) {
  const [reason, setReason] = useState('')
  const subscribing = useSubmit(subscribe, {
    toast: ({ accepted }) => (accepted ? '已订阅会议提醒' : '未订阅，可随时再点“订阅会议提醒”'),
  })
  const checkingIn = useSubmit(scanAndCheckIn, {
    toast: (data) => (data ? ATTENDANCE_LABELS[data.status] : ''),
    onDone: reload,
    onRefused: reload,
  })
  const asking = useSubmit(() => call('meetings', 'requestLeave', { meetingId: meeting.id, reason }), {
    toast: '请假申请已提交',
    onDone: reload,
    onRefused: reload,
  })
  return (
    <View className="card meet-actions">
      <Button className="btn btn--ghost" loading={subscribing.busy} onClick={() => subscribing.submit()}>
        订阅会议提醒
      </Button>
      {process.env.TARO_ENV === 'weapp' && !meeting.mine ? (
        <Button className="btn btn--primary" loading={checkingIn.busy} onClick={() => checkingIn.submit()}>
          扫码签到
        </Button>
      ) : null}
      {!meeting.mine && !meeting.myLeave && Date.now() < meeting.startsAt ? (
        <View>
          <Input
            className="field-input"
            placeholder="请假原因"
            value={reason}
            onInput={(e) => setReason(e.detail.value)}
          />
          <Button className="btn" loading={asking.busy} onClick={() => asking.submit()}>
            请假
          </Button>
        </View>
      ) : null}
    </View>
  )
}

/** The secretary's tools for this meeting: the roll, leave requests, the minutes. */
function ManagerEntries({ meeting }: { meeting: MeetingDetail }) {
  const pendingLeaves = (meeting.attendance ?? []).filter((row) => row.leave === 'pending' && !row.status).length
  return (
    <View className="card" data-testid="meetings-manage">
      <View className="card__title">考勤与记录</View>
      <RollCounts counts={meeting.counts} />
      <View className="meet-actions">
        <Button
          className="btn btn--ghost"
          data-testid="meetings-roll-entry"
          onClick={() => Taro.navigateTo({ url: rollPageUrl(meeting.id) })}
        >
          考勤登记
        </Button>
        <Button
          className="btn btn--ghost"
          data-testid="meetings-leaves-entry"
          onClick={() => Taro.navigateTo({ url: leavesPageUrl(meeting.id) })}
        >
          请假审批{pendingLeaves ? `（${pendingLeaves}条待审批）` : ''}
        </Button>
        {meeting.status === 'scheduled' ? (
          <Button
            className="btn btn--ghost"
            data-testid="meetings-minutes-entry"
            onClick={() => Taro.navigateTo({ url: minutesPageUrl(meeting.id) })}
          >
            {meeting.minutes ? '查看 / 修改会议记录' : '填写会议记录'}
          </Button>
        ) : null}
      </View>
    </View>
  )
}

function Roll({ meeting }: { meeting: MeetingDetail }) {
  return (
    <View className="card" data-testid="meetings-roll">
      <View className="card__title">
        考勤：实到 {meeting.counts.present + meeting.counts.late} / 应到 {meeting.counts.expected}，请假{' '}
        {meeting.counts.leave}
      </View>
      {(meeting.attendance ?? []).map((row) => (
        <View key={row.memberId} className="row">
          <Text className="row__label">{row.name}</Text>
          <Text className="row__value muted">
            {row.status ? ATTENDANCE_LABELS[row.status] : row.leave ? LEAVE_LABELS[row.leave] : '未签到'}
          </Text>
        </View>
      ))}
    </View>
  )
}
