import { Button, Input, Text, View } from '@tarojs/components'
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro'
import { useRef, useState } from 'react'
import { MEETING_RECORD_LABELS } from '../../../../../types/labels'
import type { AttendanceCounts, MeetingDetail } from '../../../../../types/meetings'
import { ConfirmDialog } from '../../../../components/confirm-dialog'
import { FormField, TextAreaField } from '../../../../components/form-field'
import { Notice } from '../../../../components/notice'
import { Page } from '../../../../components/page'
import { PageState } from '../../../../components/page-state'
import { ResultView } from '../../../../components/result-view'
import { useAction } from '../../../../hooks/use-action'
import { useSubmit } from '../../../../hooks/use-submit'
import { CAN_SCAN, type CheckInResult, checkInWith, scanAndCheckIn } from '../../../../lib/check-in'
import { ATTENDANCE_LABELS, LEAVE_LABELS, meetingHeading } from '../../../../lib/meeting-labels'
import { editMeetingPageUrl, leavesPageUrl, meetingPageUrl, minutesPageUrl, rollPageUrl } from '../../../../lib/routes'
import { askToSubscribe } from '../../../../lib/subscribe'
import { monthDayTime } from '../../../../lib/time'
import { call } from '../../../../services/call'
import { CodePanel } from '../../components/code-panel'
import { MinutesPhotos } from '../../components/minutes-photos'
import { ReminderSubscription } from '../../components/reminder-subscription'
import { RollCounts } from '../../components/roll-list'
import { ShareCardPanel, type ShareRef } from '../../components/share-card-panel'
import '../../components/meetings.css'

/** Where check-in stands now: not yet open, open, or over. */
function checkInPhase(meeting: MeetingDetail, now: number): 'before' | 'open' | 'over' {
  if (now < meeting.checkInOpensAt) return 'before'
  return now <= meeting.checkInClosesAt ? 'open' : 'over'
}

/**
 * 会议详情: what the meeting is and its record (未开始 / 进行中 / 待补记录 /
 * 已开展…); for the invited, 签到 while check-in is open, 订阅会议提醒 and 请假
 * before the start; for the secretary the code, the roll, leave requests, the
 * minutes, 修改 and 取消. The code panel, the roll's counts and the share card
 * read the same counts.
 */
export default function MeetingPage() {
  const id = useRouter().params.id ?? ''
  const meeting = useAction('meetings', 'get', { meetingId: id })
  // 转发: the prepared card (转发到群 / 提醒未到) when there is one, else a plain card of the meeting.
  const share: ShareRef = useRef(null)
  useShareAppMessage(() => ({
    title: share.current?.title ?? meeting.data?.title ?? '会议通知',
    path: meetingPageUrl(id),
  }))
  return (
    <Page>
      <PageState query={meeting}>
        {(data) => <Meeting meeting={data} reload={meeting.reload} share={share} />}
      </PageState>
    </Page>
  )
}

function Meeting({ meeting, reload, share }: { meeting: MeetingDetail; reload: () => void; share: ShareRef }) {
  // One set of counts on the page: the code panel's refresh updates the roll card too.
  const [counts, setCounts] = useState<AttendanceCounts>(meeting.counts)
  const live = meeting.status === 'scheduled'
  return (
    <View>
      <Summary meeting={meeting} />
      {meeting.attendee && live ? <MemberActions meeting={meeting} reload={reload} /> : null}
      {meeting.canManage && live ? <CodeSection meeting={meeting} onCounts={setCounts} /> : null}
      {meeting.canManage && meeting.reminder.templateId === null ? (
        <Notice
          testId="meeting-reminders-unconfigured"
          text="党员暂时收不到微信会议提醒：教育局尚未在“会议规则 → 订阅消息模板”中配置会议提醒模板。可先用下方“转发到群”或群机器人提醒。"
        />
      ) : null}
      {meeting.canManage && live && Date.now() <= meeting.endsAt ? (
        <ShareCardPanel meeting={meeting} share={share} now={Date.now()} />
      ) : null}
      {meeting.canManage ? (
        <ManagerEntries meeting={meeting} counts={counts} reload={reload} />
      ) : meeting.attendance ? (
        <Roll meeting={meeting} counts={counts} />
      ) : null}
    </View>
  )
}

