import { Text, View } from '@tarojs/components'
import type { ComplianceItem } from '../../../../types/meetings'
import { owingLines, recordLines } from '../../../lib/compliance-lines'

/**
 * 三会一课 for the secretary's own branch, by the same rule the bureau's
 * matrix uses: a meeting counts once its attendance and minutes are recorded.
 */
export function ComplianceCard({ items }: { items: ComplianceItem[] }) {
  const lines = [...recordLines(items), ...owingLines(items)]
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
          规定会议均已开展或已安排
        </Text>
      )}
      <Text className="compliance-line muted">
        已开展 {held} 项 · 已安排 {planned} 项
      </Text>
    </View>
  )
}
