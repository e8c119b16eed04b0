import { Button, Input, Picker, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { MeetingType } from '../../../../../types/meetings'
import { FieldError } from '../../../../components/field-error'
import { FormField, PickerField, TextAreaField } from '../../../../components/form-field'
import { Page } from '../../../../components/page'
import { EmptyState, PageState } from '../../../../components/page-state'
import { useAction } from '../../../../hooks/use-action'
import { useSubmit } from '../../../../hooks/use-submit'
import { MEETING_TYPE_LABELS } from '../../../../lib/meeting-labels'
import { meetingPageUrl } from '../../../../lib/routes'
import { dateKey, instantOf } from '../../../../lib/time'
import { call } from '../../../../services/call'
import '../../components/meetings.css'

const TYPES = Object.keys(MEETING_TYPE_LABELS) as MeetingType[]

/** The form's fields as the schedule contract names them (INPUT.INVALID issues stand beside them). */
const FIELDS = [
  'meeting.title',
  'meeting.agenda',
  'meeting.startsAt',
  'meeting.endsAt',
  'meeting.place',
  'repeatMonthly',
]

/** 安排会议: the form opens once the secretary's branch is known (a tap before that would have nowhere to go). */
export default function SchedulePage() {
  const me = useAction('roster', 'me', {})
  return (
    <Page>
      <PageState query={me}>
        {(data) =>
          data.branch ? (
            <ScheduleForm branchId={data.branch.id} />
          ) : (
            <EmptyState title="未找到您所在的支部" hint="只有支部书记可以为本支部安排会议。" />
          )
        }
      </PageState>
    </Page>
  )
}

interface TypedFieldProps {
  testId?: string
  placeholder?: string
  type?: 'text' | 'number' | 'digit'
  value: string
  invalid?: boolean
  onInput: (value: string) => void
}

function TypedField({ testId, placeholder, type = 'text', value, invalid, onInput }: TypedFieldProps) {
  return (
    <Input
      className={`field-input${invalid ? ' field-input--invalid' : ''}`}
      data-testid={testId}
      placeholder={placeholder}
      type={type}
      value={value}
      onInput={(e) => onInput(e.detail.value)}
    />
  )
}

/** A date or a time of day one may type, or choose with the platform's picker beside it. */
function TypeOrPick({
  mode,
  value,
  onChange,
  ...typed
}: { mode: 'date' | 'time'; value: string; onChange: (value: string) => void } & Omit<
  TypedFieldProps,
  'onInput' | 'value'
>) {
  return (
    <View className="field-combo">
      <TypedField {...typed} value={value} onInput={onChange} />
      <Picker
        mode={mode}
        value={value || (mode === 'date' ? dateKey(Date.now()) : '15:00')}
        onChange={(e) => onChange(String(e.detail.value))}
      >
        <View className="btn btn--ghost field-combo__button">选择</View>
      </Picker>
    </View>
  )
}

/** Type, title, agenda, date and time, length, place; 主题党日 may repeat monthly. */
function ScheduleForm({ branchId }: { branchId: string }) {
  const [type, setType] = useState<MeetingType>('group_meeting')
  const [title, setTitle] = useState('')
  const [agenda, setAgenda] = useState('')
  const [date, setDate] = useState('')
  const [time, setTime] = useState('15:00')
  const [hours, setHours] = useState('2')
  const [place, setPlace] = useState('')
  const [repeat, setRepeat] = useState('1')
  const scheduling = useSubmit(
    (startsAt: number) =>
      call('meetings', 'schedule', {
        branchId,
        meeting: { type, title, agenda, startsAt, endsAt: startsAt + Number(hours) * 3_600_000, place },
        repeatMonthly: Number(repeat) || 1,
      }),
    {
      fields: FIELDS,
      toast: '会议已安排',
      onDone: (data) => Taro.redirectTo({ url: meetingPageUrl(data.ids[0]) }),
    },
  )
  const { errors } = scheduling
  const whenError = errors.fields['meeting.startsAt'] ?? null
  const submit = () => {
    const startsAt = instantOf(date, time)
    if (Number.isNaN(startsAt)) {
      return scheduling.setErrors({
        fields: { 'meeting.startsAt': date ? '时间应为 15:00 这样的格式' : '请选择会议日期' },
        general: null,
      })
    }
    scheduling.submit(startsAt)
  }
  return (
    <View className="card" data-testid="schedule-form">
      <FormField label="会议类型" required>
        <PickerField
          testId="schedule-type"
          range={TYPES.map((t) => MEETING_TYPE_LABELS[t])}
          index={TYPES.indexOf(type)}
          text={MEETING_TYPE_LABELS[type]}
          onPick={(index) => setType(TYPES[index])}
        />
      </FormField>
      <FormField label="会议名称" required error={errors.fields['meeting.title']}>
        <TypedField
          testId="schedule-title"
          placeholder="如：学习新修订的纪律处分条例"
          value={title}
          invalid={Boolean(errors.fields['meeting.title'])}
          onInput={setTitle}
        />
      </FormField>
      <FormField label="议程（选填）" error={errors.fields['meeting.agenda']}>
        <TextAreaField
          testId="schedule-agenda"
          value={agenda}
          maxlength={2000}
          placeholder="如：1. 传达上级精神；2. 研究部署工作；3. 交流讨论"
          onInput={setAgenda}
        />
      </FormField>
      <FormField label="日期" required error={whenError} hint="可直接输入，如 2026-05-12，或点“选择”">
        <TypeOrPick
          mode="date"
          testId="schedule-date"
          placeholder="YYYY-MM-DD"
          value={date}
          invalid={Boolean(whenError)}
          onChange={setDate}
        />
      </FormField>
      <FormField label="开始时间" required>
        <TypeOrPick mode="time" testId="schedule-time" placeholder="HH:mm" value={time} onChange={setTime} />
      </FormField>
      <FormField label="时长（小时）" error={errors.fields['meeting.endsAt']}>
        <TypedField testId="schedule-hours" type="digit" value={hours} onInput={setHours} />
      </FormField>
      <FormField label="地点" required error={errors.fields['meeting.place']}>
        <TypedField
          testId="schedule-place"
          placeholder="如：实验小学党员活动室"
          value={place}
          invalid={Boolean(errors.fields['meeting.place'])}
          onInput={setPlace}
        />
      </FormField>
      {type === 'theme_day' ? (
        <FormField label="每月重复次数（1–12）" error={errors.fields.repeatMonthly} hint="主题党日可一次安排连续几个月">
          <TypedField type="number" value={repeat} onInput={setRepeat} />
        </FormField>
      ) : null}
      <FieldError message={errors.general} testId="schedule-error" />
      <Button
        className="btn btn--primary meet-bar"
        data-testid="schedule-submit"
        disabled={scheduling.busy || undefined}
        onClick={submit}
      >
        {scheduling.busy ? '正在安排…' : '安排会议'}
      </Button>
      <Text className="field-hint">安排后，参会党员可在“会议”中看到通知，并可订阅会前提醒。</Text>
    </View>
  )
}
