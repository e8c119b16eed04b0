import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { PeriodKind } from '../../../../../types/points'
import { PageState } from '../../../../components/page-state'
import { useAction } from '../../../../hooks/use-action'

const PERIODS: [PeriodKind, string][] = [
  ['month', '本月'],
  ['quarter', '本季度'],
  ['year', '本年度'],
]

/** 积分排行榜: members (my branch, or the bureau when allowed) or branches by average, participation and total. */
export default function LeaderboardPage() {
  const [of, setOf] = useState<'members' | 'branches'>('members')
  const [period, setPeriod] = useState<PeriodKind>('year')
  return (
    <View className="page">
      <View className="row">
        <Text className={of === 'members' ? 'tag' : 'tag tag--plain'} onClick={() => setOf('members')}>
          党员排名
        </Text>
        <Text
          className={of === 'branches' ? 'tag' : 'tag tag--plain'}
          data-testid="board-branches"
          onClick={() => setOf('branches')}
        >
          支部排名
        </Text>
      </View>
      <View className="row">
        {PERIODS.map(([kind, label]) => (
          <Text key={kind} className={period === kind ? 'tag' : 'tag tag--plain'} onClick={() => setPeriod(kind)}>
            {label}
          </Text>
        ))}
      </View>
      {of === 'members' ? <MemberBoard period={period} /> : <BranchBoard period={period} />}
    </View>
  )
}

function MemberBoard({ period }: { period: PeriodKind }) {
  const board = useAction('points', 'leaderboard', { of: 'members', period, branchId: null })
  return (
    <PageState query={board} isEmpty={(data) => data.members.length === 0} empty={{ title: '本期还没有积分记录' }}>
      {(data) => (
        <View className="card">
          {data.me ? (
            <Text className="card__title" data-testid="board-me">
              我的排名：第 {data.me.rank} 名 · {data.me.points} 分
            </Text>
          ) : null}
          {data.members.map((row) => (
            <View key={row.memberId} className="row">
              <Text className="row__label">
                {row.rank}. {row.name} <Text className="muted">{row.branchName}</Text>
              </Text>
              <Text className="row__value">{row.points} 分</Text>
            </View>
          ))}
        </View>
      )}
    </PageState>
  )
}

function BranchBoard({ period }: { period: PeriodKind }) {
  const board = useAction('points', 'leaderboard', { of: 'branches', period, sort: 'average' })
  return (
    <PageState query={board}>
      {(data) => (
        <View className="card" data-testid="branch-board">
          <Text className="muted">按人均积分排名；参与率 = 本期有积分记录的党员占比（不含免于排名的党员）</Text>
          {data.branches.map((row) => (
            <View key={row.branchId} className="row" data-testid="branch-row">
              <Text className="row__label">
                {row.rank}. {row.name}
              </Text>
              <Text className="row__value">
                人均 {row.average} · 参与率 {Math.round(row.participation * 100)}% · 合计 {row.total}
              </Text>
            </View>
          ))}
        </View>
      )}
    </PageState>
  )
}
