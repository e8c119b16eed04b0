import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { RuleCatalogue } from '../../../../../types/points'
import { PageState } from '../../../../components/page-state'
import { useAction } from '../../../../hooks/use-action'
import { type FormErrors, formErrorsOf, NO_ERRORS } from '../../../../lib/form-errors'
import { call } from '../../../../services/call'
import { RulesEditor } from '../../components/rules-editor'
import { type CatalogueDraft, catalogueFields, catalogueInput, draftOf, newRule } from '../../lib/rules-draft'
import { CONVERSIONS_URL } from '../../lib/urls'
import '../../components/points.css'

/** 积分细则: bureau staff edit the county's rule catalogue; everyone else reads it. */
export default function RulesPage() {
  const me = useAction('roster', 'me', {})
  const rules = useAction('points', 'getRules', {})
  return (
    <View className="page">
      <PageState query={me}>
        {(caller) =>
          caller.roles.includes('bureau_staff') ? (
            <>
              <View className="card" data-testid="rules-conversions">
                <Text className="points-hint">学习强国等外部积分按折算比例计入积分项目，供支部书记批量导入。</Text>
                <Button className="btn btn--ghost" onClick={() => Taro.navigateTo({ url: CONVERSIONS_URL })}>
                  外部积分折算
                </Button>
              </View>
              <PageState query={rules}>{(catalogue) => <Editor catalogue={catalogue} />}</PageState>
            </>
          ) : (
            <View className="card" data-testid="rules-notice">
              <Text>积分细则由教育局党委制定和修改。</Text>
            </View>
          )
        }
      </PageState>
    </View>
  )
}

function Editor({ catalogue }: { catalogue: RuleCatalogue }) {
  const [draft, setDraft] = useState<CatalogueDraft>(() => draftOf(catalogue))
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS)
  const [saving, setSaving] = useState(false)

  const save = async () => {
    setSaving(true)
    setErrors(NO_ERRORS)
    const result = await call('points', 'updateRules', catalogueInput(draft))
    setSaving(false)
    if (!result.ok) {
      setErrors(formErrorsOf(result.error, catalogueFields(draft.rules.length)))
      return
    }
    setDraft(draftOf(result.data))
    Taro.showToast({ title: '积分细则已保存', icon: 'success' })
  }

  return (
    <RulesEditor
      draft={draft}
      errors={errors}
      saving={saving}
      onChange={setDraft}
      onAddRule={() => setDraft({ ...draft, rules: [...draft.rules, newRule(draft.rules.length)] })}
      onSave={save}
    />
  )
}
