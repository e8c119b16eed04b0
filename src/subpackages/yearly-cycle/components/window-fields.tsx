import { Input, View } from '@tarojs/components'
import { FormField } from '../../../components/form-field'

interface WindowFieldsProps {
  label: string
  date: string
  time: string
  onDate: (date: string) => void
  onTime: (time: string) => void
  error?: string | null
  testId: string
}

/** A day and a time of day, typed (YYYY-MM-DD, HH:mm), prefilled by the page. */
export function WhenField({ label, date, time, onDate, onTime, error, testId }: WindowFieldsProps) {
  return (
    <FormField label={label} required error={error}>
      <View className="field-combo">
        <Input
          className="field-input"
          data-testid={`${testId}-date`}
          placeholder="YYYY-MM-DD"
          value={date}
          onInput={(e) => onDate(e.detail.value)}
        />
        <Input
          className="field-input"
          data-testid={`${testId}-time`}
          placeholder="HH:mm"
          value={time}
          onInput={(e) => onTime(e.detail.value)}
        />
      </View>
    </FormField>
  )
}
