import { Button, Input, Text, View } from '@tarojs/components'
import { type ReactNode, useState } from 'react'
import { COMMITTEE_POSITION_LABELS } from '../../../../types/labels'
import type { CommitteePosition, MemberFields, MemberType, OrgNode } from '../../../../types/roster'
import { FieldError } from '../../../components/field-error'
import { DateField, FormField, PickerField } from '../../../components/form-field'
import { dateKey } from '../../../lib/time'
import type { FieldErrors, MemberFieldKey } from '../lib/field-errors'
import './roster.css'

/** What the form edits; `phone` is text while typing, null on the wire when left blank. */
export interface MemberFormValues {
  name: string
  groupId: string | null
  memberType: MemberType
  probationEndsOn: string | null
  joinedOn: string | null
  committeePosition: CommitteePosition | null
  phone: string
}

export const BLANK_MEMBER: MemberFormValues = {
  name: '',
  groupId: null,
  memberType: 'formal',
  probationEndsOn: null,
  joinedOn: null,
  committeePosition: null,
  phone: '',
}

/** The wire shape of MemberFields; the server trims, checks and refuses with INPUT.INVALID. */
export function toMemberFields(values: MemberFormValues): MemberFields {
  return {
    name: values.name,
    groupId: values.groupId,
    memberType: values.memberType,
    probationEndsOn: values.memberType === 'probationary' ? values.probationEndsOn : null,
    joinedOn: values.joinedOn,
    committeePosition: values.committeePosition,
    phone: values.phone.trim() === '' ? null : values.phone.trim(),
  }
}

const POSITIONS: (CommitteePosition | null)[] = [
  null,
  'secretary',
  'deputy_secretary',
  'organization',
  'publicity',
  'discipline',
]
const positionLabel = (position: CommitteePosition | null) => (position ? COMMITTEE_POSITION_LABELS[position] : '无')

interface MemberFormProps {
  initial: MemberFormValues
  /** The branch's 党小组, from roster.tree. */
  groups: readonly OrgNode[]
  errors: FieldErrors
  /** A refusal that belongs to no field, shown above the submit button. */
  generalError?: string | null
  saving: boolean
  submitLabel: string
  onSubmit: (fields: MemberFields) => void
  /** Editing a field clears its error: the old message no longer describes what is there. */
  onEdit?: (field: MemberFieldKey) => void
}

/** 党员信息 form: name, 党小组, 正式/预备 (with 转正日期), 入党日期, 支委职务, 手机号码. */
export function MemberForm({
  initial,
  groups,
  errors,
  generalError,
  saving,
  submitLabel,
  onSubmit,
  onEdit,
}: MemberFormProps) {
  const [values, setValues] = useState<MemberFormValues>(initial)
  const set = <K extends MemberFieldKey>(key: K, value: MemberFormValues[K]) => {
    setValues((current) => ({ ...current, [key]: value }))
    onEdit?.(key)
  }
  const groupIndex = groups.findIndex((group) => group.id === values.groupId)
  const today = dateKey(Date.now())

  return (
    <View className="member-form" data-testid="member-form">
      <View className="card">
        <Field label="姓名" field="name" error={errors.name} required>
          <Input
            className={`field-input${errors.name ? ' field-input--invalid' : ''}`}
            data-testid="input-name"
            value={values.name}
            maxlength={30}
            placeholder="请输入姓名"
            onInput={(event: { detail: { value: string } }) => set('name', event.detail.value)}
          />
        </Field>
        <Field label="党小组" field="groupId" error={errors.groupId}>
          {groups.length > 0 ? (
            <PickerField
              testId="picker-group"
              range={['未编入党小组', ...groups.map((group) => group.name)]}
              index={groupIndex + 1}
              text={groups[groupIndex]?.name ?? null}
              placeholder="未编入党小组"
              invalid={Boolean(errors.groupId)}
              onPick={(index) => set('groupId', index === 0 ? null : (groups[index - 1]?.id ?? null))}
            />
          ) : (
            <Text className="field-hint">本支部尚未设党小组</Text>
          )}
        </Field>
        <Field label="党员类型" field="memberType" error={errors.memberType}>
          <View className="chips" data-testid="segmented-member-type">
            {(['formal', 'probationary'] as const).map((type) => (
              <Text
                key={type}
                className={`chip${values.memberType === type ? ' chip--on' : ''}`}
                data-testid={`member-type-${type}`}
                onClick={() => set('memberType', type)}
              >
                {type === 'formal' ? '正式党员' : '预备党员'}
              </Text>
            ))}
          </View>
        </Field>
        {values.memberType === 'probationary' ? (
          <Field label="转正日期" field="probationEndsOn" error={errors.probationEndsOn}>
            <DateField
              testId="picker-probation"
              value={values.probationEndsOn}
              placeholder="请选择预备期满日期"
              invalid={Boolean(errors.probationEndsOn)}
              onPick={(date) => set('probationEndsOn', date)}
            />
          </Field>
        ) : null}
        <Field label="入党日期" field="joinedOn" error={errors.joinedOn}>
          <DateField
            testId="picker-joined"
            value={values.joinedOn}
            placeholder="请选择入党日期"
            end={today}
            invalid={Boolean(errors.joinedOn)}
            onPick={(date) => set('joinedOn', date)}
          />
        </Field>
        <Field label="支委职务" field="committeePosition" error={errors.committeePosition}>
          <PickerField
            testId="picker-position"
            range={POSITIONS.map(positionLabel)}
            index={POSITIONS.indexOf(values.committeePosition)}
            text={positionLabel(values.committeePosition)}
            invalid={Boolean(errors.committeePosition)}
            onPick={(index) => set('committeePosition', POSITIONS[index] ?? null)}
          />
        </Field>
        <Field label="手机号码" field="phone" error={errors.phone}>
          <Input
            className={`field-input${errors.phone ? ' field-input--invalid' : ''}`}
            data-testid="input-phone"
            type="number"
            maxlength={11}
            value={values.phone}
            placeholder="选填，11位手机号码"
            onInput={(event: { detail: { value: string } }) => set('phone', event.detail.value)}
          />
        </Field>
      </View>
      <Text className="form-note">手机号码仅支部书记和上级党组织可见，其他人看到的是部分隐藏的号码。</Text>
      <FieldError message={generalError} testId="member-form-error" />
      <Button
        className="btn btn--primary form-submit"
        data-testid="member-form-submit"
        // H5 renders disabled={false} as a [disabled] attribute, which greys the button: omit it instead.
        disabled={saving || undefined}
        onClick={() => onSubmit(toMemberFields(values))}
      >
        {saving ? '保存中…' : submitLabel}
      </Button>
    </View>
  )
}

interface FieldProps {
  label: string
  field: MemberFieldKey
  error: string | undefined
  required?: boolean
  children: ReactNode
}

/** A labelled field of the member form; its test ids name the member field (field-phone, error-phone). */
function Field({ label, field, error, required, children }: FieldProps) {
  return (
    <FormField label={label} required={required} error={error} testId={`field-${field}`} errorTestId={`error-${field}`}>
      {children}
    </FormField>
  )
}
