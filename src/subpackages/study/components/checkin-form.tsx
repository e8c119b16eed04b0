import { Button, Text, View } from '@tarojs/components'
import type { TaskWithMine } from '../../../../types/study'
import { FieldError } from '../../../components/field-error'
import { TextAreaField } from '../../../components/form-field'
import { PhotoPicker } from '../../../components/photo-picker'
import { monthDayTime } from '../../../lib/time'
import './study.css'

interface CheckinFormProps {
  task: TaskWithMine
  note: string
  photoCount: number
  uploading: boolean
  saving: boolean
  error: string | null
  onNote: (note: string) => void
  onPickPhotos: () => void
  onSubmit: () => void
}

export const MAX_PHOTOS = 9

/** Phones' keyboards in WeChat offer dictation (语音输入); the H5 demo runs on desktops too, so only weapp says so. */
const VOICE_INPUT = process.env.TARO_ENV === 'weapp'

/** Characters as a reader counts them (an emoji or a rare character is one). */
export const noteLength = (note: string) => [...note.trim()].length

/**
 * 学习心得: the note with its minimum-length hint, optional photos, and 打卡
 * (or 保存修改 once checked in). After the due date the form is closed.
 */
export function CheckinForm(props: CheckinFormProps) {
  const { task, note, photoCount, uploading, saving, error } = props
  const length = noteLength(note)
  const short = length < task.minNoteLength
  const title = task.checkin ? `已打卡 · ${monthDayTime(task.checkin.at)}` : '学习心得'
  if (!task.open) {
    return (
      <View className="card" data-testid="checkin-closed">
        <Text className="card__title">{title}</Text>
        <Text className="study-closed">{`任务已于 ${task.dueOn} 截止，${task.checkin ? '心得不能再修改' : '不能再打卡'}`}</Text>
        {task.checkin ? <Text className="study-text">{task.checkin.note}</Text> : null}
      </View>
    )
  }
  return (
    <View className="card" data-testid="checkin-form">
      <Text className="card__title">{title}</Text>
      <TextAreaField
        testId="study-note"
        value={note}
        maxlength={1000}
        placeholder={
          task.minNoteLength > 0 ? `写下您的学习体会（至少${task.minNoteLength}字）` : '写下您的学习体会（选填）'
        }
        onInput={props.onNote}
      />
      <Text className={`study-form__hint${short ? '' : ' study-form__hint--ok'}`} data-testid="note-hint">
        {short ? `已写 ${length} 字，还需 ${task.minNoteLength - length} 字` : `已写 ${length} 字`}
      </Text>
      {VOICE_INPUT ? <Text className="field-hint">打字不便时，可点输入法键盘上的话筒，用语音输入。</Text> : null}
      <PhotoPicker
        count={photoCount}
        max={MAX_PHOTOS}
        uploading={uploading}
        noun="照片"
        empty="可添加学习照片（选填）"
        onAdd={props.onPickPhotos}
      />
      <FieldError message={error} testId="checkin-error" />
      <Button
        className="btn btn--primary study-bar"
        data-testid="study-submit"
        loading={saving}
        disabled={short || saving || uploading || undefined}
        onClick={short ? undefined : props.onSubmit}
      >
        {task.checkin ? '保存修改' : '我已学习，打卡'}
      </Button>
    </View>
  )
}
