import { Button, Input, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { FieldError } from '../../../../components/field-error'
import { FormField, TextAreaField } from '../../../../components/form-field'
import { Page } from '../../../../components/page'
import { PageState } from '../../../../components/page-state'
import { useAction } from '../../../../hooks/use-action'
import { useSubmit } from '../../../../hooks/use-submit'
import { yearOf } from '../../../../lib/time'
import { call } from '../../../../services/call'

/** 年度工作设置 (bureau staff): the year's 组织生活会 theme for every branch, and the 优秀 share of 民主评议. */
export default function YearlySettingsPage() {
  const year = yearOf(Date.now())
  return (
    <Page>
      <ThemeForm year={year} />
      <PolicyForm />
    </Page>
  )
}

function ThemeForm({ year }: { year: number }) {
  const [theme, setTheme] = useState('')
  const [guidance, setGuidance] = useState('')
  const publishing = useSubmit(() => call('yearly-cycle', 'publishOrgLifeTheme', { year, theme, guidance }), {
    fields: ['theme', 'guidance'],
    toast: (published) => `已发布${published.year}年度组织生活会主题`,
  })
  return (
    <View className="card" data-testid="settings-theme">
      <Text className="card__title">{`${year}年度组织生活会主题`}</Text>
      <Text className="muted">发布后各支部按此主题开展组织生活会；再次发布会更新主题。</Text>
      <FormField label="主题" required error={publishing.errors.fields.theme}>
        <Input className="field-input" value={theme} maxlength={60} onInput={(e) => setTheme(e.detail.value)} />
      </FormField>
      <FormField label="指导意见" error={publishing.errors.fields.guidance}>
        <TextAreaField value={guidance} onInput={setGuidance} maxlength={2000} />
      </FormField>
      <FieldError message={publishing.errors.general} />
      <Button className="btn btn--primary" loading={publishing.busy} onClick={() => publishing.submit()}>
        发布主题
      </Button>
    </View>
  )
}

function PolicyForm() {
  const policy = useAction('yearly-cycle', 'getAppraisalPolicy', {})
  return (
    <PageState query={policy}>
      {(data) => <PolicyFields percent={data.excellentCapPercent} onSaved={policy.reload} />}
    </PageState>
  )
}

function PolicyFields({ percent, onSaved }: { percent: number; onSaved: () => void }) {
  const [value, setValue] = useState(String(percent))
  const saving = useSubmit(() => call('yearly-cycle', 'setAppraisalPolicy', { excellentCapPercent: Number(value) }), {
    fields: ['excellentCapPercent'],
    toast: '优秀比例已保存',
    onDone: onSaved,
  })
  return (
    <View className="card" data-testid="settings-policy">
      <Text className="card__title">民主评议优秀比例</Text>
      <FormField
        label="优秀至多占参评党员的百分比"
        required
        hint="按参评人数向下取整；已开始的评议不受影响"
        error={saving.errors.fields.excellentCapPercent}
      >
        <Input className="field-input" type="number" value={value} onInput={(e) => setValue(e.detail.value)} />
      </FormField>
      <FieldError message={saving.errors.general} />
      <Button className="btn btn--primary" loading={saving.busy} onClick={() => saving.submit()}>
        保存
      </Button>
    </View>
  )
}
