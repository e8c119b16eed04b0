import { Button, Input, View } from '@tarojs/components'
import type { PointsRule } from '../../../../types/points'
import { FieldError } from '../../../components/field-error'
import { FormField, PickerField, TextAreaField } from '../../../components/form-field'
import { PhotoPicker } from '../../../components/photo-picker'
import './points.css'

interface ClaimFormProps {
  rules: PointsRule[]
  ruleIndex: number
  points: string
  note: string
  photoCount: number
  uploading: boolean
  saving: boolean
  error: string | null
  onRule: (index: number) => void
  onPoints: (points: string) => void
  onNote: (note: string) => void
  onPickPhotos: () => void
  onSubmit: () => void
}

export const CLAIM_NOTE_MIN = 5
export const CLAIM_MAX_PHOTOS = 9

/** 积分申报: an item, what was done (说明), photo evidence; the secretary approves before anything is paid. */
export function ClaimForm(props: ClaimFormProps) {
  const { rules, ruleIndex, points, note, photoCount, uploading, saving, error } = props
  const rule = rules[ruleIndex]
  const short = [...note.trim()].length < CLAIM_NOTE_MIN
  return (
    <View className="card" data-testid="claim-form">
      <FormField label="申报项目" required>
        <PickerField
          testId="claim-rule"
          range={rules.map((r) => r.name)}
          index={ruleIndex}
          text={rule.name}
          onPick={props.onRule}
        />
      </FormField>
      <FormField label={`申报分值${rule.variable ? '' : '（固定）'}`}>
        <Input
          className="field-input"
          data-testid="claim-points"
          type="number"
          value={points}
          disabled={!rule.variable}
          onInput={(e) => props.onPoints(e.detail.value)}
        />
      </FormField>
      <FormField label="情况说明" required hint={`至少${CLAIM_NOTE_MIN}字`}>
        <TextAreaField
          testId="claim-note"
          value={note}
          maxlength={300}
          placeholder="时间、地点、做了什么，如：3月9日在社区开展义务辅导2小时"
          onInput={props.onNote}
        />
      </FormField>
      <PhotoPicker
        testIdPrefix="claim-"
        count={photoCount}
        max={CLAIM_MAX_PHOTOS}
        uploading={uploading}
        noun="佐证照片"
        empty="请添加佐证照片"
        onAdd={props.onPickPhotos}
      />
      <FieldError message={error} testId="claim-error" />
      <Button
        className="btn btn--primary points-bar"
        data-testid="claim-submit"
        loading={saving}
        disabled={short || saving || uploading || undefined}
        onClick={short ? undefined : props.onSubmit}
      >
        提交申报
      </Button>
    </View>
  )
}
