import { Switch, Text, View } from '@tarojs/components'

interface SwitchRowProps {
  label: string
  hint?: string
  checked: boolean
  onChange: (on: boolean) => void
  disabled?: boolean
  testId?: string
}

/** A setting's name (and what it does) with its switch at the end of the line. */
export function SwitchRow({ label, hint, checked, onChange, disabled, testId }: SwitchRowProps) {
  return (
    <View className="switch-row">
      <View className="switch-row__main">
        <Text>{label}</Text>
        {hint ? <Text className="field-hint">{hint}</Text> : null}
      </View>
      <Switch
        className="switch"
        data-testid={testId}
        checked={checked}
        // H5 renders disabled={false} as disabled="false", which Taro's switch reads as disabled: omit it instead.
        disabled={disabled || undefined}
        color="#C8161D"
        onChange={(event) => onChange(Boolean(event.detail.value))}
      />
    </View>
  )
}
