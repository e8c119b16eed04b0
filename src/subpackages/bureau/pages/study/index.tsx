import { Button, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { PageState } from '../../../../components/page-state'
import { useAction } from '../../../../hooks/use-action'
import { StudyBranchRows, StudyTaskItem } from '../../components/study-rows'
import { downloadExport } from '../../lib/download'
import '../../components/bureau.css'

/** 学习参与: study tasks newest first; one task's participation by branch. */
export default function StudyPage() {
  const [page, setPage] = useState(1)
  const [taskId, setTaskId] = useState<string | null>(null)
  const tasks = useAction('bureau', 'studyTasks', { page, pageSize: 20 })
  if (taskId) return <TaskByBranch taskId={taskId} onBack={() => setTaskId(null)} />
  return (
    <View className="page">
      <PageState query={tasks} isEmpty={(data) => data.total === 0} empty={{ title: '还没有发布学习任务' }}>
        {(data) => (
          <View className="card">
            {data.items.map((task) => (
              <StudyTaskItem key={task.taskId} task={task} onOpen={() => setTaskId(task.taskId)} />
            ))}
            {data.total > page * 20 ? (
              <Button className="btn btn--ghost" onClick={() => setPage(page + 1)}>
                下一页
              </Button>
            ) : null}
          </View>
        )}
      </PageState>
    </View>
  )
}

function TaskByBranch({ taskId, onBack }: { taskId: string; onBack: () => void }) {
  const detail = useAction('bureau', 'studyByBranch', { taskId })
  return (
    <View className="page">
      <Text className="tag tag--plain" onClick={onBack}>
        ‹ 返回任务列表
      </Text>
      <PageState query={detail}>
        {(data) => (
          <View className="card">
            <Text className="card__title">{data.task.title}</Text>
            <StudyBranchRows rows={data.branches} />
          </View>
        )}
      </PageState>
      <Button
        className="btn btn--primary"
        data-testid="export-study"
        onClick={() => downloadExport('exportSheet', { view: 'study', taskId })}
      >
        导出 Excel
      </Button>
    </View>
  )
}
