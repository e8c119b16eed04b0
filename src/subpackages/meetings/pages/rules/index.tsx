import { useState } from 'react'
import type { MeetingRules } from '../../../../../types/meetings'
import { PageState } from '../../../../components/page-state'
import { useAction } from '../../../../hooks/use-action'
import { useSubmit } from '../../../../hooks/use-submit'
import { call } from '../../../../services/call'
import { type RulesDraft, RulesEditor, type RulesField } from '../../components/rules-editor'
import '../../components/meetings.css'
import { Page } from '../../../../components/page'

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
    <Page>
      <PageState query={rules}>{(data) => <Editor rules={data} />}</PageState>
    </Page>
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
  const saving = useSubmit(
    () =>
      call('meetings', 'updateRules', {
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
      }),
    { fields: FIELDS, toast: '会议规则已保存' },
  )
  return (
    <RulesEditor
      draft={draft}
      errors={saving.errors}
      saving={saving.busy}
      onChange={setDraft}
      onSave={() => saving.submit()}
    />
  )
}
