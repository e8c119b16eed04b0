import { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { ConfirmDialog } from '../../../../components/confirm-dialog'
import { Page } from '../../../../components/page'
import { PageState } from '../../../../components/page-state'
import { useAction } from '../../../../hooks/use-action'
import { useSubmit } from '../../../../hooks/use-submit'
import { call } from '../../../../services/call'
import { ParticipationView } from '../../components/participation-view'
import { nudgeMessage } from '../../lib/nudge-message'

const PUBLISHERS = ['bureau_staff', 'general_branch_secretary', 'branch_secretary']

/** 学习情况 of one task in one branch (?taskId=&branchId=), with 提醒未学习 for publishers. */
export default function ParticipationPage() {
  const params = useRouter().params
  const taskId = params.taskId ?? ''
  const task = useAction('study', 'getTask', { taskId })
  const me = useAction('roster', 'me', {})
  const participation = useAction(
    'study',
    'participation',
    params.branchId ? { taskId, branchId: params.branchId } : { taskId },
  )
  const [asking, setAsking] = useState(false)
  const nudging = useSubmit((branchId: string) => call('study', 'nudge', { taskId, branchId }), {
    toast: nudgeMessage,
    onDone: participation.reload,
    onRefused: participation.reload,
  })
  const nudge = (branchId: string) => {
    setAsking(false)
    nudging.submit(branchId)
  }

  return (
    <Page>
      <PageState query={task}>
        {(taskData) => (
          <PageState query={participation}>
            {(data) => (
              <>
                <ParticipationView
                  title={taskData.title}
                  dueOn={taskData.dueOn}
                  participation={data}
                  canNudge={taskData.open && me.state === 'ok' && me.data.roles.some((r) => PUBLISHERS.includes(r))}
                  nudging={nudging.busy}
                  onNudge={() => setAsking(true)}
                />
                <ConfirmDialog
                  visible={asking}
                  title="提醒未学习"
                  message={`将提醒 ${data.notStudied.length} 名尚未学习的党员完成“${taskData.title}”。`}
                  confirmLabel="发送提醒"
                  onConfirm={() => nudge(data.branchId)}
                  onCancel={() => setAsking(false)}
                />
              </>
            )}
          </PageState>
        )}
      </PageState>
    </Page>
  )
}