function Summary({ meeting }: { meeting: MeetingDetail }) {
  const mine = meeting.mine
    ? ATTENDANCE_LABELS[meeting.mine]
    : meeting.myLeave
      ? LEAVE_LABELS[meeting.myLeave]
      : meeting.markingClosed
        ? '缺席'
        : '未签到'
  return (
    <View className="card" data-testid="meeting-summary">
      <Text className="card__title">{meetingHeading(meeting)}</Text>
      <View className="meet-badges">
        <Text className={`tag${meeting.record === 'held' ? ' tag--ok' : ''}`} data-testid="meeting-record">
          {MEETING_RECORD_LABELS[meeting.record]}
        </Text>
        {meeting.backfilled ? <Text className="tag tag--plain">补录</Text> : null}
        {meeting.groupName ? <Text className="tag tag--plain">{meeting.groupName}</Text> : null}
        {meeting.scope.kind === 'committee' ? <Text className="tag tag--plain">支部委员</Text> : null}
      </View>
      <Text className="meet-line">{`时间：${monthDayTime(meeting.startsAt)} — ${monthDayTime(meeting.endsAt)}`}</Text>
      <Text className="meet-line">
        {`地点：${meeting.place}${meeting.location ? `（定位签到，${meeting.location.radiusMeters}米内）` : ''}`}
      </Text>
      {meeting.hostName ? <Text className="meet-line">{`主持人：${meeting.hostName}`}</Text> : null}
      {meeting.noteTakerName ? <Text className="meet-line">{`记录人：${meeting.noteTakerName}`}</Text> : null}
      {meeting.agenda ? <Text className="meet-line meet-text">{`议程：${meeting.agenda}`}</Text> : null}
      {meeting.guests?.length ? (
        <Text className="meet-line">{`列席：${meeting.guests.map((guest) => guest.name).join('、')}`}</Text>
      ) : null}
      {meeting.status === 'cancelled' ? (
        <Text className="field-error">{`已取消：${meeting.cancelReason ?? ''}`}</Text>
      ) : null}
      {meeting.attendee ? (
        <View className="meet-mine">
          <Text>我的考勤</Text>
          <Text
            className={`tag${meeting.mine && meeting.mine !== 'absent' ? ' tag--ok' : ' tag--plain'}`}
            data-testid="meetings-mine"
          >
            {mine}
          </Text>
        </View>
      ) : null}
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

/** 签到 for an invited member: scan (weapp) or type the code on the secretary's screen, while check-in is open. */
function CheckInCard({ meeting, onDone }: { meeting: MeetingDetail; onDone: (result: CheckInResult) => void }) {
  const [code, setCode] = useState('')
  const needsLocation = meeting.location !== null
  const scanning = useSubmit(() => scanAndCheckIn(needsLocation), {
    fields: [],
    onDone: (result) => {
      if (result) onDone(result)
    },
  })
  const typing = useSubmit(() => checkInWith({ meetingId: meeting.id, shortCode: code }, needsLocation), {
    fields: [],
    onDone,
  })
  const phase = checkInPhase(meeting, Date.now())
  if (phase === 'before')
    return (
      <Text className="field-hint" data-testid="checkin-not-open">
        {`签到将于 ${monthDayTime(meeting.checkInOpensAt)} 开放`}
      </Text>
    )
  if (phase === 'over') return <Text className="field-hint">签到已结束，如需更正请联系支部书记</Text>
  const busy = scanning.busy || typing.busy
  return (
    <View data-testid="checkin-card">
      {needsLocation ? <Text className="field-hint">本次会议需定位签到：签到时将获取您的位置</Text> : null}
      {CAN_SCAN ? (
        <Button
          className="btn btn--primary"
          data-testid="checkin-scan"
          loading={scanning.busy}
          onClick={() => scanning.submit()}
        >
          扫码签到
        </Button>
      ) : null}
      <FormField
        label={CAN_SCAN ? '无法扫码时，输入书记屏幕上的签到码' : '输入书记屏幕上的6位签到码'}
        error={typing.errors.general ?? scanning.errors.general}
        errorTestId="checkin-error"
      >
        <Input
          className="field-input meet-checkin-code"
          data-testid="checkin-code"
          type="number"
          maxlength={6}
          value={code}
          placeholder="6位数字"
          onInput={(e) => setCode(e.detail.value.replace(/\D/g, ''))}
        />
      </FormField>
      <Button
        className={`btn ${CAN_SCAN ? 'btn--ghost' : 'btn--primary'} meet-bar`}
        data-testid="checkin-submit"
        loading={typing.busy}
        disabled={code.length !== 6 || busy || undefined}
        onClick={() => typing.submit()}
      >
        签到
      </Button>
    </View>
  )
}

/** What an attendee can do before and during the meeting: check in, be reminded, ask for leave or take it back. */
function MemberActions({ meeting, reload }: { meeting: MeetingDetail; reload: () => void }) {
  const [reason, setReason] = useState('')
  const [withdrawing, setWithdrawing] = useState(false)
  const [checkedIn, setCheckedIn] = useState<CheckInResult | null>(null)
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
  if (checkedIn)
    return (
      <ResultView
        tone="ok"
        title={checkedIn.first ? '签到成功' : '您已签到'}
        testId="checkin-result"
        text={`${meeting.title}：${ATTENDANCE_LABELS[checkedIn.status]} ${monthDayTime(checkedIn.at)}`}
      >
        <Button className="btn btn--ghost" onClick={reload}>
          返回会议详情
        </Button>
      </ResultView>
    )
  const beforeStart = Date.now() < meeting.startsAt
  return (
    <View className="card" data-testid="meeting-member-actions">
      <Text className="card__title">参会</Text>
      {!meeting.mine && meeting.myLeave !== 'approved' ? <CheckInCard meeting={meeting} onDone={setCheckedIn} /> : null}
      <ReminderSubscription reminder={meeting.reminder} onSubscribed={reload} />
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
            label={
              meeting.myLeave === 'rejected'
                ? '请假未批准，可说明情况后再次申请'
                : '不能参会时请假（会前提交，书记审批）'
            }
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

/** The secretary's code while check-in is open; before that, when it opens. */
function CodeSection({ meeting, onCounts }: { meeting: MeetingDetail; onCounts: (counts: AttendanceCounts) => void }) {
  const [showCode, setShowCode] = useState(false)
  const phase = checkInPhase(meeting, Date.now())
  if (phase === 'over') return null
  if (phase === 'before')
    return (
      <View className="card">
        <Text className="field-hint" data-testid="code-not-open">
          {`签到码将于 ${monthDayTime(meeting.checkInOpensAt)} 开放（会前${Math.round(
            (meeting.startsAt - meeting.checkInOpensAt) / 60_000,
          )}分钟）`}
        </Text>
      </View>
    )
  return (
    <View>
      <Button
        className="btn btn--primary meet-code-toggle"
        data-testid="meetings-show-code"
        onClick={() => setShowCode(!showCode)}
      >
        {showCode ? '收起签到码' : '出示签到码'}
      </Button>
      {showCode ? <CodePanel meetingId={meeting.id} onCounts={onCounts} /> : null}
    </View>
  )
}

/** The secretary's tools for this meeting: the roll, leave requests, the minutes, 修改 and 取消. */
function ManagerEntries({
  meeting,
  counts,
  reload,
}: {
  meeting: MeetingDetail
  counts: AttendanceCounts
  reload: () => void
}) {
  const [confirming, setConfirming] = useState(false)
  const pendingLeaves = (meeting.attendance ?? []).filter((row) => row.leave === 'pending' && !row.status).length
  const now = Date.now()
  const cancelling = useSubmit((reason: string) => call('meetings', 'cancel', { meetingId: meeting.id, reason }), {
    toast: (done) => `已取消，已通知${done.told}人`,
    onDone: () => {
      setConfirming(false)
      reload()
    },
    onRefused: () => setConfirming(false),
  })
  const open = (url: string) => Taro.navigateTo({ url })
  return (
    <View className="card" data-testid="meetings-manage">
      <Text className="card__title">考勤与记录</Text>
      <RollCounts counts={counts} />
      {!meeting.markingClosed && counts.unmarked > 0 && now > meeting.endsAt ? (
        <Text className="field-hint">会议已结束，未签到的党员将在考勤关闭后记为缺席；可在“考勤登记”中更正。</Text>
      ) : null}
      <View className="btn-stack">
        <Button
          className="btn btn--ghost"
          data-testid="meetings-roll-entry"
          onClick={() => open(rollPageUrl(meeting.id))}
        >
          考勤登记
        </Button>
        <Button
          className="btn btn--ghost"
          data-testid="meetings-leaves-entry"
          onClick={() => open(leavesPageUrl(meeting.id))}
        >
          {pendingLeaves ? `请假审批（${pendingLeaves}条待审批）` : '请假审批'}
        </Button>
        {meeting.status === 'scheduled' ? (
          <Button
            className="btn btn--ghost"
            data-testid="meetings-minutes-entry"
            onClick={() => open(minutesPageUrl(meeting.id))}
          >
            {meeting.minutes ? '查看 / 修改会议记录' : '填写会议记录'}
          </Button>
        ) : null}
        {meeting.status === 'scheduled' && now < meeting.endsAt ? (
          <Button
            className="btn btn--ghost"
            data-testid="meetings-edit"
            onClick={() => open(editMeetingPageUrl(meeting.id))}
          >
            修改会议
          </Button>
        ) : null}
        {meeting.status === 'scheduled' && now < meeting.startsAt ? (
          <Button className="btn btn--danger-ghost" data-testid="meetings-cancel" onClick={() => setConfirming(true)}>
            取消会议
          </Button>
        ) : null}
      </View>
      <ConfirmDialog
        visible={confirming}
        title="取消会议"
        message={`取消后将通知参会的${meeting.counts.expected}名党员，会议不再计入考核。`}
        confirmLabel="确认取消"
        danger
        busy={cancelling.busy}
        reason={{ label: '取消原因', placeholder: '将告知参会人员，如：上级临时通知集中培训', minLength: 2 }}
        onConfirm={(reason) => cancelling.submit(reason)}
        onCancel={() => setConfirming(false)}
      />
    </View>
  )
}

/** The roll as a reader of the branch (a committee member) sees it. */
function Roll({ meeting, counts }: { meeting: MeetingDetail; counts: AttendanceCounts }) {
  return (
    <View className="card" data-testid="meetings-roll">
      <Text className="card__title">考勤</Text>
      <Text className="muted">
        {`实到 ${counts.present + counts.late} / 应到 ${counts.expected}，请假 ${counts.leave}`}
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
