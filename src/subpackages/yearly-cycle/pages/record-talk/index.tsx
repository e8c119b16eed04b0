import { Button, Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { FieldError } from '../../../../components/field-error'
import { FormField, PickerField, TextAreaField } from '../../../../components/form-field'
import { Page } from '../../../../components/page'
import { PageState } from '../../../../components/page-state'
import { useAction } from '../../../../hooks/use-action'
import { useSubmit } from '../../../../hooks/use-submit'
import { newRequestId } from '../../../../lib/request-id'
import { dateKey } from '../../../../lib/time'
import { call } from '../../../../services/call'

/** 记录谈话: with whom, the day, the topic and the summary (read only by the two and the secretary). */
export default function RecordTalkPage() {
  const partners = useAction('yearly-cycle', 'talkPartners', {})
  return (
    <Page>
      <PageState
        query={partners}
        isEmpty={(data) => data.items.length === 0}
        empty={{ title: '没有可记录谈话的党员', hint: '编入支部后，可记录与本支部党员的谈心谈话' }}
      >
        {(data) => <TalkForm partners={data.items} />}
      </PageState>
    </Page>
  )
}

function TalkForm({ partners }: { partners: { memberId: string; name: string; committee: boolean }[] }) {
  const [withIndex, setWithIndex] = useState<number | null>(null)
  const [on, setOn] = useState(dateKey(Date.now()))
  const [topic, setTopic] = useState('')
  const [summary, setSummary] = useState('')
  // One key per form: a retried save after a lost reply records the talk once.
  const [requestId] = useState(newRequestId)
  const saving = useSubmit(
    () =>
      call('yearly-cycle', 'recordTalk', {
        withMemberId: withIndex === null ? '' : partners[withIndex].memberId,
        on,
        topic,
        summary,
        requestId,
      }),
    {
      fields: ['withMemberId', 'on', 'topic', 'summary'],
      toast: '谈话已记录',
      onDone: () => Taro.navigateBack(),
    },
  )
  const { fields } = saving.errors
  return (
    <View className="card" data-testid="talk-form">
      <FormField label="谈话对象" required error={fields.withMemberId}>
        <PickerField
          range={partners.map((p) => (p.committee ? `${p.name}（支委）` : p.name))}
          index={withIndex ?? 0}
          text={withIndex === null ? null : partners[withIndex].name}
          placeholder="选择本支部党员"
          onPick={setWithIndex}
          testId="talk-with"
        />
      </FormField>
      <FormField label="谈话日期" required error={fields.on}>
        <Input
          className="field-input"
          data-testid="talk-on"
          placeholder="YYYY-MM-DD"
          value={on}
          onInput={(e) => setOn(e.detail.value)}
        />
      </FormField>
      <FormField label="谈话主题" required error={fields.topic}>
        <Input
          className="field-input"
          data-testid="talk-topic"
          placeholder="如：思想与工作情况"
          value={topic}
          onInput={(e) => setTopic(e.detail.value)}
        />
      </FormField>
      <FormField label="谈话要点" required error={fields.summary}>
        <TextAreaField value={summary} onInput={setSummary} maxlength={1000} testId="talk-summary" />
      </FormField>
      <Text className="muted">谈话要点仅谈话双方和支部书记可见。</Text>
      <FieldError message={saving.errors.general} />
      <Button
        className="btn btn--primary"
        data-testid="talk-submit"
        loading={saving.busy}
        onClick={() => saving.submit()}
      >
        保存
      </Button>
    </View>
  )
}
