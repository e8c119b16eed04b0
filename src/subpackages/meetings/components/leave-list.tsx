import { Button, Text, View } from '@tarojs/components'
import type { OutputOf } from '../../../../types/api'
import { fullDateTime } from '../../../lib/time'
import './meetings.css'

export type LeaveItem = OutputOf<'meetings', 'listLeaves'>['items'][number]

const DECIDED_LABELS = { approved: '已批准', rejected: '未批准' } as const

interface LeaveListProps {
  items: LeaveItem[]
  busyId: string | null
  onApprove: (item: LeaveItem) => void
  onReject: (item: LeaveItem) => void
}

/** 请假审批: pending requests first with 批准 / 不批准, then those already decided. */
export function LeaveList({ items, busyId, onApprove, onReject }: LeaveListProps) {
  const pending = items.filter((item) => item.status === 'pending')
  const decided = items.filter((item) => item.status !== 'pending')
  return (
    <View data-testid="leave-list">
      <View className="card">
        <View className="card__title">待审批（{pending.length}）</View>
        {pending.length === 0 ? <Text className="muted">没有待审批的请假申请</Text> : null}
        {pending.map((item) => (
          <View key={item.memberId} className="meet-leave divided" data-testid="leave-pending">
            <Text className="meet-member__name">{item.name}</Text>
            <Text className="meet-leave__reason">{`申请于 ${fullDateTime(item.requestedAt)}`}</Text>
            <Text className="meet-leave__reason">请假原因：{item.reason}</Text>
            <View className="btn-row">
              <Button
                className="btn btn--ghost"
                data-testid="leave-reject"
                disabled={busyId !== null || undefined}
                onClick={() => onReject(item)}
              >
                不批准
              </Button>
              <Button
                className="btn btn--primary"
                data-testid="leave-approve"
                loading={busyId === item.memberId}
                disabled={busyId !== null || undefined}
                onClick={() => onApprove(item)}
              >
                批准
              </Button>
            </View>
          </View>
        ))}
      </View>
      {decided.length ? (
        <View className="card">
          <View className="card__title">已审批（{decided.length}）</View>
          {decided.map((item) => (
            <View key={item.memberId} className="meet-leave divided" data-testid="leave-decided">
              <View className="list-item__head">
                <Text className="meet-member__name">{item.name}</Text>
                <Text className={`tag ${item.status === 'approved' ? '' : 'tag--plain'}`} data-testid="leave-status">
                  {DECIDED_LABELS[item.status as 'approved' | 'rejected']}
                </Text>
              </View>
              <Text className="meet-leave__reason">请假原因：{item.reason}</Text>
              {item.decisionNote ? (
                <Text className="meet-leave__reason" data-testid="leave-decision-note">
                  不批准原因：{item.decisionNote}
                </Text>
              ) : null}
            </View>
          ))}
        </View>
      ) : null}
    </View>
  )
}
