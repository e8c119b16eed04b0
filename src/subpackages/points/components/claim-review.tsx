import { Button, Text, View } from '@tarojs/components'
import type { Claim } from '../../../../types/points'
import { monthDayTime } from '../../../lib/time'
import './points.css'

export const CLAIM_STATUS_LABELS: Record<Claim['status'], string> = {
  pending: '待审核',
  approved: '已通过',
  rejected: '未通过',
}

interface ClaimCardProps {
  claim: Claim
  /** The secretary's review buttons; absent in a member's own list. */
  review?: { busy: boolean; onApprove: () => void; onReject: () => void }
}

/** One claim (申报) or proposal (推荐): who, what, how many points, the note and evidence, and its decision. */
export function ClaimCard({ claim, review }: ClaimCardProps) {
  return (
    <View className="claim-card divided" data-testid="claim-card" data-status={claim.status}>
      <View className="list-item__head">
        <Text className="list-item__title">
          {claim.memberName} · {claim.ruleName}
        </Text>
        <Text className={`tag ${claim.points > 0 ? 'tag--ok' : 'tag--plain'}`}>
          {claim.points > 0 ? '+' : ''}
          {claim.points} 分
        </Text>
      </View>
      <Text className="field-hint">
        {claim.kind === 'proposal' ? `${claim.proposedByName} 推荐` : '本人申报'} · {monthDayTime(claim.createdAt)}
        {claim.photos.length > 0 ? ` · 佐证照片 ${claim.photos.length} 张` : ' · 无照片'}
      </Text>
      <Text className="claim-card__note">{claim.note}</Text>
      {claim.status !== 'pending' || !review ? (
        <Text className={`field-hint claim-status--${claim.status}`} data-testid="claim-status">
          {CLAIM_STATUS_LABELS[claim.status]}
          {claim.decisionReason ? `：${claim.decisionReason}` : ''}
        </Text>
      ) : null}
      {review && claim.status === 'pending' ? (
        <View className="btn-row">
          <Button
            className="btn btn--ghost"
            data-testid="claim-reject"
            disabled={review.busy || undefined}
            onClick={review.onReject}
          >
            不通过
          </Button>
          <Button
            className="btn btn--primary"
            data-testid="claim-approve"
            disabled={review.busy || undefined}
            onClick={review.onApprove}
          >
            通过并计分
          </Button>
        </View>
      ) : null}
    </View>
  )
}

interface ClaimReviewListProps {
  claims: Claim[]
  busyId: string | null
  onApprove: (claim: Claim) => void
  onReject: (claim: Claim) => void
}

/** 审核申报: the branch's pending claims, each approved (paid once) or rejected with a reason. */
export function ClaimReviewList({ claims, busyId, onApprove, onReject }: ClaimReviewListProps) {
  return (
    <View data-testid="claim-review">
      {claims.map((claim) => (
        <ClaimCard
          key={claim.id}
          claim={claim}
          review={{ busy: busyId === claim.id, onApprove: () => onApprove(claim), onReject: () => onReject(claim) }}
        />
      ))}
    </View>
  )
}
