import { Button, Input, View } from '@tarojs/components'
import { useState } from 'react'
import { AttachmentList, IMAGE, useAttachments } from '../../../components/attachments'
import { FieldError } from '../../../components/field-error'
import { FormField, TextAreaField } from '../../../components/form-field'
import { PhotoPicker } from '../../../components/photo-picker'
import { usePhotoUploads } from '../../../components/photo-picker/use-photo-uploads'
import { useAction } from '../../../hooks/use-action'
import { useSubmit } from '../../../hooks/use-submit'
import { uploadPath } from '../../../lib/cloud-paths'
import { call } from '../../../services/call'

const FIELDS = ['text', 'claimedScore', 'fileIds'] as const
const MAX_FILES = 9

interface SelfFormProps {
  roundId: string
  branchId: string
  indicatorKey: string
  maxScore: number
  entry: { text: string; files: { fileID: string; url: string }[]; claimedScore: number | null } | null
  onDone: () => void
  onCancel: () => void
}

/** 填写自评: what the branch did, photos and documents as evidence (uploaded to the writer's own folder), and its own score. */
export function SelfForm({ roundId, branchId, indicatorKey, maxScore, entry, onDone, onCancel }: SelfFormProps) {
  const me = useAction('roster', 'me', {})
  const [text, setText] = useState(entry?.text ?? '')
  const [claimed, setClaimed] = useState(entry?.claimedScore === null || !entry ? '' : String(entry.claimedScore))
  const folder = me.state === 'ok' ? ['assessment', me.data.tenant.id, me.data.memberId] : null
  const saved = entry?.files ?? []
  // Photos show as thumbnails; documents (PDF, Word, PPT) as a list that opens them. Nine files in all.
  const documents = useAttachments(
    () =>
      saved
        .filter((file) => !IMAGE.test(file.fileID))
        .map((file) => ({ fileId: file.fileID, url: file.url, name: null })),
    'assessment',
  )
  const {
    photos,
    uploading: photosUploading,
    add,
  } = usePhotoUploads(
    () => saved.filter((file) => IMAGE.test(file.fileID)).map((file) => ({ fileID: file.fileID, preview: file.url })),
    {
      max: MAX_FILES - documents.files.length,
      pathOf: (name) => uploadPath(folder ?? ['assessment'], name, Date.now(), 'jpg'),
    },
  )
  const uploading = photosUploading || documents.uploading
  const saving = useSubmit(
    () =>
      call('assessment', 'saveSelfAssessment', {
        roundId,
        branchId,
        indicatorKey,
        text,
        fileIds: [...photos.map((photo) => photo.fileID), ...documents.fileIds],
        claimedScore: claimed.trim() === '' ? null : Number(claimed),
      }),
    { fields: FIELDS, toast: '自评已保存', onDone },
  )
  const addPhotos = async () => {
    const added = await add()
    if (added) saving.setErrors({ fields: {}, general: added.failed ? '部分照片上传失败，请重试' : null })
  }
  return (
    <View data-testid={`self-form-${indicatorKey}`}>
      <FormField label="开展情况" required hint="不少于10个字" error={saving.errors.fields.text}>
        <TextAreaField
          value={text}
          onInput={setText}
          maxlength={3000}
          placeholder="写明本支部做了什么、取得了什么成效"
          invalid={!!saving.errors.fields.text}
          testId="self-text"
        />
      </FormField>
      <FormField label="佐证材料" error={saving.errors.fields.fileIds ?? saving.errors.general}>
        <PhotoPicker
          testIdPrefix="self-"
          count={photos.length}
          max={MAX_FILES - documents.files.length}
          uploading={uploading || !folder}
          noun="佐证照片"
          empty="请添加照片作为佐证"
          onAdd={addPhotos}
        />
        <AttachmentList files={documents.files} onRemove={documents.remove} testId="self-document" />
        <Button
          className="btn btn--ghost"
          data-testid="self-add-document"
          disabled={!documents.ready || uploading || photos.length + documents.files.length >= MAX_FILES || undefined}
          onClick={documents.addDocument}
        >
          上传文档（PDF、Word、PPT）
        </Button>
        <FieldError message={documents.error} testId="self-document-error" />
      </FormField>
      <FormField label="自评分" hint={`选填，满分 ${maxScore} 分`} error={saving.errors.fields.claimedScore}>
        <Input
          className={`field-input${saving.errors.fields.claimedScore ? ' field-input--invalid' : ''}`}
          data-testid="self-claimed"
          type="digit"
          value={claimed}
          onInput={(e) => setClaimed(e.detail.value)}
        />
      </FormField>
      <View className="btn-row">
        <Button className="btn btn--ghost" data-testid="self-cancel" onClick={onCancel}>
          取消
        </Button>
        <Button
          className="btn btn--primary"
          data-testid="self-save"
          loading={saving.busy}
          disabled={uploading || undefined}
          onClick={() => saving.submit()}
        >
          保存自评
        </Button>
      </View>
    </View>
  )
}
