import { Text, View } from '@tarojs/components'
import type { StudyBranchRow, StudyTaskRow } from '../../../../types/bureau'
import { percent } from '../lib/labels'

/** One study task in the list: dates and overall participation. */
export function StudyTaskItem({ task, onOpen }: { task: StudyTaskRow; onOpen: () => void }) {
  const rate = task.targeted ? task.checkedIn / task.targeted : null
  return (
    <View className="bureau-row" data-testid={`task-${task.taskId}`} onClick={onOpen}>
      <View>
        <Text className="card__title">{task.title}</Text>
        <Text className="muted">{`${task.startsOn} 至 ${task.dueOn} · ${task.branches}个支部`}</Text>
      </View>
      <Text data-testid={`task-rate-${task.taskId}`}>{`${task.checkedIn}/${task.targeted}（${percent(rate)}）`}</Text>
    </View>
  )
}

/** Participation of one task by branch, lowest first; a tap opens who in the branch has and has not studied. */
export function StudyBranchRows({ rows, onOpen }: { rows: StudyBranchRow[]; onOpen?: (branchId: string) => void }) {
  return (
    <View>
      {rows.map((row) => (
        <View
          key={row.branchId}
          className="bureau-row"
          data-testid={`study-branch-${row.branchId}`}
          onClick={onOpen ? () => onOpen(row.branchId) : undefined}
        >
          <Text>{onOpen ? `${row.branchName} ›` : row.branchName}</Text>
          <Text className={row.rate < 0.6 ? 'bureau-status--missing' : ''}>
            {`${row.checkedIn}/${row.targeted}（${percent(row.rate)}）`}
          </Text>
        </View>
      ))}
    </View>
  )
}
