import { Button, Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import type { OutputOf } from '../../../../../types/api'
import { ConfirmDialog } from '../../../../components/confirm-dialog'
import { FormField, TypedField } from '../../../../components/form-field'
import { ListItem } from '../../../../components/list-item'
import { Notice } from '../../../../components/notice'
import { Page } from '../../../../components/page'
import { PageState } from '../../../../components/page-state'
import { useAction } from '../../../../hooks/use-action'
import { useSubmit } from '../../../../hooks/use-submit'
import { clockTime, fullDateTime } from '../../../../lib/time'
import { call } from '../../../../services/call'
import { hoursText } from '../../lib/labels'
import '../../components/assessment.css'

type Activity = OutputOf<'assessment', 'getVolunteerActivity'>

/** Check-in opens this long before the start (the server judges; the page only decides what to offer). */
const CHECK_IN_OPENS_MS = 30 * 60_000

/**
 * 志愿服务活动: the details; a member signs up or takes it back before the
 * start, checks in with the organiser's code, and sees their hours; the
 * organiser shows the code, sees who signed up and checked in, and records
 * hours after the end.
 */
export default function ActivityPage() {
  const activityId = useRouter().params.id ?? ''
  const detail = useAction('assessment', 'getVolunteerActivity', { activityId })
  return (
    <Page>
      <PageState query={detail}>
        {(activity) => (
          <View>
            <Details activity={activity} />
            <MineCard activity={activity} onChange={detail.reload} />
            {activity.canManage ? <CodeCard activity={activity} /> : null}
            {activity.canManage ? <SignupsCard activity={activity} onChange={detail.reload} /> : null}
          </View>
        )}
      </PageState>
    </Page>
  )
}

function Details({ activity }: { activity: Activity }) {
  return (
    <View className="card" data-testid="activity-details">
      <Text className="card__title" data-testid="activity-title">
        {activity.title}
      </Text>
      <Text className="card__meta">{`时间：${fullDateTime(activity.startsAt)} 至 ${clockTime(activity.endsAt)}`}</Text>
      <Text className="card__meta">{`地点：${activity.place}`}</Text>
      <Text className="card__meta" data-testid="activity-places">
        {`名额：已报名 ${activity.signed} / ${activity.places} 人`}
      </Text>
      {activity.cancelled ? <Notice testId="activity-cancelled" text="该活动已取消。" /> : null}
    </View>
  )
}

function MineCard({ activity, onChange }: { activity: Activity; onChange: () => void }) {
  const now = Date.now()
  const [confirming, setConfirming] = useState(false)
  const [code, setCode] = useState('')
  const signing = useSubmit(
    (cancel: boolean) => call('assessment', 'signUpVolunteer', { activityId: activity.id, cancel }),
    {
      toast: (data) => (data.signed ? '报名成功' : '已取消报名'),
      onDone: () => {
        setConfirming(false)
        onChange()
      },
      onRefused: () => {
        setConfirming(false)
        onChange()
      },
    },
  )
  const checking = useSubmit(
    () => call('assessment', 'volunteerCheckIn', { activityId: activity.id, shortCode: code }),
    { fields: ['shortCode'] as const, toast: '签到成功', onDone: onChange },
  )
  if (activity.cancelled) return null
  const { mine } = activity
  const started = now >= activity.startsAt
  const checkInOpen = now >= activity.startsAt - CHECK_IN_OPENS_MS && now <= activity.endsAt
  const full = activity.signed >= activity.places
  return (
    <View className="card" data-testid="activity-mine">
      <Text className="card__title">我的参与</Text>
      {mine.hours !== null ? (
        <Text className="tag tag--ok" data-testid="activity-my-hours">{`志愿时长 ${hoursText(mine.hours)}`}</Text>
      ) : mine.checkedInAt !== null ? (
        <Text className="tag tag--ok" data-testid="activity-checked-in">{`已签到 ${clockTime(mine.checkedInAt)}`}</Text>
      ) : mine.signed ? (
        <Text className="tag tag--info" data-testid="activity-signed">
          已报名
        </Text>
      ) : (
        <Text className="muted" data-testid="activity-not-signed">
          {started ? '您未报名该活动' : full ? '名额已满' : '尚未报名'}
        </Text>
      )}
      {!started && !mine.signed ? (
        <Button
          className="btn btn--primary assessment-bar"
          data-testid="activity-sign-up"
          loading={signing.busy}
          disabled={full || signing.busy || undefined}
          onClick={() => signing.submit(false)}
        >
          {full ? '名额已满' : '报名参加'}
        </Button>
      ) : null}
      {!started && mine.signed ? (
        <Button
          className="btn btn--ghost assessment-bar"
          data-testid="activity-cancel"
          onClick={() => setConfirming(true)}
        >
          取消报名
        </Button>
      ) : null}
      {mine.signed && mine.checkedInAt === null && checkInOpen ? (
        <View data-testid="activity-check-in">
          <FormField label="签到码" hint="输入组织者屏幕上的6位签到码" error={checking.errors.fields.shortCode}>
            <TypedField testId="activity-code" type="number" placeholder="6位数字" value={code} onInput={setCode} />
          </FormField>
          {checking.errors.general ? (
            <Text className="field-error" data-testid="activity-check-in-error">
              {checking.errors.general}
            </Text>
          ) : null}
          <Button
            className="btn btn--primary"
            data-testid="activity-check-in-submit"
            loading={checking.busy}
            disabled={code.length !== 6 || checking.busy || undefined}
            onClick={() => checking.submit()}
          >
            签到
          </Button>
        </View>
      ) : null}
      <ConfirmDialog
        visible={confirming}
        title="取消报名"
        message={`确定取消报名“${activity.title}”？名额将让给其他党员。`}
        confirmLabel="取消报名"
        busy={signing.busy}
        onConfirm={() => signing.submit(true)}
        onCancel={() => setConfirming(false)}
      />
    </View>
  )
}

/** The organiser's 签到码: shown on request, turned over every minute while the page is open. */
function CodeCard({ activity }: { activity: Activity }) {
  const [shown, setShown] = useState(false)
  const [code, setCode] = useState<OutputOf<'assessment', 'volunteerCheckInCode'> | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    if (!shown) return
    let timer: ReturnType<typeof setTimeout> | undefined
    let live = true
    const load = async () => {
      const answer = await call('assessment', 'volunteerCheckInCode', { activityId: activity.id })
      if (!live) return
      if (!answer.ok) {
        setError(answer.error.message)
        return
      }
      setError(null)
      setCode(answer.data)
      timer = setTimeout(load, Math.max(1_000, answer.data.refreshAt - Date.now()))
    }
    load()
    return () => {
      live = false
      clearTimeout(timer)
    }
  }, [shown, activity.id])
  if (activity.cancelled || Date.now() > activity.endsAt) return null
  return (
    <View className="card" data-testid="activity-code-card">
      <Text className="card__title">签到码</Text>
      {shown && code ? (
        <View>
          <Text className="assessment-total__score" data-testid="activity-short-code">
            {code.shortCode}
          </Text>
          <Text className="card__meta">{`请参加者在本页输入此签到码；每分钟更新，签到至 ${clockTime(code.closesAt)} 截止`}</Text>
        </View>
      ) : null}
      {error ? (
        <Text className="field-error" data-testid="activity-code-error">
          {error}
        </Text>
      ) : null}
      {shown ? null : (
        <Button className="btn btn--primary" data-testid="activity-show-code" onClick={() => setShown(true)}>
          显示签到码
        </Button>
      )}
    </View>
  )
}

