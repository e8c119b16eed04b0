import { useState } from 'react'
import type { MeetingRules } from '../../../../../types/meetings'
import type { SubscribeTemplates } from '../../../../../types/subscribe-templates'
import { Page } from '../../../../components/page'
import { PageState } from '../../../../components/page-state'
import { useAction } from '../../../../hooks/use-action'
import { useSubmit } from '../../../../hooks/use-submit'
import { formErrorsOf } from '../../../../lib/form-errors'
import { call } from '../../../../services/call'
import { type RulesDraft, RulesEditor, type RulesField } from '../../components/rules-editor'
import { TemplatesEditor } from '../../components/templates-editor'
import { checkedTable, TEMPLATE_PATHS } from '../../lib/templates-draft'
import '../../components/meetings.css'

const FIELDS: readonly RulesField[] = [
  'checkInOpensMinutes',
  'lateGraceMinutes',
  'themeDayReminderDay',
  'recordWithinDays',
  'backfillWithinDays',
  'terms',
]

/** 会议规则: bureau staff set the county's 三会一课 minimums (how often, at least how many), terms, record deadlines, check-in and the 订阅消息 templates. */
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
  const [templates, setTemplates] = useState<SubscribeTemplates>(rules.templates)
  const [checked, setChecked] = useState(false)
  const saving = useSubmit(
    async () => {
      setChecked(true)
      // The table's keyword rules are checked here first, the same check the server makes.
      const refused = checkedTable(templates)
      if (refused) return refused
      return call('meetings', 'updateRules', {
        ...rules,
        minimums: draft.minimums,
        checkInOpensMinutes: Number(draft.checkInOpensMinutes),
        lateGraceMinutes: Number(draft.lateGraceMinutes),
        themeDayReminderDay: draft.themeDayReminderDay.trim() === '' ? null : Number(draft.themeDayReminderDay),
        templates,
        longTermSubscriptions: draft.longTermSubscriptions,
        recordWithinDays: Number(draft.recordWithinDays),
        backfillWithinDays: Number(draft.backfillWithinDays),
        terms: draft.terms,
        // Switched on, the tenant's own reminder templates are the long-term ones unless set otherwise.
        longTermTemplates:
          draft.longTermSubscriptions && rules.longTermTemplates.length === 0
            ? [templates.meetingReminder.templateId, templates.politicalBirthday.templateId].filter(Boolean)
            : rules.longTermTemplates,
      })
    },
    {
      // Beside each cell, and a line by the save button too: the table is long, the button at its end.
      fields: (error) => {
        const placed = formErrorsOf(error, [...FIELDS, ...TEMPLATE_PATHS])
        return { ...placed, general: placed.general ?? error.message }
      },
      toast: '会议规则已保存',
    },
  )
  return (
    <RulesEditor
      draft={draft}
      errors={saving.errors}
      saving={saving.busy}
      onChange={setDraft}
      onSave={() => saving.submit()}
    >
      <TemplatesEditor templates={templates} errors={saving.errors.fields} checked={checked} onChange={setTemplates} />
    </RulesEditor>
  )
}
