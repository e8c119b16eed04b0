import { Button, Input, Text, View } from '@tarojs/components'
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro'
import { useState } from 'react'
import { MEETING_RECORD_LABELS } from '../../../../../types/labels'
import type { AttendanceCounts, MeetingDetail } from '../../../../../types/meetings'
import { ConfirmDialog } from '../../../../components/confirm-dialog'
import { FieldError } from '../../../../components/field-error'
import { PageState } from '../../../../components/page-state'
import { useAction } from '../../../../hooks/use-action'
import { ATTENDANCE_LABELS, formatWhen, LEAVE_LABELS, meetingHeading } from '../../../../pages/meetings/labels'
import { call } from '../../../../services/call'
import { CodePanel } from '../../components/code-panel'
import { MinutesPhotos } from '../../components/minutes-photos'
import { RollCounts } from '../../components/roll-list'
import { CAN_SCAN, type CheckInResult, checkInWith, scanAndCheckIn } from '../../lib/check-in'
import { editUrl, leavesUrl, minutesUrl, rollUrl } from '../../lib/urls'
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

/** Where check-in stands now: not yet open, open, or over. */
function checkInPhase(meeting: MeetingDetail, now: number): 'before' | 'open' | 'over' {
  if (now < meeting.checkInOpensAt) return 'before'
  return now <= meeting.checkInClosesAt ? 'open' : 'over'
}

/**
 * 会议详情: what the meeting is and its record (未开始 / 进行中 / 待补记录 /
 * 已开展…); for the invited, 签到 while check-in is open and 请假 before the
 * start; for the secretary the code, the roll, leave requests, the minutes,
 * 修改 and 取消. The code panel, the roll's counts and the share card read the
 * same counts.
 */
export default function MeetingPage() {
  const id = useRouter().params.id ?? ''
  const meeting = useAction('meetings', 'get', { meetingId: id })
  useShareAppMessage(() => ({
    title: meeting.data?.title ?? '会议通知',
    path: `/subpackages/meetings/pages/meeting/index?id=${id}`,
  }))
  return (
    <View className="page">
      <PageState query={meeting}>{(data) => <Meeting meeting={data} reload={meeting.reload} />}</PageState>
    </View>
  )
}

function Meeting({ meeting, reload }: { meeting: MeetingDetail; reload: () => void }) {
  // One set of counts on the page: the code panel's refresh updates the roll card too.
  const [counts, setCounts] = useState<AttendanceCounts>(meeting.counts)
  const live = meeting.status === 'scheduled'
  return (
    <View>
      <Summary meeting={meeting} />
      {meeting.attendee && live ? <MemberActions meeting={meeting} reload={reload} /> : null}
      {meeting.canManage && live ? <CodeSection meeting={meeting} onCounts={setCounts} /> : null}
      {meeting.canManage ? (
        <ManagerEntries meeting={meeting} counts={counts} reload={reload} />
      ) : meeting.attendance ? (
        <Roll meeting={meeting} counts={counts} />
      ) : null}
    </View>
  )
}

