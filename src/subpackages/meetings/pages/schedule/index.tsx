import { Button, Input, Picker, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { MeetingType } from '../../../../../types/meetings'
import { EmptyState, PageState } from '../../../../components/page-state'
import { useAction } from '../../../../hooks/use-action'
import { useSubmit } from '../../../../hooks/use-submit'
import { MEETING_TYPE_LABELS } from '../../../../lib/meeting-labels'
import { meetingPageUrl } from '../../../../lib/routes'
import { instantOf } from '../../../../lib/time'
import { call } from '../../../../services/call'

const TYPES = Object.keys(MEETING_TYPE_LABELS) as MeetingType[]

interface FieldProps {
  testId?: string
  placeholder: string
  type?: 'text' | 'number' | 'digit'
  value: string
  onInput: (value: string) => void
}

/** One typed field of the form. */
function Field({ testId, placeholder, type = 'text', value, onInput }: FieldProps) {
  return (
    <Input
      className="input"
      data-testid={testId}
      placeholder={placeholder}
      type={type}
      value={value}
      onInput={(e) => onInput(e.detail.value)}
    />
  )
}

/** 安排会议: the form opens once the secretary's branch is known (a tap before that would have nowhere to go). */
export default function SchedulePage() {
  const me = useAction('roster', 'me', {})
  return (
    <PageState query={me}>
      {(data) =>
        data.branch ? (
          <ScheduleForm branchId={data.branch.id} />
        ) : (
          <EmptyState title="未找到您所在的支部" hint="只有支部书记可以为本支部安排会议。" />
        )
      }
    </PageState>
  )
}

/** Type, title, date and time, place; 主题党日 may repeat monthly. */
function ScheduleForm({ branchId }: { branchId: string }) {
  const [type, setType] = useState<MeetingType>('group_meeting')
  const [title, setTitle] = useState('')
  const [date, setDate] = useState('')
  const [time, setTime] = useState('15:00')
  const [hours, setHours] = useState('2')
  const [place, setPlace] = useState('')
  const [repeat, setRepeat] = useState('1')
  const scheduling = useSubmit(
    (startsAt: number) =>
      call('meetings', 'schedule', {
        branchId,
        meeting: { type, title, startsAt, endsAt: startsAt + Number(hours) * 3_600_000, place },
        repeatMonthly: Number(repeat) || 1,
      }),
    { fields: [], toast: '会议已安排', onDone: (data) => Taro.redirectTo({ url: meetingPageUrl(data.ids[0]) }) },
  )
  const submit = () => {
    if (!date) return scheduling.setErrors({ fields: {}, general: '请选择日期' })
    scheduling.submit(instantOf(date, time))
  }
  const error = scheduling.errors.general
  const busy = scheduling.busy
  return (
    <View className="page">
      <View className="card">
        <Picker
          mode="selector"
          range={TYPES.map((t) => MEETING_TYPE_LABELS[t])}
          onChange={(e) => setType(TYPES[Number(e.detail.value)])}
        >
          <Text className="row">会议类型：{MEETING_TYPE_LABELS[type]}</Text>
        </Picker>
        <Field testId="schedule-title" placeholder="会议名称" value={title} onInput={setTitle} />
        <Picker mode="date" value={date} onChange={(e) => setDate(e.detail.value)}>
          <Text className="row">日期：{date || '请选择'}</Text>
        </Picker>
        <Field testId="schedule-date" placeholder="日期（YYYY-MM-DD）" value={date} onInput={setDate} />
        <Field testId="schedule-time" placeholder="开始时间（HH:mm）" value={time} onInput={setTime} />
        <Field placeholder="时长（小时）" type="digit" value={hours} onInput={setHours} />
        <Field testId="schedule-place" placeholder="地点" value={place} onInput={setPlace} />
        {type === 'theme_day' ? (
          <Field placeholder="每月重复次数（1–12）" type="number" value={repeat} onInput={setRepeat} />
        ) : null}
        {error ? <Text className="error">{error}</Text> : null}
        <Button className="btn btn--primary" data-testid="schedule-submit" disabled={busy} onClick={submit}>
          {busy ? '正在安排…' : '安排会议'}
        </Button>
      </View>
    </View>
  )
}
