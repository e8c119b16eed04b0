import { Button, Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { OutputOf } from '../../../../types/api'
import { ConfirmDialog } from '../../../components/confirm-dialog'
import { FieldError } from '../../../components/field-error'
import { FormField, TextAreaField } from '../../../components/form-field'
import { ListItem } from '../../../components/list-item'
import { useSubmit } from '../../../hooks/use-submit'
import { newRequestId } from '../../../lib/request-id'
import { call } from '../../../services/call'

type Opinions = OutputOf<'yearly-cycle', 'listOpinions'>

/** 征求到的意见: each with its day and who gave it — 群众 (the public), a signed member's name, or 匿名. */
export function OpinionList({ list }: { list: Opinions }) {
  return (
    <View className="card" data-testid="org-life-opinions">
      <Text className="card__title">{`征求到的意见（${list.total}条）`}</Text>
      {list.items.length === 0 ? <Text className="muted">还没有收到意见</Text> : null}
      {list.items.map((item) => (
        <ListItem
          key={item.id}
          testId="org-life-opinion-item"
          title={item.text}
          badges={item.source === 'public' ? <Text className="tag tag--plain">群众</Text> : null}
          meta={[item.day, item.source === 'public' ? '群众意见（匿名）' : (item.author ?? '匿名')]}
        />
      ))}
    </View>
  )
}

/**
 * 记录群众意见: the secretary writes down an opinion gathered from the public (a parent, a teacher
 * outside the Party, at a 座谈会 or from a suggestion box). It is kept anonymous — no author, the
 * day only — and confirmed before it is recorded, since a recorded opinion cannot be taken back.
 */
export function PublicOpinionForm({ orgLifeId, onRecorded }: { orgLifeId: string; onRecorded: () => void }) {
  const [text, setText] = useState('')
  const [confirming, setConfirming] = useState(false)
  const [requestId, setRequestId] = useState(newRequestId)
  const recording = useSubmit(
    () =>
      call('yearly-cycle', 'submitOpinion', {
        requestId,
        orgLifeId,
        text: text.trim(),
        anonymous: true,
        fromPublic: true,
      }),
    {
      fields: ['text'],
      toast: '群众意见已记录',
      onDone: () => {
        setText('')
        setRequestId(newRequestId())
        onRecorded()
      },
    },
  )
  return (
    <View className="card" data-testid="org-life-public-opinion">
      <Text className="card__title">记录群众意见</Text>
      <FormField
        label="群众提出的意见建议"
        required
        hint="通过座谈、走访、意见箱等征求到的群众意见，匿名记录，不记提出人"
        error={recording.errors.fields.text}
      >
        <TextAreaField value={text} onInput={setText} maxlength={500} testId="org-life-public-opinion-text" />
      </FormField>
      <FieldError message={recording.errors.general} />
      <Button
        className="btn btn--ghost"
        data-testid="org-life-public-opinion-record"
        disabled={text.trim().length === 0 || undefined}
        loading={recording.busy}
        onClick={() => setConfirming(true)}
      >
        记录群众意见
      </Button>
      <ConfirmDialog
        visible={confirming}
        title="记录群众意见"
        message={`将作为群众意见匿名记录，记录后不能修改或删除：\n“${text.trim()}”`}
        confirmLabel="确认记录"
        onConfirm={() => {
          setConfirming(false)
          recording.submit()
        }}
        onCancel={() => setConfirming(false)}
      />
    </View>
  )
}
