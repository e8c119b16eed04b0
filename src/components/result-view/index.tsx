import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'

interface ResultViewProps {
  tone: 'ok' | 'warn' | 'busy'
  title: string
  text?: ReactNode
  /** Where the person goes next: every result screen leads somewhere. */
  children?: ReactNode
  testId?: string
}

/** The end of a flow (签到成功, 导入完成, 邀请已失效): what happened, and buttons to what comes next. */
export function ResultView({ tone, title, text, children, testId }: ResultViewProps) {
  return (
    <View className="card result" data-testid={testId}>
      <Text className={`result__icon result__icon--${tone}`}>{tone === 'ok' ? '✓' : tone === 'warn' ? '!' : '…'}</Text>
      <Text className="result__title">{title}</Text>
      {text ? <Text className="result__text">{text}</Text> : null}
      {children ? <View className="btn-stack result__actions">{children}</View> : null}
    </View>
  )
}
