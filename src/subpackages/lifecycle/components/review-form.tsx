import { Button, View } from '@tarojs/components'
import { useState } from 'react'
import { FieldError } from '../../../components/field-error'
import { FormField, TextAreaField, TypeOrPick } from '../../../components/form-field'
import { useSubmit } from '../../../hooks/use-submit'
import { dateKey } from '../../../lib/time'
import { call } from '../../../services/call'
import { newRequestId } from '../lib/request-id'

const FIELDS = ['on', 'text'] as const

/** 添加考察记录: a 培养联系人's or the committee's note on the person; one request id per note, so a retry adds it once. */
export function ReviewForm({ fileId, onAdded }: { fileId: string; onAdded: () => void }) {
  const [requestId, setRequestId] = useState(() => newRequestId('note'))
  const [on, setOn] = useState<string | null>(dateKey(Date.now()))
  const [text, setText] = useState('')
  const adding = useSubmit(() => call('lifecycle', 'addReviewNote', { requestId, fileId, on: on ?? '', text }), {
    fields: FIELDS,
    toast: '已添加考察记录',
    onDone: () => {
      setText('')
      setRequestId(newRequestId('note'))
      onAdded()
    },
  })
  return (
    <View className="card" data-testid="dev-review-form">
      <FormField label="考察日期" required error={adding.errors.fields.on}>
        <TypeOrPick mode="date" placeholder="YYYY-MM-DD" value={on ?? ''} onChange={setOn} />
      </FormField>
      <FormField label="考察记录" required hint="不少于10个字" error={adding.errors.fields.text}>
        <TextAreaField
          testId="dev-review-text"
          value={text}
          maxlength={2000}
          invalid={Boolean(adding.errors.fields.text)}
          placeholder="思想、学习、工作表现和培养教育情况"
          onInput={setText}
        />
      </FormField>
      <FieldError message={adding.errors.general} />
      <Button
        className="btn btn--ghost"
        data-testid="dev-review-submit"
        disabled={adding.busy || undefined}
        onClick={() => adding.submit()}
      >
        添加考察记录
      </Button>
    </View>
  )
}
