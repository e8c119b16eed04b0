import { Button, Input, Text, View } from '@tarojs/components'
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro'
import { useState } from 'react'
import type { MeetingDetail } from '../../../../../types/meetings'
import { PageState } from '../../../../components/page-state'
import { useAction } from '../../../../hooks/use-action'
import { ATTENDANCE_LABELS, formatWhen, LEAVE_LABELS, meetingHeading } from '../../../../pages/meetings/labels'
import { call } from '../../../../services/call'
import { CodePanel } from '../../components/code-panel'
import { MinutesPhotos } from '../../components/minutes-photos'
import { RollCounts } from '../../components/roll-list'
import { leavesUrl, minutesUrl, rollUrl } from '../../lib/urls'
import '../../components/meetings.css'

const TEMPLATE = 'tmpl_meeting_reminder'

async function subscribe() {
  if (process.env.TARO_ENV === 'weapp') {
    const res = await Taro.requestSubscribeMessage({ tmplIds: [TEMPLATE], entityIds: [] })
    if ((res as unknown as Record<string, string>)[TEMPLATE] !== 'accept') return
  }
  const result = await call('meetings', 'subscribe', { templateIds: [TEMPLATE] })
  Taro.showToast({ title: result.ok ? '已订阅会议提醒' : result.error.message, icon: 'none' })
}

async function scanAndCheckIn(reload: () => void) {
  const scan = await Taro.scanCode({ onlyFromCamera: true })
  const scene = scan.path ? decodeURIComponent(scan.path.split('scene=')[1] ?? '') : scan.result
  const result = await call('meetings', 'checkIn', { scene, position: null })
  Taro.showToast({ title: result.ok ? ATTENDANCE_LABELS[result.data.status] : result.error.message, icon: 'none' })
  reload()
}

/** 会议详情: agenda, my attendance, subscribe, check in, ask for leave; secretaries also the code and the roll. */
export default function MeetingPage() {
  const id = useRouter().params.id ?? ''
  const meeting = useAction('meetings', 'get', { meetingId: id })
  const [showCode, setShowCode] = useState(false)
  useShareAppMessage(() => ({
    title: meeting.data?.title ?? '会议通知',
    path: `/subpackages/meetings/pages/meeting/index?id=${id}`,
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
        时间：{formatWhen(meeting.startsAt)} — {formatWhen(meeting.endsAt)}
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
  const ask = async () => {
    const result = await call('meetings', 'requestLeave', { meetingId: meeting.id, reason })
    Taro.showToast({ title: result.ok ? '请假申请已提交' : result.error.message, icon: 'none' })
    reload()
  }
  return (
    <View className="card meet-actions">
      <Button className="btn btn--ghost" onClick={subscribe}>
        订阅会议提醒
      </Button>
      {process.env.TARO_ENV === 'weapp' && !meeting.mine ? (
        <Button className="btn btn--primary" onClick={() => scanAndCheckIn(reload)}>
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
          <Button className="btn" onClick={ask}>
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
          onClick={() => Taro.navigateTo({ url: rollUrl(meeting.id) })}
        >
          考勤登记
        </Button>
        <Button
          className="btn btn--ghost"
          data-testid="meetings-leaves-entry"
          onClick={() => Taro.navigateTo({ url: leavesUrl(meeting.id) })}
        >
          请假审批{pendingLeaves ? `（${pendingLeaves}条待审批）` : ''}
        </Button>
        {meeting.status === 'scheduled' ? (
          <Button
            className="btn btn--ghost"
            data-testid="meetings-minutes-entry"
            onClick={() => Taro.navigateTo({ url: minutesUrl(meeting.id) })}
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
