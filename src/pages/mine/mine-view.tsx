import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { COMMITTEE_POSITION_LABELS, MEMBER_TYPE_LABELS, ROLE_LABELS } from '../../../types/labels'
import type { Me } from '../../../types/roster'
import { LinkRow } from '../../components/link-row'
import { SwitchRow } from '../../components/switch-row'
import { MY_DUES_PAGE, modelPostsPageUrl, pairsPageUrl, VOLUNTEER_PAGE, YEARLY_PAGE } from '../../lib/routes'
import { manageEntriesFor } from './manage-entries'

interface MineViewProps {
  me: Me
  onOpenProfile: () => void
  /** Opens a 管理 entry (a roster page); the section shows only to roles that manage something. */
  onOpenEntry?: (url: string) => void
  /** 关怀模式 as the phone shows it now, and the switch to change it (absent: no switch). */
  careMode?: boolean
  savingCare?: boolean
  onCareMode?: (on: boolean) => void
  /** 消息订阅 (政治生日…), drawn by the page: it reads the caller's subscriptions itself. */
  subscriptions?: ReactNode
  /** 我的岗位 (示范岗 / 先锋岗 / 责任区), drawn by the page: it reads the caller's posts itself. */
  posts?: ReactNode
}

/** 我的: who the caller is in the party organisation, as the roster knows them, and their own settings. */
export function MineView({
  me,
  onOpenProfile,
  onOpenEntry,
  careMode,
  savingCare,
  onCareMode,
  subscriptions,
  posts,
}: MineViewProps) {
  const entries = manageEntriesFor(me)
  return (
    <View data-testid="mine-view">
      <View className="hero">
        <Text className="hero__title" data-testid="mine-name">
          {me.name}
        </Text>
        <Text className="hero__subtitle">{me.tenant.name}</Text>
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

      <View className="card">
        <LinkRow title="个人资料" hint="姓名、所在支部和职务" testId="mine-open-profile" onClick={onOpenProfile} />
        <LinkRow
          title="年度工作"
          hint="谈心谈话、组织生活会、民主评议党员、书记述职"
          testId="mine-open-yearly"
          onClick={() => onOpenEntry?.(YEARLY_PAGE)}
        />
        <LinkRow
          title="志愿服务"
          hint="报名参加志愿服务活动、签到，查看本年志愿时长"
          testId="mine-open-volunteer"
          onClick={() => onOpenEntry?.(VOLUNTEER_PAGE)}
        />
        <LinkRow
          title="党员示范岗"
          hint="我的示范岗、先锋岗、责任区和履诺记录"
          testId="mine-open-posts"
          onClick={() => onOpenEntry?.(modelPostsPageUrl())}
        />
        {me.branch ? (
          <LinkRow
            title="结对帮扶"
            hint="结对对象与走访记录"
            testId="mine-open-pairs"
            onClick={() => me.branch && onOpenEntry?.(pairsPageUrl(me.branch.id))}
          />
        ) : null}
        {me.branch ? (
          <LinkRow
            title="我的党费"
            hint="逐月应交、已交，导出党费交纳明细"
            testId="mine-open-dues"
            onClick={() => onOpenEntry?.(MY_DUES_PAGE)}
          />
        ) : null}
        {onCareMode ? (
          <SwitchRow
            label="关怀模式"
            hint="字更大、按钮更大，首页只留会议、学习和积分"
            checked={careMode ?? false}
            disabled={savingCare || undefined}
            testId="care-mode-switch"
            onChange={onCareMode}
          />
        ) : null}
      </View>

      {posts}

      {subscriptions}

      {entries.length > 0 ? (
        <View className="card" data-testid="mine-manage">
          <Text className="card__title">管理</Text>
          {entries.map((entry) => (
            <LinkRow
              key={entry.key}
              title={entry.title}
              hint={entry.hint}
              testId={`mine-entry-${entry.key}`}
              onClick={() => onOpenEntry?.(entry.url)}
            />
          ))}
        </View>
      ) : null}
    </View>
  )
}
