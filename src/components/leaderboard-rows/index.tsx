import { Text, View } from '@tarojs/components'
import type { BranchStanding, Standing } from '../../../types/points'
import './index.css'

/** Ranks shared by more than one row (并列). */
function tiedRanks(ranks: number[]): Set<number> {
  const seen = new Set<number>()
  const tied = new Set<number>()
  for (const rank of ranks) {
    if (seen.has(rank)) tied.add(rank)
    seen.add(rank)
  }
  return tied
}

interface MemberRowsProps {
  rows: Standing[]
  me: Standing | null
  /** Show each member's branch (bureau-wide lists). */
  showBranch: boolean
}

/** 党员排名: competition ranking as the server gave it — tied members share a rank, the next rank skips. */
export function MemberRows({ rows, me, showBranch }: MemberRowsProps) {
  const tied = tiedRanks(rows.map((row) => row.rank))
  return (
    <View data-testid="member-board">
      {me ? (
        <Text className="card__title" data-testid="board-me">
          我的排名：第 {me.rank} 名 · {me.points} 分
        </Text>
      ) : null}
      {rows.map((row) => (
        <View
          key={row.memberId}
          className={`board-row divided${me?.memberId === row.memberId ? ' board-row--me' : ''}`}
          data-testid="member-row"
          data-rank={row.rank}
        >
          <Text className={`board-rank${row.rank <= 3 ? ' board-rank--top' : ''}`} data-testid="member-rank">
            {row.rank}
          </Text>
          <View className="board-main">
            <Text className="board-name">{row.name}</Text>
            {showBranch || tied.has(row.rank) ? (
              <Text className="board-sub">
                {[showBranch ? row.branchName : '', tied.has(row.rank) ? '并列' : ''].filter(Boolean).join(' · ')}
              </Text>
            ) : null}
          </View>
          <Text className="board-points">{row.points} 分</Text>
        </View>
      ))}
    </View>
  )
}

export type BranchSort = 'average' | 'participation' | 'total'

export const SORT_LABELS: Record<BranchSort, string> = { average: '人均', participation: '参与率', total: '合计' }

export const percent = (share: number) => `${Math.round(share * 100)}%`

/** 人均 to two decimals (close averages still tell apart), without trailing zeros. */
export const average = (value: number) => (Math.round(value * 100) / 100).toString()

interface BranchRowsProps {
  rows: BranchStanding[]
  sort: BranchSort
}

/**
 * 支部排名, fair across sizes: average points per ranked member, participation
 * (share of ranked members with any points this period) and the total, the
 * sorted column marked; exempt members are out of all three.
 */
export function BranchRows({ rows, sort }: BranchRowsProps) {
  const tied = tiedRanks(rows.map((row) => row.rank))
  const col = (key: BranchSort) => `board-col${sort === key ? ' board-col--sorted' : ''}`
  return (
    <View data-testid="branch-board">
      <View className="board-head">
        <Text className="board-main">支部</Text>
        <View className="board-cols">
          {(['average', 'participation', 'total'] as const).map((key) => (
            <Text key={key} className={col(key)} data-testid={`branch-head-${key}`}>
              {SORT_LABELS[key]}
            </Text>
          ))}
        </View>
      </View>
      {rows.map((row) => (
        <View key={row.branchId} className="board-row divided" data-testid="branch-row" data-rank={row.rank}>
          <Text className={`board-rank${row.rank <= 3 ? ' board-rank--top' : ''}`} data-testid="branch-rank">
            {row.rank}
          </Text>
          <View className="board-main">
            <Text className="board-name" data-testid="branch-name">
              {row.name}
            </Text>
            <Text className="board-sub">
              {`${row.activeMembers} 人参与排名${row.members > row.activeMembers ? `（${row.members - row.activeMembers} 人免于排名）` : ''}${tied.has(row.rank) ? ' · 并列' : ''}`}
            </Text>
          </View>
          <View className="board-cols">
            <Text className={col('average')} data-testid="branch-average">
              {average(row.average)}
            </Text>
            <Text className={col('participation')} data-testid="branch-participation">
              {percent(row.participation)}
            </Text>
            <Text className={col('total')} data-testid="branch-total">
              {row.total}
            </Text>
          </View>
        </View>
      ))}
    </View>
  )
}
