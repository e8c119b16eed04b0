import { Text, View } from '@tarojs/components'
import { COMMITTEE_POSITION_LABELS } from '../../../../types/labels'
import type { MemberRow } from '../../../../types/roster'
import { FloatingBadge } from './floating-badge'
import './roster.css'

interface MemberRowViewProps {
  member: MemberRow
  /** The 党小组's name, looked up by the page from roster.tree; null when not in a group. */
  groupName: string | null
  onOpen: (memberId: string) => void
}

/** One line of a 党员名册: who, which group, which tags, and whether their WeChat is bound. */
export function MemberRowView({ member, groupName, onOpen }: MemberRowViewProps) {
  const inactive = member.status === 'inactive'
  return (
    <View
      className={`member-row divided${inactive ? ' member-row--inactive' : ''}`}
      data-testid="member-row"
      data-member-id={member.id}
      onClick={() => onOpen(member.id)}
    >
      <View className="member-row__main">
        <View className="member-row__title">
          <Text className="member-row__name" data-testid="member-row-name">
            {member.name}
          </Text>
          <Text
            className={`tag ${member.memberType === 'probationary' ? 'tag--warn' : 'tag--plain'}`}
            data-testid="member-row-type"
          >
            {member.memberType === 'probationary' ? '预备' : '正式'}
          </Text>
          {member.committeePosition ? (
            <Text className="tag" data-testid="member-row-position">
              {COMMITTEE_POSITION_LABELS[member.committeePosition]}
            </Text>
          ) : null}
          <FloatingBadge floating={member.floating} testId="member-row-floating" />
          {member.invitationLocked ? (
            <Text className="tag tag--warn" data-testid="member-row-invitation-locked">
              邀请已锁定
            </Text>
          ) : null}
          {inactive ? (
            <Text className="tag tag--plain" data-testid="member-row-inactive">
              已停用
            </Text>
          ) : null}
        </View>
        <View className="member-row__meta">
          <Text>{groupName ?? '未编入党小组'}</Text>
          <Text className="member-row__phone" data-testid="member-row-phone">
            {member.phone ?? '未登记手机'}
          </Text>
        </View>
      </View>
      <Text
        className={`member-row__bound${member.bound ? ' member-row__bound--yes' : ''}`}
        data-testid="member-row-bound"
      >
        {member.bound ? '已绑定微信' : '未绑定'}
      </Text>
    </View>
  )
}
