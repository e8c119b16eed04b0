import { View } from '@tarojs/components'
import { useState } from 'react'
import type { Claim } from '../../../../../types/points'
import { ConfirmDialog } from '../../../../components/confirm-dialog'
import { Notice } from '../../../../components/notice'
import { PageState } from '../../../../components/page-state'
import { useAction } from '../../../../hooks/use-action'
import { useSubmit } from '../../../../hooks/use-submit'
import { call } from '../../../../services/call'
import { ClaimReviewList } from '../../components/claim-review'
import '../../components/points.css'
import { Page } from '../../../../components/page'

/** 审核申报: the secretary's queue of pending claims in their branch. */
export default function ReviewPage() {
  const me = useAction('roster', 'me', {})
  return (
    <Page>
      <PageState query={me}>
        {(caller) =>
          caller.branch ? (
            <ReviewQueue branchId={caller.branch.id} />
          ) : (
            <Notice testId="review-notice" text="申报由各支部书记审核。" />
          )
        }
      </PageState>
    </Page>
  )
}

function ReviewQueue({ branchId }: { branchId: string }) {
  const claims = useAction('points', 'listClaims', { branchId, status: 'pending', page: 1, pageSize: 50 })
  const [rejecting, setRejecting] = useState<Claim | null>(null)
  const deciding = useSubmit(
    (claim: Claim, approve: boolean, reason: string) =>
      call('points', 'reviewClaim', { claimId: claim.id, approve, reason }),
    {
      toast: (_, claim, approve) => (approve ? `已通过，${claim.memberName} +${claim.points}分` : '已退回'),
      onDone: claims.reload,
      onRefused: claims.reload,
    },
  )
  const decide = (claim: Claim, approve: boolean, reason: string) => {
    setRejecting(null)
    deciding.submit(claim, approve, reason)
  }

  return (
    <View className="card">
      <PageState
        query={claims}
        isEmpty={(data) => data.items.length === 0}
        empty={{ title: '没有待审核的申报', hint: '党员提交申报或支委推荐后会显示在这里' }}
      >
        {(data) => (
          <ClaimReviewList
            claims={data.items}
            busyId={deciding.pending?.[0].id ?? null}
            onApprove={(claim) => decide(claim, true, '')}
            onReject={setRejecting}
          />
        )}
      </PageState>
      <ConfirmDialog
        visible={rejecting !== null}
        title="不通过"
        message={rejecting ? `${rejecting.memberName}申报的“${rejecting.ruleName}”将不计分，理由会告知本人。` : ''}
        confirmLabel="确认不通过"
        danger
        reason={{ label: '理由', placeholder: '如：缺少活动照片，请补充后重新申报', minLength: 2 }}
        onConfirm={(reason) => rejecting && decide(rejecting, false, reason)}
        onCancel={() => setRejecting(null)}
      />
    </View>
  )
}
