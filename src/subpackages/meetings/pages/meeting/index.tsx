import { Button, Text, View } from '@tarojs/components'
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro'
import { useRef, useState } from 'react'
import type { MeetingDetail } from '../../../../../types/meetings'
import { ConfirmDialog } from '../../../../components/confirm-dialog'
import { FormField, TextAreaField } from '../../../../components/form-field'
import { Notice } from '../../../../components/notice'
import { Page } from '../../../../components/page'
import { PageState } from '../../../../components/page-state'
import { useAction } from '../../../../hooks/use-action'
import { useScanCheckIn } from '../../../../hooks/use-scan-check-in'
import { useSubmit } from '../../../../hooks/use-submit'
import { CAN_SCAN } from '../../../../lib/check-in'
import { ATTENDANCE_LABELS, LEAVE_LABELS, meetingHeading } from '../../../../lib/meeting-labels'
import { leavesPageUrl, meetingPageUrl, minutesPageUrl, rollPageUrl } from '../../../../lib/routes'
import { askToSubscribe } from '../../../../lib/subscribe'
import { monthDayTime } from '../../../../lib/time'
import { call } from '../../../../services/call'
import { CodePanel } from '../../components/code-panel'
import { MinutesPhotos } from '../../components/minutes-photos'
import { ReminderSubscription } from '../../components/reminder-subscription'
import { RollCounts } from '../../components/roll-list'
import { ShareCardPanel, type ShareRef } from '../../components/share-card-panel'
import '../../components/meetings.css'

/** 会议详情: agenda, my attendance, subscribe, check in, ask for leave; secretaries also the code and the roll. */
export default function MeetingPage() {
  const id = useRouter().params.id ?? ''
  const meeting = useAction('meetings', 'get', { meetingId: id })
  const [showCode, setShowCode] = useState(false)
  // 转发: the prepared card (转发到群 / 提醒未到) when there is one, else a plain card of the meeting.
  const share: ShareRef = useRef(null)
  useShareAppMessage(() => ({
    title: share.current?.title ?? meeting.data?.title ?? '会议通知',
    path: meetingPageUrl(id),
  }))
  return (
    <Page>
      <PageState query={meeting}>
        {(data) => (
          <View>
            <Summary meeting={data} />
            {data.attendee && data.status === 'scheduled' ? (
              <MemberActions meeting={data} reload={meeting.reload} />
            ) : null}
            {data.canManage ? (
              <Button
                className="btn btn--ghost meet-code-toggle"
                data-testid="meetings-show-code"
                onClick={() => setShowCode(!showCode)}
              >
                {showCode ? '收起签到码' : '出示签到码'}
              </Button>
            ) : null}
            {showCode ? <CodePanel meetingId={data.id} /> : null}
            {data.canManage && data.reminder.templateId === null ? (
              <Notice
                testId="meeting-reminders-unconfigured"
                text="党员暂时收不到微信会议提醒：教育局尚未在“会议规则 → 订阅消息模板”中配置会议提醒模板。可先用下方“转发到群”或群机器人提醒。"
              />
            ) : null}
            {data.canManage && data.status === 'scheduled' && Date.now() <= data.endsAt ? (
              <ShareCardPanel meeting={data} share={share} now={Date.now()} />
            ) : null}
            {data.canManage ? <ManagerEntries meeting={data} /> : data.attendance ? <Roll meeting={data} /> : null}
          </View>
        )}
      </PageState>
    </Page>
  )
}

function Summary({ meeting }: { meeting: MeetingDetail }) {
  const mine = meeting.mine
    ? ATTENDANCE_LABELS[meeting.mine]
    : meeting.myLeave
      ? LEAVE_LABELS[meeting.myLeave]
      : '未签到'
  return (
    <View className="card">
      <Text className="card__title">{meetingHeading(meeting)}</Text>
      <Text className="meet-line">{`时间：${monthDayTime(meeting.startsAt)} — ${monthDayTime(meeting.endsAt)}`}</Text>
      <Text className="meet-line">{`地点：${meeting.place}`}</Text>
      {meeting.hostName ? <Text className="meet-line">{`主持人：${meeting.hostName}`}</Text> : null}
      {meeting.agenda ? <Text className="meet-line meet-text">{`议程：${meeting.agenda}`}</Text> : null}
      {meeting.status === 'cancelled' ? (
        <Text className="field-error">{`已取消：${meeting.cancelReason ?? ''}`}</Text>
      ) : null}
      <View className="meet-mine">
        <Text>我的考勤</Text>
        <Text
          className={`tag${meeting.mine && meeting.mine !== 'absent' ? ' tag--ok' : ' tag--plain'}`}
          data-testid="meetings-mine"
        >
          {mine}
        </Text>
      </View>
      {meeting.minutes ? (
        <View className="meet-minutes">
          <Text className="field-label">会议记录</Text>
          <Text className="meet-text">{meeting.minutes.text}</Text>
          <MinutesPhotos urls={meeting.minutes.photoUrls} />
        </View>
      ) : null}
    </View>
  )
}

