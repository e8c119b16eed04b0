import { Text, View } from '@tarojs/components'
import type { StudyBranchRow, StudyTaskRow } from '../../../../types/bureau'
import { ListItem } from '../../../components/list-item'
import { percent } from '../lib/labels'

/** One study task in the list: dates and overall participation. */
export function StudyTaskItem({ task, onOpen }: { task: StudyTaskRow; onOpen: () => void }) {
  const rate = task.targeted ? task.checkedIn / task.targeted : null
  return (
    <ListItem
      testId={`task-${task.taskId}`}
      title={task.title}
      badges={
        <Text className="tag tag--plain" data-testid={`task-rate-${task.taskId}`}>
          {`${task.checkedIn}/${task.targeted}（${percent(rate)}）`}
        </Text>
      }
      meta={[`${task.startsOn} 至 ${task.dueOn} · ${task.branches}个支部`]}
      onClick={onOpen}
    />
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
          <Text className="bureau-row__name">{onOpen ? `${row.branchName} ›` : row.branchName}</Text>
          <Text className={row.rate < 0.6 ? 'bureau-status--missing' : ''}>
            {`${row.checkedIn}/${row.targeted}（${percent(row.rate)}）`}
          </Text>
        </View>
      ))}
    </View>
  )
}
