import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'

interface ListItemProps {
  title: ReactNode
  /** Status badges (.tag): each stays on one line; as a group they go under the title when it is long. */
  badges?: ReactNode
  /** Lines under the title (time · place, counts…); empty ones are left out. */
  meta?: (string | null | false | undefined)[]
  /** Anything more below the meta lines (a note, buttons). */
  children?: ReactNode
  onClick?: () => void
  testId?: string
  className?: string
}

/**
 * One entry of a list or card (a meeting, a task, a claim): a title that
 * wraps, its badges, and meta lines below — never run together on one line.
 */
export function ListItem({ title, badges, meta, children, onClick, testId, className }: ListItemProps) {
  const lines = (meta ?? []).filter((line): line is string => typeof line === 'string' && line !== '')
  return (
    <View
      className={`list-item divided${onClick ? ' list-item--tappable' : ''}${className ? ` ${className}` : ''}`}
      data-testid={testId}
      onClick={onClick}
    >
      <View className="list-item__head">
        <Text className="list-item__title">{title}</Text>
        {badges ? <View className="list-item__badges">{badges}</View> : null}
      </View>
      {lines.map((line) => (
        <Text key={line} className="list-item__meta">
          {line}
        </Text>
      ))}
      {children}
    </View>
  )
}
