import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { PageState } from '../../../../components/page-state'
import { Pager } from '../../../../components/pager'
import { useAction } from '../../../../hooks/use-action'
import { participationPageUrl } from '../../../../lib/routes'
import { StudyBranchRows, StudyTaskItem } from '../../components/study-rows'
import { useBureauExport } from '../../lib/download'
import '../../components/bureau.css'
import { Page } from '../../../../components/page'

const PAGE_SIZE = 20

/** 学习参与: study tasks newest first; one task's participation by branch; a branch's who-has-studied list. */
export default function StudyPage() {
  const [page, setPage] = useState(1)
  const [taskId, setTaskId] = useState<string | null>(null)
  const tasks = useAction('bureau', 'studyTasks', { page, pageSize: PAGE_SIZE })
  if (taskId) return <TaskByBranch taskId={taskId} onBack={() => setTaskId(null)} />
  return (
    <Page>
      <PageState query={tasks} isEmpty={(data) => data.total === 0} empty={{ title: '还没有发布学习任务' }}>
        {(data) => (
          <View className="card">
            {data.items.map((task) => (
              <StudyTaskItem key={task.taskId} task={task} onOpen={() => setTaskId(task.taskId)} />
            ))}
            <Pager
              page={page}
              pageSize={PAGE_SIZE}
              total={data.total}
              onPage={setPage}
              noun="项"
              testId="study-pager"
            />
          </View>
        )}
      </PageState>
    </Page>
  )
}

function TaskByBranch({ taskId, onBack }: { taskId: string; onBack: () => void }) {
  const detail = useAction('bureau', 'studyByBranch', { taskId })
  const exporting = useBureauExport('exportSheet')
  return (
    <Page>
      <View className="chips">
        <Text className="chip" data-testid="study-back" onClick={onBack}>
          ‹ 返回任务列表
        </Text>
      </View>
      <PageState query={detail}>
        {(data) => (
          <View className="card">
            <Text className="card__title">{data.task.title}</Text>
            <Text className="muted">点按支部查看已学习和未学习的党员</Text>
            <StudyBranchRows
              rows={data.branches}
              onOpen={(branchId) => Taro.navigateTo({ url: participationPageUrl(taskId, branchId) })}
            />
          </View>
        )}
      </PageState>
      <Button
        className="btn btn--primary bureau-bar"
        data-testid="export-study"
        loading={exporting.busy}
        onClick={() => exporting.submit({ view: 'study', taskId })}
      >
        导出 Excel
      </Button>
    </Page>
  )
}
