import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { PointsRule } from '../../../../../types/points'
import { PageState } from '../../../../components/page-state'
import { useAction } from '../../../../hooks/use-action'
import { type FormErrors, formErrorsOf, NO_ERRORS } from '../../../../lib/form-errors'
import { call } from '../../../../services/call'
import { ConversionForm, ConversionList } from '../../components/conversion-form'
import {
  CONVERSION_FIELDS,
  type ConversionDraft,
  type ConversionField,
  type ConversionRow,
  conversionInput,
  conversionProblems,
  convertibleRules,
  draftOfConversion,
  newConversion,
  withSaved,
} from '../../lib/conversion-draft'
import '../../components/points.css'

/** 外部积分折算: bureau staff set how scores kept elsewhere (学习强国…) become points for the bulk import. */
export default function ConversionsPage() {
  const me = useAction('roster', 'me', {})
  return (
    <View className="page">
      <PageState query={me}>
        {(caller) =>
          caller.roles.includes('bureau_staff') ? (
            <Manager />
          ) : (
            <View className="card" data-testid="conversion-notice">
              <Text>外部积分的折算比例由教育局党委设置。</Text>
            </View>
          )
        }
      </PageState>
    </View>
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
  const [errors, setErrors] = useState<FormErrors<ConversionField>>(NO_ERRORS)
  const [saving, setSaving] = useState(false)
  const [saved, setSaved] = useState<string | null>(null)

  const change = (next: ConversionDraft) => {
    setDraft(next)
    setSaved(null)
  }

  const save = async () => {
    setSaved(null)
    const problems = conversionProblems(draft)
    if (Object.keys(problems).length > 0) return setErrors({ fields: problems, general: null })
    setErrors(NO_ERRORS)
    setSaving(true)
    const result = await call('points', 'setScoreConversion', conversionInput(draft))
    setSaving(false)
    if (!result.ok) return setErrors(formErrorsOf(result.error, CONVERSION_FIELDS))
    const rule = rules.find((r) => r.key === result.data.ruleKey)
    setRows(withSaved(rows, { ...result.data, caps: rule?.caps ?? { day: null, month: null, year: null } }))
    setSaved(`已保存：${result.data.source}积分每 1 分折算 ${result.data.factor} 分，计入“${result.data.ruleName}”`)
  }

  return (
    <>
      <ConversionList
        rows={rows}
        onEdit={(row) => {
          change(draftOfConversion(row))
          setErrors(NO_ERRORS)
        }}
      />
      <ConversionForm
        draft={draft}
        rules={rules}
        errors={errors}
        saving={saving}
        saved={saved}
        onChange={change}
        onSave={save}
      />
    </>
  )
}
