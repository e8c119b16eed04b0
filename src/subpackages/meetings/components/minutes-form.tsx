import { Button, Image, Text, View } from '@tarojs/components'
import { FieldError } from '../../../components/field-error'
import { FormField, TextAreaField } from '../../../components/form-field'
import { AddPhotosButton } from '../../../components/photo-picker'
import type { UploadedPhoto } from '../../../components/photo-picker/use-photo-uploads'
import type { FormErrors } from '../../../lib/form-errors'
import './meetings.css'

export const MINUTES_MIN = 10
export const MINUTES_MAX_PHOTOS = 9
export type MinutesField = 'text' | 'photos'

/** preview: a new photo's local preview, a saved one's temporary link; null when its file is gone. */
export type MinutesPhoto = UploadedPhoto

interface MinutesFormProps {
  /** 应到…实到…请假…缺席…: filled in from the roll, not typed. */
  summary: string
  text: string
  photos: MinutesPhoto[]
  uploading: boolean
  saving: boolean
  errors: FormErrors<MinutesField>
  /** When the minutes were saved before: 已于… 由…填写. */
  savedNote: string | null
  onText: (text: string) => void
  onPickPhotos: () => void
  onRemovePhoto: (fileID: string) => void
  onSubmit: () => void
}

/** 会议记录: the attendance line, what was discussed and decided, and photos of the meeting. */
export function MinutesForm(props: MinutesFormProps) {
  const { summary, text, photos, uploading, saving, errors, savedNote } = props
  const length = [...text.trim()].length
  const short = length < MINUTES_MIN
  return (
    <View className="card" data-testid="minutes-form">
      <Text className="card__title">会议记录</Text>
      <FormField label="出席情况（根据考勤自动生成）">
        <Text className="meet-summary" data-testid="minutes-summary">
          {summary}
        </Text>
      </FormField>
      <FormField
        label="会议内容"
        required
        error={errors.fields.text}
        errorTestId="minutes-text-error"
        hint={
          <Text data-testid="minutes-length">
            {short ? `至少${MINUTES_MIN}字，还需 ${MINUTES_MIN - length} 字` : `已写 ${length} 字`}
          </Text>
        }
      >
        <TextAreaField
          testId="minutes-text"
          value={text}
          maxlength={10_000}
          invalid={Boolean(errors.fields.text)}
          placeholder="会议议程、发言要点、形成的决议，如：传达学习上级会议精神，讨论通过发展对象名单…"
          onInput={props.onText}
        />
      </FormField>
      <FormField label={`会议照片（${photos.length}/${MINUTES_MAX_PHOTOS}）`} error={errors.fields.photos}>
        <View className="meet-photos" data-testid="minutes-photos">
          {photos.map((photo) => (
            <View key={photo.fileID} className="meet-photo" data-testid="minutes-photo">
              {photo.preview ? (
                <Image className="meet-photo__image" src={photo.preview} mode="aspectFill" />
              ) : (
                <Text className="meet-photo__name">照片已失效</Text>
              )}
              <Text className="meet-photo__remove" onClick={() => props.onRemovePhoto(photo.fileID)}>
                ×
              </Text>
            </View>
          ))}
        </View>
      </FormField>
      <AddPhotosButton
        className="meet-bar"
        testId="minutes-add-photos"
        count={photos.length}
        max={MINUTES_MAX_PHOTOS}
        uploading={uploading}
        onAdd={props.onPickPhotos}
      >
        {uploading ? '照片上传中…' : '添加照片'}
      </AddPhotosButton>
      <FieldError message={errors.general} testId="minutes-error" />
      {savedNote ? (
        <Text className="field-hint" data-testid="minutes-saved">
          {savedNote}
        </Text>
      ) : null}
      <Button
        className="btn btn--primary meet-bar"
        data-testid="minutes-submit"
        loading={saving}
        disabled={short || saving || uploading || undefined}
        onClick={short ? undefined : props.onSubmit}
      >
        保存会议记录
      </Button>
    </View>
  )
}