/** What an attendee can do before and during the meeting: be reminded, check in, ask for leave or take it back. */
function MemberActions({ meeting, reload }: { meeting: MeetingDetail; reload: () => void }) {
  const [reason, setReason] = useState('')
  const [withdrawing, setWithdrawing] = useState(false)
  const checkingIn = useScanCheckIn(reload)
  const asking = useSubmit(
    async () => {
      // Asked first, in the tap: the decision reaches the member by message if they accept (请假审批结果).
      if (meeting.leaveTemplateId && reason.trim().length >= 2) await askToSubscribe([meeting.leaveTemplateId])
      return call('meetings', 'requestLeave', { meetingId: meeting.id, reason })
    },
    {
      fields: ['reason'],
      toast: '请假申请已提交',
      onDone: () => {
        setReason('')
        reload()
      },
    },
  )
  const takingBack = useSubmit(() => call('meetings', 'withdrawLeave', { meetingId: meeting.id }), {
    toast: '已撤回请假',
    onDone: () => {
      setWithdrawing(false)
      reload()
    },
    onRefused: () => {
      setWithdrawing(false)
      reload()
    },
  })
  const beforeStart = Date.now() < meeting.startsAt
  return (
    <View className="card" data-testid="meeting-member-actions">
      <Text className="card__title">参会</Text>
      <ReminderSubscription reminder={meeting.reminder} onSubscribed={reload} />
      {CAN_SCAN && !meeting.mine ? (
        <Button className="btn btn--primary meet-bar" loading={checkingIn.busy} onClick={() => checkingIn.submit()}>
          扫码签到
        </Button>
      ) : null}
      {meeting.myLeave === 'pending' && !meeting.mine ? (
        <View className="meet-leave-state" data-testid="meeting-leave-pending">
          <Text className="field-hint">您的请假申请正在等待支部书记审批，审批前可以撤回。</Text>
          <Button
            className="btn btn--danger-ghost"
            data-testid="meeting-leave-withdraw"
            loading={takingBack.busy}
            onClick={() => setWithdrawing(true)}
          >
            撤回请假
          </Button>
        </View>
      ) : null}
      {!meeting.mine && meeting.myLeave !== 'pending' && meeting.myLeave !== 'approved' && beforeStart ? (
        <View className="meet-bar" data-testid="meeting-leave-form">
          <FormField
            label={meeting.myLeave === 'rejected' ? '请假未批准，可说明情况后再次申请' : '请假原因'}
            error={asking.errors.fields.reason ?? asking.errors.general}
            errorTestId="meeting-leave-error"
          >
            <TextAreaField
              testId="meeting-leave-reason"
              value={reason}
              maxlength={200}
              placeholder="如：外出参加培训，无法到会"
              onInput={setReason}
            />
          </FormField>
          <Button
            className="btn btn--ghost meet-bar"
            data-testid="meeting-leave-submit"
            loading={asking.busy}
            onClick={() => asking.submit()}
          >
            提交请假
          </Button>
        </View>
      ) : null}
      <ConfirmDialog
        visible={withdrawing}
        title="撤回请假"
        message="撤回后需按时参会；会议开始前可以重新申请请假。"
        confirmLabel="确认撤回"
        danger
        busy={takingBack.busy}
        onConfirm={() => takingBack.submit()}
        onCancel={() => setWithdrawing(false)}
      />
    </View>
  )
}

/** The secretary's tools for this meeting: the roll, leave requests, the minutes. */
function ManagerEntries({ meeting }: { meeting: MeetingDetail }) {
  const pendingLeaves = (meeting.attendance ?? []).filter((row) => row.leave === 'pending' && !row.status).length
  return (
    <View className="card" data-testid="meetings-manage">
      <Text className="card__title">考勤与记录</Text>
      <RollCounts counts={meeting.counts} />
      <View className="btn-stack">
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
          {pendingLeaves ? `请假审批（${pendingLeaves}条待审批）` : '请假审批'}
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

/** The roll as a reader of the branch (a committee member) sees it. */
function Roll({ meeting }: { meeting: MeetingDetail }) {
  return (
    <View className="card" data-testid="meetings-roll">
      <Text className="card__title">考勤</Text>
      <Text className="muted">
        {`实到 ${meeting.counts.present + meeting.counts.late} / 应到 ${meeting.counts.expected}，请假 ${meeting.counts.leave}`}
      </Text>
      {(meeting.attendance ?? []).map((row) => (
        <View key={row.memberId} className="row">
          <Text>{row.name}</Text>
          <Text className="row__value">
            {row.status ? ATTENDANCE_LABELS[row.status] : row.leave ? LEAVE_LABELS[row.leave] : '未签到'}
          </Text>
        </View>
      ))}
    </View>
  )
}
