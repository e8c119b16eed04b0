import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { PeriodKind } from '../../../../../types/points'
import { BranchRows, type BranchSort, MemberRows, SORT_LABELS } from '../../../../components/leaderboard-rows'
import { PageState } from '../../../../components/page-state'
import { useAction } from '../../../../hooks/use-action'
import '../../components/points.css'
import { Page } from '../../../../components/page'

const PERIODS: [PeriodKind, string][] = [
  ['month', '本月'],
  ['quarter', '本季度'],
  ['year', '本年度'],
]

/** 积分排行榜: members (my branch, or the bureau when allowed) or branches by average, participation and total. */
export default function LeaderboardPage() {
  const me = useAction('roster', 'me', {})
  const readsBranches = me.state === 'ok' && me.data.roles.some((role) => role !== 'member')
  const [of, setOf] = useState<'members' | 'branches'>('members')
  const [period, setPeriod] = useState<PeriodKind>('year')
  const [sort, setSort] = useState<BranchSort>('average')
  const chip = (on: boolean) => (on ? 'chip chip--on' : 'chip')
  return (
    <Page>
      <View className="chips">
        <Text className={chip(of === 'members')} data-testid="board-members" onClick={() => setOf('members')}>
          党员排名
        </Text>
        {readsBranches ? (
          <Text className={chip(of === 'branches')} data-testid="board-branches" onClick={() => setOf('branches')}>
            支部排名
          </Text>
        ) : null}
      </View>
      <View className="chips">
        {PERIODS.map(([kind, label]) => (
          <Text
            key={kind}
            className={chip(period === kind)}
            data-testid={`period-${kind}`}
            onClick={() => setPeriod(kind)}
          >
            {label}
          </Text>
        ))}
      </View>
      {of === 'branches' ? (
        <View className="chips">
          {(['average', 'participation', 'total'] as const).map((key) => (
            <Text key={key} className={chip(sort === key)} data-testid={`sort-${key}`} onClick={() => setSort(key)}>
              按{SORT_LABELS[key]}
            </Text>
          ))}
        </View>
      ) : null}
      {of === 'members' ? (
        <MemberBoard period={period} showBranch={me.state === 'ok' && me.data.roles.includes('bureau_staff')} />
      ) : (
        <BranchBoard period={period} sort={sort} />
      )}
    </Page>
  )
}

function MemberBoard({ period, showBranch }: { period: PeriodKind; showBranch: boolean }) {
  const board = useAction('points', 'leaderboard', { of: 'members', period, branchId: null })
  return (
    <PageState
      query={board}
      isEmpty={(data) => data.members.length === 0}
      empty={{ title: '本期还没有积分记录', hint: '参加学习和组织生活即可获得积分' }}
    >
      {(data) => (
        <View className="card">
          <MemberRows rows={data.members} me={data.me} showBranch={showBranch} />
        </View>
      )}
    </PageState>
  )
}

function BranchBoard({ period, sort }: { period: PeriodKind; sort: BranchSort }) {
  const board = useAction('points', 'leaderboard', { of: 'branches', period, sort })
  return (
    <PageState query={board} isEmpty={(data) => data.branches.length === 0} empty={{ title: '还没有党支部' }}>
      {(data) => (
        <View className="card">
          <Text className="field-hint">
            人均 = 本期积分 ÷ 参与排名的党员数；参与率 = 本期有积分记录的党员占比（均不含免于排名的党员）
          </Text>
          <BranchRows rows={data.branches} sort={sort} />
        </View>
      )}
    </PageState>
  )
}