function Summary({ meeting }: { meeting: MeetingDetail }) {
  return (
    <View className="card" data-testid="meeting-summary">
      <View className="card__title">{meetingHeading(meeting)}</View>
      <View className="meet-badges">
        <Text className="tag" data-testid="meeting-record">
          {MEETING_RECORD_LABELS[meeting.record]}
        </Text>
        {meeting.backfilled ? <Text className="tag tag--plain">补录</Text> : null}
        {meeting.groupName ? <Text className="tag tag--plain">{meeting.groupName}</Text> : null}
        {meeting.scope.kind === 'committee' ? <Text className="tag tag--plain">支部委员</Text> : null}
      </View>
      <Text className="meet-entry__line">
        时间：{formatWhen(meeting.startsAt)} — {formatWhen(meeting.endsAt)}
      </Text>
      <Text className="meet-entry__line">
        地点：{meeting.place}
        {meeting.location ? `（定位签到，${meeting.location.radiusMeters}米内）` : ''}
      </Text>
      {meeting.hostName ? <Text className="meet-entry__line">主持人：{meeting.hostName}</Text> : null}
      {meeting.noteTakerName ? <Text className="meet-entry__line">记录人：{meeting.noteTakerName}</Text> : null}
      {meeting.agenda ? <Text className="meet-entry__line">议程：{meeting.agenda}</Text> : null}
      {meeting.guests?.length ? (
        <Text className="meet-entry__line">列席：{meeting.guests.map((guest) => guest.name).join('、')}</Text>
      ) : null}
      {meeting.status === 'cancelled' ? <Text className="field-error">已取消：{meeting.cancelReason}</Text> : null}
      {meeting.attendee ? (
        <Text className="meet-line" data-testid="meetings-mine">
          我的考勤：
          {meeting.mine
            ? ATTENDANCE_LABELS[meeting.mine]
            : meeting.myLeave
              ? LEAVE_LABELS[meeting.myLeave]
              : meeting.markingClosed
                ? '缺席'
                : '未签到'}
        </Text>
      ) : null}
      {meeting.minutes ? <Text className="meet-entry__line">会议记录：{meeting.minutes.text}</Text> : null}
      {meeting.minutes ? <MinutesPhotos urls={meeting.minutes.photoUrls} /> : null}
    </View>
  )
}

/** 签到 for an invited member: scan (weapp) or type the code on the secretary's screen, while check-in is open. */
function CheckInCard({ meeting, onDone }: { meeting: MeetingDetail; onDone: (result: CheckInResult) => void }) {
  const [code, setCode] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const phase = checkInPhase(meeting, Date.now())
  const needsLocation = meeting.location !== null
  const finish = (result: Awaited<ReturnType<typeof checkInWith>> | null) => {
    setBusy(false)
    if (!result) return
    if (result.ok) onDone(result.data)
    else setError(result.error.message)
  }
  if (phase === 'before')
    return (
      <Text className="meet-hint" data-testid="checkin-not-open">
        签到将于 {formatWhen(meeting.checkInOpensAt)} 开放
      </Text>
    )
  if (phase === 'over') return <Text className="meet-hint">签到已结束，如需更正请联系支部书记</Text>
  return (
    <View data-testid="checkin-card">
      {needsLocation ? <Text className="meet-hint">本次会议需定位签到：签到时将获取您的位置</Text> : null}
      {CAN_SCAN ? (
        <Button
          className="btn btn--primary"
          data-testid="checkin-scan"
          loading={busy}
          onClick={async () => {
            setBusy(true)
            setError(null)
            finish(await scanAndCheckIn(needsLocation))
          }}
        >
          扫码签到
        </Button>
      ) : null}
      <Text className="field-label">
        {CAN_SCAN ? '无法扫码时，输入书记屏幕上的签到码' : '输入书记屏幕上的6位签到码'}
      </Text>
      <Input
        className="field-input meet-checkin-code"
        data-testid="checkin-code"
        type="number"
        maxlength={6}
        value={code}
        placeholder="6位数字"
        onInput={(e) => setCode(e.detail.value.replace(/\D/g, ''))}
      />
      <FieldError message={error} testId="checkin-error" />
      <Button
        className={`btn ${CAN_SCAN ? 'btn--ghost' : 'btn--primary'} meet-bar`}
        data-testid="checkin-submit"
        loading={busy}
        disabled={code.length !== 6 || busy || undefined}
        onClick={async () => {
          setBusy(true)
          setError(null)
          finish(await checkInWith({ meetingId: meeting.id, shortCode: code }, needsLocation))
        }}
      >
        签到
      </Button>
    </View>
  )
}

