import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { RuleCatalogue } from '../../../../../types/points'
import { Notice } from '../../../../components/notice'
import { PageState } from '../../../../components/page-state'
import { useAction } from '../../../../hooks/use-action'
import { useSubmit } from '../../../../hooks/use-submit'
import { CONVERSIONS_PAGE } from '../../../../lib/routes'
import { call } from '../../../../services/call'
import { RulesEditor } from '../../components/rules-editor'
import { type CatalogueDraft, catalogueFields, catalogueInput, draftOf, newRule } from '../../lib/rules-draft'
import '../../components/points.css'
import { Page } from '../../../../components/page'

/** 积分细则: bureau staff edit the county's rule catalogue; everyone else reads it. */
export default function RulesPage() {
  const me = useAction('roster', 'me', {})
  const rules = useAction('points', 'getRules', {})
  return (
    <Page>
      <PageState query={me}>
        {(caller) =>
          caller.roles.includes('bureau_staff') ? (
            <>
              <View className="card" data-testid="rules-conversions">
                <Text className="field-hint">学习强国等外部积分按折算比例计入积分项目，供支部书记批量导入。</Text>
                <Button className="btn btn--ghost" onClick={() => Taro.navigateTo({ url: CONVERSIONS_PAGE })}>
                  外部积分折算
                </Button>
              </View>
              <PageState query={rules}>{(catalogue) => <Editor catalogue={catalogue} />}</PageState>
            </>
          ) : (
            <Notice testId="rules-notice" text="积分细则由教育局党委制定和修改。" />
          )
        }
      </PageState>
    </Page>
  )
}

function Editor({ catalogue }: { catalogue: RuleCatalogue }) {
  const [draft, setDraft] = useState<CatalogueDraft>(() => draftOf(catalogue))
  const saving = useSubmit(() => call('points', 'updateRules', catalogueInput(draft)), {
    fields: catalogueFields(draft.rules.length),
    toast: '积分细则已保存',
    onDone: (saved) => setDraft(draftOf(saved)),
  })

  return (
    <RulesEditor
      draft={draft}
      errors={saving.errors}
      saving={saving.busy}
      onChange={setDraft}
      onAddRule={() => setDraft({ ...draft, rules: [...draft.rules, newRule(draft.rules.length)] })}
      onSave={() => saving.submit()}
    />
  )
}
