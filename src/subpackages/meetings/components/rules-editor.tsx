import { Button, Input, Picker, Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { FREQUENCY_LABELS } from '../../../../types/labels'
import type { Frequency, MeetingRules, MeetingType, SchoolTerm } from '../../../../types/meetings'
import { FieldError } from '../../../components/field-error'
import { FormField } from '../../../components/form-field'
import type { FormErrors } from '../../../lib/form-errors'
import { MEETING_TYPE_LABELS } from '../../../lib/meeting-labels'
import './meetings.css'

const TYPES = Object.keys(MEETING_TYPE_LABELS) as MeetingType[]
const FREQUENCIES: { value: Frequency | null; label: string }[] = [
  ...(['month', 'quarter', 'half', 'year', 'term'] as const).map((value) => ({
    value,
    label: FREQUENCY_LABELS[value],
  })),
  { value: null, label: '不要求' },
]
const AT_LEAST = [1, 2, 3, 4]

export type RulesField =
  | 'checkInOpensMinutes'
  | 'lateGraceMinutes'
  | 'themeDayReminderDay'
  | 'recordWithinDays'
  | 'backfillWithinDays'
  | 'terms'

/** The record deadlines: 待补记录 until the first, a 补录 still counts until the second. */
const RECORD_FIELDS: { key: RulesField & keyof RulesDraft; label: string; testId: string }[] = [
  {
    key: 'recordWithinDays',
    label: '会后几天内登记考勤和会议记录（1–60，逾期显示“未开展”）',
    testId: 'rules-record-days',
  },
  {
    key: 'backfillWithinDays',
    label: '会后几天内补录仍计入“已开展”（不少于上一项，最多366）',
    testId: 'rules-backfill-days',
  },
]

/** The check-in and reminder numbers, each with its range in the label. */
const NUMBER_FIELDS: { key: RulesField & keyof RulesDraft; label: string; testId: string }[] = [
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
  recordWithinDays: string
  backfillWithinDays: string
  /** 学期: the bureau's school terms, for types required every term. */
  terms: SchoolTerm[]
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
        <Text className="card__title">规定会议的最低频次</Text>
        {TYPES.map((type) => {
          const minimum = draft.minimums[type]
          return (
            <View key={type} className="meet-rule divided" data-testid="rules-type" data-type={type}>
              <Text>{MEETING_TYPE_LABELS[type]}</Text>
              <View className="chips">
                {FREQUENCIES.map(({ value, label }) => (
                  <Text
                    key={label}
                    className={`chip${(minimum?.every ?? null) === value ? ' chip--on' : ''}`}
                    onClick={() =>
                      onChange({
                        ...draft,
                        minimums: {
                          ...draft.minimums,
                          [type]: value ? { every: value, atLeast: minimum?.atLeast ?? 1 } : null,
                        },
                      })
                    }
                  >
                    {label}
                  </Text>
                ))}
              </View>
              {minimum ? (
                <Picker
                  mode="selector"
                  range={AT_LEAST.map((n) => `至少${n}次`)}
                  value={minimum.atLeast - 1}
                  onChange={(e) =>
                    onChange({
                      ...draft,
                      minimums: {
                        ...draft.minimums,
                        [type]: { ...minimum, atLeast: AT_LEAST[Number(e.detail.value)] },
                      },
                    })
                  }
                >
                  <View className="field-input meet-picker" data-testid={`rules-at-least-${type}`}>
                    <Text>
                      {FREQUENCY_LABELS[minimum.every]}至少{minimum.atLeast}次
                    </Text>
                    <Text className="muted">›</Text>
                  </View>
                </Picker>
              ) : null}
            </View>
          )
        })}
      </View>
      <TermsEditor
        terms={draft.terms}
        error={errors.fields.terms}
        onChange={(terms) => onChange({ ...draft, terms })}
      />
      <View className="card">
        <Text className="card__title">会议记录时限</Text>
        {RECORD_FIELDS.map(({ key, label, testId }) => (
          <FormField key={key} label={label} error={errors.fields[key]}>
            <Input
              className={`field-input ${errors.fields[key] ? 'field-input--invalid' : ''}`}
              data-testid={testId}
              type="number"
              value={String(draft[key])}
              onInput={(e) => onChange({ ...draft, [key]: e.detail.value })}
            />
          </FormField>
        ))}
        <Text className="field-hint">
          会议须有考勤（至少一人出席）和会议记录才算“已开展”；党员大会还须到会的正式党员过半数。
        </Text>
      </View>
      <View className="card">
        <Text className="card__title">签到时间</Text>
        {NUMBER_FIELDS.map(({ key, label, testId }) => (
          <FormField key={key} label={label} error={errors.fields[key]}>
            <Input
              className={`field-input ${errors.fields[key] ? 'field-input--invalid' : ''}`}
              data-testid={testId}
              type="number"
              value={String(draft[key])}
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

/** 学期: the bureau's school terms (name, first and last day), for types required every term. */
function TermsEditor({
  terms,
  error,
  onChange,
}: {
  terms: SchoolTerm[]
  error?: string
  onChange: (terms: SchoolTerm[]) => void
}) {
  const set = (index: number, patch: Partial<SchoolTerm>) =>
    onChange(terms.map((term, at) => (at === index ? { ...term, ...patch } : term)))
  const last = terms[terms.length - 1]
  const nextYear = last ? Number(last.end.slice(0, 4)) : null
  return (
    <View className="card" data-testid="rules-terms">
      <Text className="card__title">学期设置（按学期要求的会议用）</Text>
      {terms.length === 0 ? <Text className="field-hint">尚未设置学期</Text> : null}
      {terms.map((term, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: terms have no id; while its name and dates are typed, a row's place is what it is
        <View key={index} className="meet-rule divided">
          <Input
            className="field-input"
            value={term.name}
            placeholder="学期名称，如：2026—2027学年第一学期"
            onInput={(e) => set(index, { name: e.detail.value })}
          />
          <View className="meet-when">
            {(['start', 'end'] as const).map((edge) => (
              <Picker
                key={edge}
                mode="date"
                value={term[edge]}
                onChange={(e) => set(index, { [edge]: String(e.detail.value) })}
              >
                <View className="field-input meet-picker">
                  <Text>
                    {edge === 'start' ? '开始' : '结束'} {term[edge]}
                  </Text>
                </View>
              </Picker>
            ))}
          </View>
          <Text className="link" onClick={() => onChange(terms.filter((_, at) => at !== index))}>
            删除这个学期
          </Text>
        </View>
      ))}
      <FieldError message={error} />
      <Button
        className="btn btn--ghost meet-bar"
        data-testid="rules-add-term"
        onClick={() =>
          onChange([
            ...terms,
            nextYear
              ? { name: `${nextYear}年春季学期`, start: `${nextYear}-02-25`, end: `${nextYear}-07-05` }
              : { name: '第一学期', start: '2026-09-01', end: '2027-01-20' },
          ])
        }
      >
        添加学期
      </Button>
    </View>
  )
}
