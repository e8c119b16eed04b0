import { Text, View } from '@tarojs/components'
import type { OutputOf } from '../../../../types/api'
import { shortDateTime } from '../../../lib/time'
import { changedFields } from '../lib/audit-diff'
import './roster.css'

export type AuditEntry = OutputOf<'roster', 'auditLog'>['items'][number]

interface AuditItemProps {
  entry: AuditEntry
  expanded: boolean
  orgNames?: ReadonlyMap<string, string>
  onToggle: (id: string) => void
}

/** One line of 操作日志; expanded, the fields that changed with their values before and after. */
export function AuditItem({ entry, expanded, orgNames, onToggle }: AuditItemProps) {
  const changes = expanded ? changedFields(entry.before, entry.after, orgNames) : []
  return (
    <View className="audit-item divided" data-testid="audit-item" onClick={() => onToggle(entry.id)}>
      <View className="audit-item__head">
        <Text className="audit-item__time">{shortDateTime(entry.at)}</Text>
        <Text className="audit-item__actor">{entry.actorName}</Text>
      </View>
      <Text className="audit-item__summary" data-testid="audit-item-summary">
        {entry.summary}
      </Text>
      {expanded ? (
        <View className="audit-diff" data-testid="audit-diff">
          {changes.length === 0 ? <Text className="muted">无字段变化</Text> : null}
          {changes.map((change) => (
            <View key={change.field} className="audit-diff__row">
              <Text className="audit-diff__field">{change.label}</Text>
              <Text className="audit-diff__before">{change.before}</Text>
              <Text className="audit-diff__arrow">→</Text>
              <Text className="audit-diff__after">{change.after}</Text>
            </View>
          ))}
        </View>
      ) : (
        <Text className="audit-item__more">展开详情 ›</Text>
      )}
    </View>
  )
}