function MemberActions({ meeting, reload }: { meeting: MeetingDetail; reload: () => void }) {
  const [reason, setReason] = useState('')
  const [checkedIn, setCheckedIn] = useState<CheckInResult | null>(null)
  const ask = async () => {
    const result = await call('meetings', 'requestLeave', { meetingId: meeting.id, reason })
    Taro.showToast({ title: result.ok ? '请假申请已提交' : result.error.message, icon: 'none' })
    reload()
  }
  if (checkedIn)
    return (
      <View className="card meet-result" data-testid="checkin-result">
        <Text className="meet-result__title">{checkedIn.first ? '签到成功' : '您已签到'}</Text>
        <Text className="meet-line">
          {meeting.title}：{ATTENDANCE_LABELS[checkedIn.status]} {formatWhen(checkedIn.at)}
        </Text>
        <Button className="btn btn--ghost meet-bar" onClick={reload}>
          返回会议详情
        </Button>
      </View>
    )
  return (
    <View className="card meet-actions">
      {!meeting.mine && meeting.myLeave !== 'approved' ? <CheckInCard meeting={meeting} onDone={setCheckedIn} /> : null}
      <Button className="btn btn--ghost" onClick={subscribe}>
        订阅会议提醒
      </Button>
      {!meeting.mine && !meeting.myLeave && Date.now() < meeting.startsAt ? (
        <View>
          <Text className="field-label">不能参会时请假（会前提交，书记审批）</Text>
          <Input
            className="field-input"
            placeholder="请假原因"
            value={reason}
            onInput={(e) => setReason(e.detail.value)}
          />
          <Button className="btn meet-bar" onClick={ask}>
            请假
          </Button>
        </View>
      ) : null}
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
        <Text className="meet-hint" data-testid="code-not-open">
          签到码将于 {formatWhen(meeting.checkInOpensAt)} 开放（会前
          {Math.round((meeting.startsAt - meeting.checkInOpensAt) / 60_000)}分钟）
        </Text>
      </View>
    )
  return (
    <View>
      <Button className="btn btn--primary" data-testid="meetings-show-code" onClick={() => setShowCode(!showCode)}>
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
  const [cancelling, setCancelling] = useState(false)
  const pendingLeaves = (meeting.attendance ?? []).filter((row) => row.leave === 'pending' && !row.status).length
  const now = Date.now()
  const cancel = async (reason: string) => {
    setCancelling(false)
    const result = await call('meetings', 'cancel', { meetingId: meeting.id, reason })
    Taro.showToast({
      title: result.ok ? `会议已取消，已通知${result.data.told}人` : result.error.message,
      icon: 'none',
    })
    reload()
  }
  return (
    <View className="card" data-testid="meetings-manage">
      <View className="card__title">考勤与记录</View>
      <RollCounts counts={counts} />
      {!meeting.markingClosed && counts.unmarked > 0 && now > meeting.endsAt ? (
        <Text className="meet-hint">会议已结束，未签到的党员将在考勤关闭后记为缺席；可在“考勤登记”中更正。</Text>
      ) : null}
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
        {meeting.status === 'scheduled' && now < meeting.endsAt ? (
          <Button
            className="btn btn--ghost"
            data-testid="meetings-edit"
            onClick={() => Taro.navigateTo({ url: editUrl(meeting.id) })}
          >
            修改会议
          </Button>
        ) : null}
        {meeting.status === 'scheduled' && now < meeting.startsAt ? (
          <Button className="btn btn--ghost" data-testid="meetings-cancel" onClick={() => setCancelling(true)}>
            取消会议
          </Button>
        ) : null}
      </View>
      <ConfirmDialog
        visible={cancelling}
        title="取消会议"
        message={`取消后将通知参会的${meeting.counts.expected}名党员，会议不再计入考核。`}
        confirmLabel="确认取消"
        danger
        reason={{ label: '取消原因', placeholder: '将告知参会人员，如：上级临时通知集中培训', minLength: 2 }}
        onConfirm={cancel}
        onCancel={() => setCancelling(false)}
      />
    </View>
  )
}

function Roll({ meeting, counts }: { meeting: MeetingDetail; counts: AttendanceCounts }) {
  return (
    <View className="card" data-testid="meetings-roll">
      <View className="card__title">
        考勤：实到 {counts.present + counts.late} / 应到 {counts.expected}，请假 {counts.leave}
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
