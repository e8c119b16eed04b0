import { Button, Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { Result } from '../../../../types/result'
import { FormField, TextAreaField, TypeOrPick } from '../../../components/form-field'
import { PhotoPicker } from '../../../components/photo-picker'
import { usePhotoUploads } from '../../../components/photo-picker/use-photo-uploads'
import { useAction } from '../../../hooks/use-action'
import { useSubmit } from '../../../hooks/use-submit'
import { uploadPath } from '../../../lib/cloud-paths'
import { useRequestId } from '../../../lib/request-id'
import { dateKey } from '../../../lib/time'

const MAX_FILES = 9

export interface DatedRecord {
  requestId: string
  on: string
  text: string
  fileIds: string[]
}

interface RecordFormProps {
  /** What is recorded: 履诺情况, 帮扶内容. */
  label: string
  placeholder: string
  testId: string
  toast: string
  send: (record: DatedRecord) => Promise<Result<unknown>>
  onDone: () => void
  onCancel: () => void
}

/**
 * A dated record with photos — a deed under a 示范岗 commitment, a 结对帮扶
 * visit: the day (today by default, never later), what was done, photos in
 * the writer's own folder; one request id per intent, so a retry records once.
 */
export function RecordForm({ label, placeholder, testId, toast, send, onDone, onCancel }: RecordFormProps) {
  const me = useAction('roster', 'me', {})
  const [requestId] = useRequestId()
  const [on, setOn] = useState(dateKey(Date.now()))
  const [text, setText] = useState('')
  const folder = me.state === 'ok' ? ['assessment', me.data.tenant.id, me.data.memberId] : null
  const { photos, uploading, add } = usePhotoUploads(() => [], {
    max: MAX_FILES,
    pathOf: (name) => uploadPath(folder ?? ['assessment'], name, Date.now(), 'jpg'),
  })
  const saving = useSubmit(() => send({ requestId, on, text, fileIds: photos.map((photo) => photo.fileID) }), {
    fields: ['on', 'text', 'note', 'fileIds'] as const,
    toast,
    onDone,
  })
  return (
    <View data-testid={testId}>
      <FormField label="日期" required error={saving.errors.fields.on}>
        <TypeOrPick mode="date" testId={`${testId}-on`} placeholder="YYYY-MM-DD" value={on} onChange={setOn} />
      </FormField>
      <FormField
        label={label}
        required
        hint="不少于10个字"
        error={saving.errors.fields.text ?? saving.errors.fields.note}
      >
        <TextAreaField
          value={text}
          onInput={setText}
          maxlength={1000}
          placeholder={placeholder}
          testId={`${testId}-text`}
        />
      </FormField>
      <FormField label="照片" error={saving.errors.fields.fileIds}>
        <PhotoPicker
          testIdPrefix={`${testId}-`}
          count={photos.length}
          max={MAX_FILES}
          uploading={uploading || !folder}
          noun="照片"
          empty="可添加现场照片（选填）"
          onAdd={() => add()}
        />
      </FormField>
      {saving.errors.general ? (
        <Text className="field-error" data-testid={`${testId}-error`}>
          {saving.errors.general}
        </Text>
      ) : null}
      <View className="btn-row">
        <Button className="btn btn--ghost" onClick={onCancel}>
          取消
        </Button>
        <Button
          className="btn btn--primary"
          data-testid={`${testId}-submit`}
          loading={saving.busy}
          disabled={saving.busy || undefined}
          onClick={() => saving.submit()}
        >
          保存
        </Button>
      </View>
    </View>
  )
}
