import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { LinkRow } from '../../components/link-row'
import { ListItem } from '../../components/list-item'
import { Page } from '../../components/page'
import { PageState } from '../../components/page-state'
import { useAction } from '../../hooks/use-action'
import { useOnReturn } from '../../hooks/use-on-return'
import { monthDayTime } from '../../lib/time'
import { pointsEntriesFor } from './entries'

/** 积分: my yearly total, my rank in the branch, and every entry with its reason. */
export default function PointsPage() {
  const mine = useAction('points', 'myPoints', { period: 'year' })
  const me = useAction('roster', 'me', {})
  const entries = me.state === 'ok' ? pointsEntriesFor(me.data) : []
  useOnReturn(() => mine.reload())
  return (
    <Page>
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
            {entries.length > 0 ? (
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
            ) : null}
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
    </Page>
  )
}
