import { Input, Picker, Text, Textarea, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { dateKey } from '../../lib/time'
import { FieldError } from '../field-error'

interface FormFieldProps {
  label: string
  required?: boolean
  /** Under the control: what to type, limits, a count of characters. Replaced by the error when there is one. */
  hint?: ReactNode
  error?: string | null
  /** data-testid of the error line; the field's own id by default. */
  errorTestId?: string
  testId?: string
  children: ReactNode
}

/**
 * One field of a form, the same in every form: the label above, the control
 * (with a visible border, see .field-input), then a hint or the error in the
 * error colour. Above rather than beside, so a long label and 关怀模式's large
 * text both fit a 375 px phone.
 */
export function FormField({ label, required, hint, error, errorTestId, testId, children }: FormFieldProps) {
  return (
    <View className="field" data-testid={testId}>
      <Text className="field-label">
        {label}
        {required ? <Text className="field-label__required">*</Text> : null}
      </Text>
      {children}
      {error ? (
        <FieldError message={error} testId={errorTestId} />
      ) : hint ? (
        <Text className="field-hint">{hint}</Text>
      ) : null}
    </View>
  )
}

interface PickerFieldProps {
  /** The choices, as the platform's picker lists them. */
  range: string[]
  index: number
  onPick: (index: number) => void
  /** What is chosen now; the placeholder when nothing is. */
  text: string | null
  placeholder?: string
  invalid?: boolean
  /** data-testid of the chosen value's text. */
  testId?: string
}

/** A choice among a list, drawn like an input with a chevron; the platform's picker opens on a tap. */
export function PickerField({ range, index, onPick, text, placeholder, invalid, testId }: PickerFieldProps) {
  return (
    <Picker mode="selector" range={range} value={Math.max(0, index)} onChange={(e) => onPick(Number(e.detail.value))}>
      <View className={`field-input field-input--picker${invalid ? ' field-input--invalid' : ''}`}>
        <Text className={text ? '' : 'field-input__placeholder'} data-testid={testId}>
          {text ?? placeholder ?? '请选择'}
        </Text>
        <Text className="field-input__placeholder">›</Text>
      </View>
    </Picker>
  )
}

interface DateFieldProps {
  value: string | null
  onPick: (date: string) => void
  placeholder: string
  /** Latest day that may be chosen (YYYY-MM-DD). */
  end?: string
  invalid?: boolean
  testId?: string
  mode?: 'date' | 'time'
}

/** A date (or a time of day) from the platform's picker, drawn like an input. */
export function DateField({ value, onPick, placeholder, end, invalid, testId, mode = 'date' }: DateFieldProps) {
  return (
    <Picker mode={mode} value={value ?? ''} end={end} onChange={(e) => onPick(String(e.detail.value))}>
      <View className={`field-input field-input--picker${invalid ? ' field-input--invalid' : ''}`}>
        <Text className={value ? '' : 'field-input__placeholder'} data-testid={testId}>
          {value || placeholder}
        </Text>
        <Text className="field-input__placeholder">›</Text>
      </View>
    </Picker>
  )
}

interface TextAreaFieldProps {
  value: string
  onInput: (value: string) => void
  placeholder?: string
  maxlength: number
  invalid?: boolean
  testId?: string
}

/**
 * Text that grows with what is written (no clipping after two lines: a 心得 or
 * minutes must be re-readable as a whole before it is saved).
 */
export function TextAreaField({ value, onInput, placeholder, maxlength, invalid, testId }: TextAreaFieldProps) {
  return (
    <Textarea
      className={`field-input field-input--area${invalid ? ' field-input--invalid' : ''}`}
      data-testid={testId}
      value={value}
      autoHeight
      maxlength={maxlength}
      placeholder={placeholder}
      onInput={(e) => onInput(e.detail.value)}
    />
  )
}

export interface TypedFieldProps {
  testId?: string
  placeholder?: string
  type?: 'text' | 'number' | 'digit'
  value: string
  invalid?: boolean
  onInput: (value: string) => void
}

/** A line of text as typed (a number, a place), drawn as every field. */
export function TypedField({ testId, placeholder, type = 'text', value, invalid, onInput }: TypedFieldProps) {
  return (
    <Input
      className={`field-input${invalid ? ' field-input--invalid' : ''}`}
      data-testid={testId}
      placeholder={placeholder}
      type={type}
      value={value}
      onInput={(e) => onInput(e.detail.value)}
    />
  )
}

/** A date or a time of day one may type, or choose with the platform's picker beside it. */
export function TypeOrPick({
  mode,
  value,
  onChange,
  ...typed
}: { mode: 'date' | 'time'; value: string; onChange: (value: string) => void } & Omit<
  TypedFieldProps,
  'onInput' | 'value'
>) {
  return (
    <View className="field-combo">
      <TypedField {...typed} value={value} onInput={onChange} />
      <Picker
        mode={mode}
        value={value || (mode === 'date' ? dateKey(Date.now()) : '15:00')}
        onChange={(e) => onChange(String(e.detail.value))}
      >
        <View className="btn btn--ghost field-combo__button">选择</View>
      </Picker>
    </View>
  )
}
