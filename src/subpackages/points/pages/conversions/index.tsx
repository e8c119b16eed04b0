import { useState } from 'react'
import type { PointsRule } from '../../../../../types/points'
import { Notice } from '../../../../components/notice'
import { PageState } from '../../../../components/page-state'
import { useAction } from '../../../../hooks/use-action'
import { useSubmit } from '../../../../hooks/use-submit'
import { NO_ERRORS } from '../../../../lib/form-errors'
import { call } from '../../../../services/call'
import { ConversionForm, ConversionList } from '../../components/conversion-form'
import {
  CONVERSION_FIELDS,
  type ConversionDraft,
  type ConversionRow,
  conversionInput,
  conversionProblems,
  convertibleRules,
  draftOfConversion,
  newConversion,
  withSaved,
} from '../../lib/conversion-draft'
import '../../components/points.css'
import { Page } from '../../../../components/page'

/** 外部积分折算: bureau staff set how scores kept elsewhere (学习强国…) become points for the bulk import. */
export default function ConversionsPage() {
  const me = useAction('roster', 'me', {})
  return (
    <Page>
      <PageState query={me}>
        {(caller) =>
          caller.roles.includes('bureau_staff') ? (
            <Manager />
          ) : (
            <Notice testId="conversion-notice" text="外部积分的折算比例由教育局党委设置。" />
          )
        }
      </PageState>
    </Page>
  )
}

function Manager() {
  const rules = useAction('points', 'getRules', {})
  const conversions = useAction('points', 'scoreConversions', {})
  return (
    <PageState query={rules}>
      {(catalogue) => (
        <PageState query={conversions}>
          {(data) => <Editor rules={convertibleRules(catalogue.rules)} initial={data.items} />}
        </PageState>
      )}
    </PageState>
  )
}

function Editor({ rules, initial }: { rules: PointsRule[]; initial: ConversionRow[] }) {
  const [rows, setRows] = useState<ConversionRow[]>(initial)
  const [draft, setDraft] = useState<ConversionDraft>(newConversion)
  const [saved, setSaved] = useState<string | null>(null)
  const saving = useSubmit(() => call('points', 'setScoreConversion', conversionInput(draft)), {
    fields: CONVERSION_FIELDS,
    onDone: (conversion) => {
      const rule = rules.find((r) => r.key === conversion.ruleKey)
      setRows(withSaved(rows, { ...conversion, caps: rule?.caps ?? { day: null, month: null, year: null } }))
      setSaved(`已保存：${conversion.source}积分每 1 分折算 ${conversion.factor} 分，计入“${conversion.ruleName}”`)
    },
  })

  const change = (next: ConversionDraft) => {
    setDraft(next)
    setSaved(null)
  }

  const save = () => {
    setSaved(null)
    const problems = conversionProblems(draft)
    if (Object.keys(problems).length > 0) return saving.setErrors({ fields: problems, general: null })
    saving.submit()
  }

  return (
    <>
      <ConversionList
        rows={rows}
        onEdit={(row) => {
          change(draftOfConversion(row))
          saving.setErrors(NO_ERRORS)
        }}
      />
      <ConversionForm
        draft={draft}
        rules={rules}
        errors={saving.errors}
        saving={saving.busy}
        saved={saved}
        onChange={change}
        onSave={save}
      />
    </>
  )
}