/** Who signed up and checked in; after the end, hours for each (never the organiser's own). */
function SignupsCard({ activity, onChange }: { activity: Activity; onChange: () => void }) {
  const me = useAction('roster', 'me', {})
  const ended = Date.now() >= activity.endsAt
  const [typed, setTyped] = useState<Record<string, string>>({})
  const myId = me.state === 'ok' ? me.data.memberId : null
  const typedHours = (row: Activity['signups'][number]) =>
    typed[row.memberId] ?? (row.checkedInAt !== null ? String(activity.maxHours) : '')
  const open = activity.signups.filter((row) => row.hours === null && row.memberId !== myId)
  const entries = open
    .map((row) => ({ memberId: row.memberId, hours: Number(typedHours(row)) }))
    .filter((entry) => entry.hours > 0)
  const saving = useSubmit(() => call('assessment', 'recordVolunteerHours', { activityId: activity.id, entries }), {
    fields: ['entries'] as const,
    toast: (data) => `已登记 ${data.credited} 人的志愿时长`,
    onDone: () => {
      setTyped({})
      onChange()
    },
  })
  return (
    <View className="card" data-testid="activity-signups">
      <Text className="card__title">{`报名名单（${activity.signups.length} 人）`}</Text>
      {activity.signups.length === 0 ? <Text className="muted">还没有人报名</Text> : null}
      {activity.signups.map((row) => (
        <ListItem
          key={row.memberId}
          testId="activity-signup"
          title={row.name}
          badges={
            row.hours !== null ? (
              <Text className="tag tag--ok">{hoursText(row.hours)}</Text>
            ) : row.checkedInAt !== null ? (
              <Text className="tag tag--info">{`已签到 ${clockTime(row.checkedInAt)}`}</Text>
            ) : (
              <Text className="tag tag--plain">未签到</Text>
            )
          }
        >
          {ended && row.hours === null ? (
            row.memberId === myId ? (
              <Text className="card__meta">本人时长须由其他管理人员登记</Text>
            ) : (
              <FormField label="时长（小时）" hint={`以半小时计，最多 ${activity.maxHours} 小时`}>
                <TypedField
                  testId={`activity-hours-${row.memberId}`}
                  type="digit"
                  placeholder="未参加不填"
                  value={typedHours(row)}
                  onInput={(value) => setTyped((current) => ({ ...current, [row.memberId]: value }))}
                />
              </FormField>
            )
          ) : null}
        </ListItem>
      ))}
      {!ended && activity.signups.length > 0 ? (
        <Text className="card__meta">活动结束后可登记志愿时长（已签到的默认按活动时长）。</Text>
      ) : null}
      {saving.errors.general || saving.errors.fields.entries ? (
        <Text className="field-error" data-testid="activity-hours-error">
          {saving.errors.general ?? saving.errors.fields.entries}
        </Text>
      ) : null}
      {ended && open.length > 0 ? (
        <Button
          className="btn btn--primary assessment-bar"
          data-testid="activity-record-hours"
          loading={saving.busy}
          disabled={entries.length === 0 || saving.busy || undefined}
          onClick={() => saving.submit()}
        >
          {`登记志愿时长（${entries.length} 人）`}
        </Button>
      ) : null}
    </View>
  )
}
