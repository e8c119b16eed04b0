import { Text, View } from '@tarojs/components'
import { COMMITTEE_POSITION_LABELS, MEMBER_TYPE_LABELS, ROLE_LABELS } from '../../../types/labels'
import type { Me } from '../../../types/roster'
import { manageEntriesFor } from './manage-entries'

interface MineViewProps {
  me: Me
  onOpenProfile: () => void
  /** Opens a 管理 entry (a roster page); the section shows only to roles that manage something. */
  onOpenEntry?: (url: string) => void
}

/** 我的: who the caller is in the party organisation, as the roster knows them. */
export function MineView({ me, onOpenProfile, onOpenEntry }: MineViewProps) {
  const entries = manageEntriesFor(me)
  return (
    <View data-testid="mine-view">
      <View className="hero">
        <Text className="hero__title" data-testid="mine-name">
          {me.name}
        </Text>
        <View className="hero__subtitle">
          <Text>{me.tenant.name}</Text>
        </View>
      </View>

      <View className="card">
        <View className="row">
          <Text className="row__label">所在支部</Text>
          <View className="row__value" data-testid="mine-branch">
            <Text>{me.branch ? me.branch.name : '未编入支部'}</Text>
            {me.branch?.joint ? <Text className="tag tag--plain">联合支部</Text> : null}
          </View>
        </View>
        <View className="row">
          <Text className="row__label">党小组</Text>
          <Text className="row__value">{me.group ? me.group.name : '未编入党小组'}</Text>
        </View>
        <View className="row">
          <Text className="row__label">党员类别</Text>
          <Text className="row__value" data-testid="mine-member-type">
            {MEMBER_TYPE_LABELS[me.memberType]}
          </Text>
        </View>
        {me.committeePosition ? (
          <View className="row">
            <Text className="row__label">支委会职务</Text>
            <Text className="row__value">{COMMITTEE_POSITION_LABELS[me.committeePosition]}</Text>
          </View>
        ) : null}
        <View className="row">
          <Text className="row__label">角色</Text>
          <View className="row__value" data-testid="mine-roles">
            {me.roles.map((role) => (
              <Text key={role} className="tag">
                {ROLE_LABELS[role]}
              </Text>
            ))}
          </View>
        </View>
      </View>

      <View className="card card--link" onClick={onOpenProfile} data-testid="mine-open-profile">
        <Text>个人资料</Text>
        <Text className="muted">查看详情 ›</Text>
      </View>

      {entries.length > 0 ? (
        <View className="card manage" data-testid="mine-manage">
          <Text className="card__title">管理</Text>
          {entries.map((entry) => (
            <View
              key={entry.key}
              className="manage__entry divided"
              data-testid={`mine-entry-${entry.key}`}
              onClick={() => onOpenEntry?.(entry.url)}
            >
              <View className="manage__main">
                <Text>{entry.title}</Text>
                <Text className="muted">{entry.hint}</Text>
              </View>
              <Text className="muted">›</Text>
            </View>
          ))}
        </View>
      ) : null}
    </View>
  )
}
