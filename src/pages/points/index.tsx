import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { PageState } from '../../components/page-state'
import { useAction } from '../../hooks/use-action'
import { monthDayTime } from '../../lib/time'
import { pointsEntriesFor } from './entries'

/** 积分: my yearly total, my rank in the branch, and every entry with its reason. */
export default function PointsPage() {
  const mine = useAction('points', 'myPoints', { period: 'year' })
  const me = useAction('roster', 'me', {})
  const entries = me.state === 'ok' ? pointsEntriesFor(me.data) : []
  useDidShow(() => mine.reload())
  return (
    <View className="page">
      {entries.length > 0 ? (
        <View className="card" data-testid="points-entries">
          {entries.map((entry) => (
            <View
              key={entry.key}
              className="row"
              data-testid={`points-entry-${entry.key}`}
              onClick={() => Taro.navigateTo({ url: entry.url })}
            >
              <Text className="row__label">{entry.title}</Text>
              <Text className="row__value muted">›</Text>
            </View>
          ))}
        </View>
      ) : null}
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
            <View className="card">
              <Text className="card__title">积分明细</Text>
              {data.history.length === 0 ? (
                <Text className="muted">还没有积分记录，参加学习和组织生活即可获得积分</Text>
              ) : (
                data.history.map((item) => (
                  <View key={item.id} className="row" data-testid="points-entry">
                    <Text className="row__label">
                      {item.ruleName}
                      {item.reason ? <Text className="muted">（{item.reason}）</Text> : null}
                      {item.capped ? <Text className="muted">（已达上限）</Text> : null}
                    </Text>
                    <Text className="row__value">
                      {item.points > 0 ? `+${item.points}` : item.points} · {monthDayTime(item.at)}
                    </Text>
                  </View>
                ))
              )}
            </View>
          </View>
        )}
      </PageState>
    </View>
  )
}
