import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { Me } from '../../../types/roster'
import { LinkRow } from '../../components/link-row'
import { ListItem } from '../../components/list-item'
import { BranchRankingCard } from '../../components/oversight'
import { Page } from '../../components/page'
import { PageState } from '../../components/page-state'
import { useAction } from '../../hooks/use-action'
import { useOnReturn } from '../../hooks/use-on-return'
import { tabViewFor } from '../../lib/tab-view'
import { monthDayTime } from '../../lib/time'
import { pointsEntriesFor } from './entries'

/**
 * 积分: my yearly total, my rank in the branch, and every entry with its reason.
 * Those who look across branches (教育局党委, 党建指导员) see the branches'
 * ranking instead of a personal 0 — and their own points too when they belong
 * to a branch.
 */
export default function PointsPage() {
  const me = useAction('roster', 'me', {})
  // Who is calling decides the view: read it again when the tab shows again (bound since, or another account).
  useOnReturn(() => me.reload())
  return (
    <Page>
      <PageState query={me}>
        {(caller) => {
          const view = tabViewFor(caller)
          return (
            <View data-testid="points-tab" data-view={view.name}>
              {view.oversight ? <BranchRankingCard idPrefix="points-oversight" size={5} /> : null}
              {view.own ? <MyPoints caller={caller} /> : <PointsEntries caller={caller} />}
            </View>
          )
        }}
      </PageState>
    </Page>
  )
}

/** What the caller can do with points, by role. */
function PointsEntries({ caller }: { caller: Me }) {
  const entries = pointsEntriesFor(caller)
  if (entries.length === 0) return null
  return (
    <View className="card" data-testid="points-entries">
      {entries.map((entry) => (
        <LinkRow
          key={entry.key}
          title={entry.title}
          testId={`points-entry-${entry.key}`}
          onClick={() => Taro.navigateTo({ url: entry.url })}
        />
      ))}
    </View>
  )
}

/** My total and rank, what I can do with points, then every entry with its reason. */
function MyPoints({ caller }: { caller: Me }) {
  // Read again whenever the tab shows again: the page reloads the caller, which mounts this afresh.
  const mine = useAction('points', 'myPoints', { period: 'year' })
  return (
    <PageState query={mine}>
      {(data) => (
        <View>
          <View className="hero">
            <Text className="hero__title" data-testid="my-points">
              本年度积分 {data.points}
            </Text>
            <Text className="hero__subtitle" data-testid="my-rank">
              {data.exempt ? '免于排名' : data.rank ? `支部排名 第${data.rank}名 / ${data.rankOf}人` : '暂无排名'}
            </Text>
          </View>
          <PointsEntries caller={caller} />
          <View className="card">
            <Text className="card__title">积分明细</Text>
            {data.history.length === 0 ? (
              <Text className="muted">还没有积分记录，参加学习和组织生活即可获得积分</Text>
            ) : (
              data.history.map((item) => (
                <ListItem
                  key={item.id}
                  testId="points-entry"
                  title={item.ruleName}
                  badges={
                    <Text className={`tag ${item.points > 0 ? 'tag--ok' : 'tag--plain'}`}>
                      {item.points > 0 ? `+${item.points}` : item.points}
                    </Text>
                  }
                  meta={[monthDayTime(item.at), item.reason, item.capped ? '已达上限，超出部分不计' : null]}
                />
              ))
            )}
          </View>
        </View>
      )}
    </PageState>
  )
}
