import { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { ConfirmDialog } from '../../../../components/confirm-dialog'
import { PageState } from '../../../../components/page-state'
import { useAction } from '../../../../hooks/use-action'
import { useSubmit } from '../../../../hooks/use-submit'
import { call } from '../../../../services/call'
import { type LeaveItem, LeaveList } from '../../components/leave-list'
import '../../components/meetings.css'
import { Page } from '../../../../components/page'

/** 请假审批: the secretary approves (counted as excused, 请假) or rejects a member's leave request. */
export default function LeavesPage() {
  const id = useRouter().params.id ?? ''
  const leaves = useAction('meetings', 'listLeaves', { meetingId: id })
  const [rejecting, setRejecting] = useState<LeaveItem | null>(null)
  const deciding = useSubmit(
    (item: LeaveItem, approve: boolean, note: string) =>
      call('meetings', 'decideLeave', { meetingId: id, memberId: item.memberId, approve, note }),
    {
      toast: (_, item, approve) => (approve ? `已批准${item.name}请假` : `未批准${item.name}请假`),
      onDone: leaves.reload,
      onRefused: leaves.reload,
    },
  )
  const decide = (item: LeaveItem, approve: boolean, note = '') => {
    setRejecting(null)
    deciding.submit(item, approve, note)
  }

  return (
    <Page>
      <PageState
        query={leaves}
        isEmpty={(data) => data.items.length === 0}
        empty={{ title: '没有请假申请', hint: '党员在会前提交的请假申请会显示在这里' }}
      >
        {(data) => (
          <LeaveList
            items={data.items}
            busyId={deciding.pending?.[0].memberId ?? null}
            onApprove={(item) => decide(item, true)}
            onReject={setRejecting}
          />
        )}
      </PageState>
      <ConfirmDialog
        visible={rejecting !== null}
        title="不批准请假"
        message={
          rejecting ? `${rejecting.name}的请假（${rejecting.reason}）将不被批准，本人需按时参会，未到会记为缺席。` : ''
        }
        confirmLabel="确认不批准"
        danger
        reason={{ label: '不批准的原因', placeholder: '将告知本人，如：本次为重要议题，请调整课务参会', minLength: 2 }}
        onConfirm={(note) => rejecting && decide(rejecting, false, note)}
        onCancel={() => setRejecting(null)}
      />
    </Page>
  )
}
