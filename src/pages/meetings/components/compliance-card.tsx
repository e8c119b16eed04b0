import { Text, View } from '@tarojs/components'
import type { ComplianceItem } from '../../../../types/meetings'
import { MEETING_TYPE_LABELS } from '../../../lib/meeting-labels'

const PERIOD_WORDS = { month: '本月', quarter: '本季度', year: '本年度' } as const

/** The types still owed in each frequency's current period: 本月还需召开：党小组会. */
export function owingLines(items: ComplianceItem[]): string[] {
  const lines: string[] = []
  for (const frequency of ['month', 'quarter', 'year'] as const) {
    const owed = items
      .filter((item) => item.frequency === frequency && (item.status === 'due' || item.status === 'missing'))
      .map((item) => MEETING_TYPE_LABELS[item.type])
    if (owed.length) lines.push(`${PERIOD_WORDS[frequency]}还需召开：${owed.join('、')}`)
  }
  return lines
}

/** 三会一课 for the secretary's own branch: what is held or planned, and what is still owed. */
export function ComplianceCard({ items }: { items: ComplianceItem[] }) {
  const lines = owingLines(items)
  const held = items.filter((item) => item.status === 'held' || item.status === 'held_late').length
  const planned = items.filter((item) => item.status === 'planned').length
  return (
    <View className="card" data-testid="meetings-compliance">
      <View className="card__title">三会一课</View>
      {lines.length ? (
        lines.map((line) => (
          <Text key={line} className="compliance-owing" data-testid="compliance-owing">
            {line}
          </Text>
        ))
      ) : (
        <Text className="compliance-line" data-testid="compliance-ok">
          规定会议均已召开或已安排
        </Text>
      )}
      <Text className="compliance-line muted">
        已召开 {held} 项 · 已安排 {planned} 项
      </Text>
    </View>
  )
}
