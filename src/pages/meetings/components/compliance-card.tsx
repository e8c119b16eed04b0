import { Text, View } from '@tarojs/components'
import { MEETING_TYPE_ACTIONS } from '../../../../types/labels'
import type { ComplianceItem, Frequency } from '../../../../types/meetings'

const PERIOD_WORDS: Record<Frequency, string> = {
  month: '本月',
  quarter: '本季度',
  half: '本半年',
  year: '本年度',
  term: '本学期',
}

/** '召开党小组会（高年级党小组）', '讲党课（还需2次）': one requirement still owed. */
function owedName(item: ComplianceItem): string {
  const more = item.atLeast - item.held
  return `${MEETING_TYPE_ACTIONS[item.type]}${item.groupName ? `（${item.groupName}）` : ''}${more > 1 ? `（还需${more}次）` : ''}`
}

/** The requirements still owed in each running period: 本月还需：召开党小组会（高年级党小组）、开展主题党日. */
export function owingLines(items: ComplianceItem[]): string[] {
  const lines: string[] = []
  for (const frequency of Object.keys(PERIOD_WORDS) as Frequency[]) {
    const owed = items.filter((item) => item.frequency === frequency && item.status === 'due').map(owedName)
    if (owed.length) lines.push(`${PERIOD_WORDS[frequency]}还需：${owed.join('、')}`)
  }
  return lines
}

/** Meetings that took place but whose attendance or minutes are still missing: 待补记录. */
export function recordLines(items: ComplianceItem[]): string[] {
  const waiting = items.filter((item) => item.status === 'awaiting_record').map(owedName)
  return waiting.length ? [`待补记录：${waiting.join('、')}（请尽快登记考勤、填写会议记录）`] : []
}

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
