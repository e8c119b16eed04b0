import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { MeetingRules } from '../../../../../types/meetings'
import { PageState } from '../../../../components/page-state'
import { useAction } from '../../../../hooks/use-action'
import { type FormErrors, formErrorsOf, NO_ERRORS } from '../../../../lib/form-errors'
import { call } from '../../../../services/call'
import { type RulesDraft, RulesEditor, type RulesField } from '../../components/rules-editor'
import '../../components/meetings.css'

const FIELDS: readonly RulesField[] = [
  'checkInOpensMinutes',
  'lateGraceMinutes',
  'themeDayReminderDay',
  'recordWithinDays',
  'backfillWithinDays',
  'terms',
]

/** 会议规则: bureau staff set the county's 三会一课 minimums (how often, at least how many), terms, record deadlines and check-in. */
export default function RulesPage() {
  const rules = useAction('meetings', 'getRules', {})
  return (
    <View className="page">
      <PageState query={rules}>{(data) => <Editor rules={data} />}</PageState>
    </View>
  )
}

function Editor({ rules }: { rules: MeetingRules }) {
  const [draft, setDraft] = useState<RulesDraft>({
    minimums: rules.minimums,
    checkInOpensMinutes: String(rules.checkInOpensMinutes),
    lateGraceMinutes: String(rules.lateGraceMinutes),
    themeDayReminderDay: rules.themeDayReminderDay === null ? '' : String(rules.themeDayReminderDay),
    longTermSubscriptions: rules.longTermSubscriptions,
    recordWithinDays: String(rules.recordWithinDays),
    backfillWithinDays: String(rules.backfillWithinDays),
    terms: rules.terms,
  })
  const [errors, setErrors] = useState<FormErrors<RulesField>>(NO_ERRORS)
  const [saving, setSaving] = useState(false)
  const save = async () => {
    setSaving(true)
    setErrors(NO_ERRORS)
    const result = await call('meetings', 'updateRules', {
      ...rules,
      minimums: draft.minimums,
      checkInOpensMinutes: Number(draft.checkInOpensMinutes),
      lateGraceMinutes: Number(draft.lateGraceMinutes),
      themeDayReminderDay: draft.themeDayReminderDay.trim() === '' ? null : Number(draft.themeDayReminderDay),
      longTermSubscriptions: draft.longTermSubscriptions,
      recordWithinDays: Number(draft.recordWithinDays),
      backfillWithinDays: Number(draft.backfillWithinDays),
      terms: draft.terms,
      // Switched on, the tenant's own reminder templates are the long-term ones unless set otherwise.
      longTermTemplates:
        draft.longTermSubscriptions && rules.longTermTemplates.length === 0
          ? [rules.templates.meetingReminder, rules.templates.politicalBirthday]
          : rules.longTermTemplates,
    })
    setSaving(false)
    if (!result.ok) return setErrors(formErrorsOf(result.error, FIELDS))
    Taro.showToast({ title: '会议规则已保存', icon: 'success' })
  }
  return <RulesEditor draft={draft} errors={errors} saving={saving} onChange={setDraft} onSave={save} />
}
