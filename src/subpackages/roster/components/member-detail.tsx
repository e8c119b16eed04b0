import { Text, View } from '@tarojs/components'
import { COMMITTEE_POSITION_LABELS, MEMBER_TYPE_LABELS } from '../../../../types/labels'
import type { MemberRow } from '../../../../types/roster'
import './roster.css'

interface MemberDetailProps {
  member: MemberRow & { branchName: string | null }
  groupName: string | null
}

/** A member as readers who do not manage the branch see them (phone already masked by the server). */
export function MemberDetail({ member, groupName }: MemberDetailProps) {
  const rows: [string, string][] = [
    ['姓名', member.name],
    ['所在支部', member.branchName ?? '未编入支部'],
    ['党小组', groupName ?? '未编入党小组'],
    ['党员类型', MEMBER_TYPE_LABELS[member.memberType]],
    ...(member.memberType === 'probationary'
      ? [['转正日期', member.probationEndsOn ?? '未填写'] as [string, string]]
      : []),
    ['入党日期', member.joinedOn ?? '未填写'],
    ['支委职务', member.committeePosition ? COMMITTEE_POSITION_LABELS[member.committeePosition] : '无'],
    ['手机号码', member.phone ?? '未登记'],
    ['状态', member.status === 'active' ? '在册' : '已停用'],
    ['微信', member.bound ? '已绑定微信' : '未绑定'],
  ]
  return (
    <View className="card" data-testid="member-detail">
      {rows.map(([label, value]) => (
        <View key={label} className="row">
          <Text className="row__label">{label}</Text>
          <Text className="row__value">{value}</Text>
        </View>
      ))}
    </View>
  )
}
