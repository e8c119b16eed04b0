import { Button, Input, Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import type { Frequency, MeetingRules, MeetingType } from '../../../../types/meetings'
import { FieldError } from '../../../components/field-error'
import { FormField } from '../../../components/form-field'
import type { FormErrors } from '../../../lib/form-errors'
import { MEETING_TYPE_LABELS } from '../../../lib/meeting-labels'
import './meetings.css'

const TYPES = Object.keys(MEETING_TYPE_LABELS) as MeetingType[]
const FREQUENCIES: { value: Frequency | null; label: string }[] = [
  { value: 'month', label: '每月' },
  { value: 'quarter', label: '每季度' },
  { value: 'year', label: '每年' },
  { value: null, label: '不要求' },
]

export type RulesField = 'checkInOpensMinutes' | 'lateGraceMinutes' | 'themeDayReminderDay'

/** The check-in and reminder numbers, each with its range in the label. */
const NUMBER_FIELDS: { key: RulesField; label: string; testId: string }[] = [
  { key: 'checkInOpensMinutes', label: '会前多少分钟开始签到（0–240）', testId: 'rules-opens' },
  { key: 'lateGraceMinutes', label: '开始后多少分钟内签到不算迟到（0–60）', testId: 'rules-grace' },
  {
    key: 'themeDayReminderDay',
    label: '每月几号起提醒尚未安排主题党日的支部（1–28，留空不提醒）',
    testId: 'rules-theme-day',
  },
]

/** The editor's draft: numbers as typed, so a half-typed value is not lost. */
export interface RulesDraft {
  minimums: MeetingRules['minimums']
  checkInOpensMinutes: string
  lateGraceMinutes: string
  /** Day of the month for the 主题党日 check; empty = off. */
  themeDayReminderDay: string
  /** 长期订阅: the tenant's category allows long-term subscribe messages. */
  longTermSubscriptions: boolean
}

interface RulesEditorProps {
  draft: RulesDraft
  errors: FormErrors<string>
  saving: boolean
  onChange: (draft: RulesDraft) => void
  onSave: () => void
  /** The 订阅消息 template table, between the check-in numbers and the save button. */
  children?: ReactNode
}

/** 会议规则: the minimum frequency of each meeting type, when check-in opens, when a check-in is late. */
export function RulesEditor({ draft, errors, saving, onChange, onSave, children }: RulesEditorProps) {
  return (
    <View data-testid="rules-editor">
      <View className="card">
        <Text className="card__title">最低召开频次</Text>
        {TYPES.map((type) => (
          <View key={type} className="meet-rule divided" data-testid="rules-type" data-type={type}>
            <Text className="field-label">{MEETING_TYPE_LABELS[type]}</Text>
            <View className="chips">
              {FREQUENCIES.map(({ value, label }) => (
                <Text
                  key={label}
                  className={`chip${(draft.minimums[type] ?? null) === value ? ' chip--on' : ''}`}
                  onClick={() => onChange({ ...draft, minimums: { ...draft.minimums, [type]: value } })}
                >
                  {label}
                </Text>
              ))}
            </View>
          </View>
        ))}
      </View>
      <View className="card">
        <Text className="card__title">签到时间</Text>
        {NUMBER_FIELDS.map(({ key, label, testId }) => (
          <FormField key={key} label={label} error={errors.fields[key]}>
            <Input
              className={`field-input ${errors.fields[key] ? 'field-input--invalid' : ''}`}
              data-testid={testId}
              type="number"
              value={draft[key]}
              onInput={(e) => onChange({ ...draft, [key]: e.detail.value })}
            />
          </FormField>
        ))}
      </View>
      {children}
      <View className="card">
        <FormField
          label="订阅方式"
          hint="长期订阅仅限政务、教育、医疗等类目的小程序：开启后，党员订阅一次即可持续收到会议提醒和政治生日祝福，不再逐次消耗订阅次数。"
        >
          <View className="chips">
            {[
              { value: false, label: '一次性订阅' },
              { value: true, label: '长期订阅' },
            ].map(({ value, label }) => (
              <Text
                key={label}
                className={`chip${draft.longTermSubscriptions === value ? ' chip--on' : ''}`}
                data-testid={value ? 'rules-long-term-on' : 'rules-long-term-off'}
                onClick={() => onChange({ ...draft, longTermSubscriptions: value })}
              >
                {label}
              </Text>
            ))}
          </View>
        </FormField>
        <FieldError message={errors.general} testId="rules-error" />
        <Button
          className="btn btn--primary meet-bar"
          data-testid="rules-save"
          loading={saving}
          disabled={saving || undefined}
          onClick={onSave}
        >
          保存规则
        </Button>
      </View>
    </View>
  )
}
