import { Text, View } from '@tarojs/components'

interface LinkRowProps {
  title: string
  hint?: string
  onClick?: () => void
  testId?: string
  danger?: boolean
  disabled?: boolean
  className?: string
}

/** A line that opens something: its title, a hint under it, a chevron; a finger's height at least. */
export function LinkRow({ title, hint, onClick, testId, danger, disabled, className }: LinkRowProps) {
  return (
    <View
      className={`link-row divided${danger ? ' link-row--danger' : ''}${disabled ? ' link-row--disabled' : ''}${className ? ` ${className}` : ''}`}
      data-testid={testId}
      onClick={disabled ? undefined : onClick}
    >
      <View className="link-row__main">
        <Text className="link-row__title">{title}</Text>
        {hint ? <Text className="link-row__hint">{hint}</Text> : null}
      </View>
      <Text className="link-row__chevron">›</Text>
    </View>
  )
}
