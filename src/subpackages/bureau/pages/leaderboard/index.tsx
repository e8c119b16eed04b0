import { Button, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { BranchRows, MemberRows, SORT_LABELS } from '../../../../components/leaderboard-rows'
import { PageState } from '../../../../components/page-state'
import { useAction } from '../../../../hooks/use-action'
import { periodKey } from '../../../../lib/time'
import { useBureauExport } from '../../lib/download'
import '../../components/bureau.css'
import { Page } from '../../../../components/page'

type Sort = 'average' | 'participation' | 'total'

function periods(now: number): [string, string][] {
  return [
    [periodKey(now, 'month'), '本月'],
    [periodKey(now, 'quarter'), '本季度'],
    [periodKey(now, 'year'), '本年度'],
    [periodKey(now, 'year', -1), '上年度'],
  ]
}

/** 积分排行 across the bureau: fair branch ranking and top members for a chosen period. */
export default function BureauLeaderboardPage() {
  const options = periods(Date.now())
  const [period, setPeriod] = useState(options[2][0])
  const [sort, setSort] = useState<Sort>('average')
  const board = useAction('bureau', 'leaderboard', { period, sort, pageSize: 100 })
  const exporting = useBureauExport('exportSheet')
  const chip = (on: boolean) => (on ? 'chip chip--on' : 'chip')
  return (
    <Page>
      <View className="chips">
        {options.map(([key, label]) => (
          <Text key={key} className={chip(period === key)} data-testid={`period-${key}`} onClick={() => setPeriod(key)}>
            {label}
          </Text>
        ))}
      </View>
      <View className="chips">
        {(['average', 'participation', 'total'] as const).map((key) => (
          <Text key={key} className={chip(sort === key)} onClick={() => setSort(key)}>
            按{SORT_LABELS[key]}
          </Text>
        ))}
      </View>
      <PageState query={board} isEmpty={(data) => data.branches.length === 0} empty={{ title: '本期还没有积分记录' }}>
        {(data) => (
          <View>
            <View className="card">
              <Text className="card__title">支部排名</Text>
              <BranchRows rows={data.branches} sort={sort} />
            </View>
            <View className="card">
              <Text className="card__title">党员排名（前50名）</Text>
              <MemberRows rows={data.members} me={null} showBranch />
            </View>
          </View>
        )}
      </PageState>
      <Button
        className="btn btn--primary bureau-bar"
        data-testid="export-leaderboard"
        loading={exporting.busy}
        onClick={() => exporting.submit({ view: 'leaderboard', period, sort })}
      >
        导出 Excel
      </Button>
    </Page>
  )
}
