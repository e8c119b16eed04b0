import { Text, View } from '@tarojs/components'
import type { MembershipChange } from '../../../../types/org'
import { ListItem } from '../../../components/list-item'
import { PageState } from '../../../components/page-state'
import { useAction } from '../../../hooks/use-action'
import { fullDateTime } from '../../../lib/time'
import './roster.css'

/** One 组织关系 change as the member page says it. */
export function changeLine(change: MembershipChange): string {
  switch (change.kind) {
    case 'join':
      return `编入 ${change.branchName}`
    case 'transfer_out':
      // No other branch: out of the county, the destination is in the reason (介绍信).
      return change.otherBranchName
        ? `转出 ${change.branchName}，转往 ${change.otherBranchName}`
        : `转出 ${change.branchName}（转往县外）`
    case 'transfer_in':
      return change.otherBranchName
        ? `转入 ${change.branchName}（由 ${change.otherBranchName} 转来）`
        : `转入 ${change.branchName}（由县外转来）`
    case 'leave':
      return `停用（${change.branchName}）`
  }
}

/** 组织关系变动: when the member joined, transferred and left, and who recorded it; kept even after 停用. */
export function MembershipHistory({ memberId }: { memberId: string }) {
  const history = useAction('roster', 'memberHistory', { memberId })
  return (
    <View className="card" data-testid="membership-history">
      <Text className="card__title roster-title">组织关系变动</Text>
      <PageState
        query={history}
        isEmpty={(data) => data.items.length === 0}
        empty={{ title: '暂无变动记录', hint: '新增、组织关系转接和停用都会记录在这里' }}
      >
        {({ items }) => (
          <>
            {items.map((change) => (
              <ListItem
                key={change.id}
                testId="membership-change"
                title={changeLine(change)}
                meta={[
                  `${fullDateTime(change.at)}${change.byName ? ` · ${change.byName}` : ''}`,
                  change.reason ? `原因：${change.reason}` : null,
                ]}
              />
            ))}
          </>
        )}
      </PageState>
    </View>
  )
}
