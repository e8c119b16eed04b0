import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { ListItem } from '../../components/list-item'
import { OverviewCard, StudyRow } from '../../components/oversight'
import { Page } from '../../components/page'
import { PageState } from '../../components/page-state'
import { useAction } from '../../hooks/use-action'
import { useOnReturn } from '../../hooks/use-on-return'
import { PUBLISH_PAGE, taskPageUrl } from '../../lib/routes'
import { tabViewFor } from '../../lib/tab-view'
import { monthDayTime } from '../../lib/time'
import { canPublishStudy } from './entries'
import './index.css'

/**
 * 学习: streaks, the tasks still open, and what I have studied. Those who look
 * across branches (教育局党委, 党建指导员) see the branches' study participation
 * instead of a personal 0 — and their own study too when they belong to a branch.
 */
export default function StudyPage() {
  const me = useAction('roster', 'me', {})
  // Who is calling decides the view: read it again when the tab shows again (bound since, or another account).
  useOnReturn(() => me.reload())
  return (
    <Page>
      <PageState query={me}>
        {(caller) => {
          const view = tabViewFor(caller)
          return (
            <View data-testid="study-tab" data-view={view.name}>
              {view.oversight ? (
                <OverviewCard>{(data) => <StudyRow data={data} idPrefix="study-oversight" />}</OverviewCard>
              ) : null}
              {canPublishStudy(caller) ? (
                <Button
                  className="btn btn--primary study-publish"
                  data-testid="study-publish-entry"
                  onClick={() => Taro.navigateTo({ url: PUBLISH_PAGE })}
                >
                  发布学习任务
                </Button>
              ) : null}
              {view.own ? <MyStudy /> : null}
            </View>
          )
        }}
      </PageState>
    </Page>
  )
}

/** Mounted afresh whenever the tab shows again (the page reloads the caller), so its reads are current. */
function MyStudy() {
  const tasks = useAction('study', 'myTasks', { status: 'open' })
  const mine = useAction('study', 'myStudy', { pageSize: 10 })
  return (
    <View>
      <PageState query={mine}>
        {(data) => (
          <View className="card" data-testid="study-streaks">
            <View className="stats">
              <View className="stat">
                <Text className="stat__value">{data.streakDays}</Text>
                <Text className="stat__label">连续学习天数</Text>
              </View>
              <View className="stat">
                <Text className="stat__value">{data.streakWeeks}</Text>
                <Text className="stat__label">连续学习周数</Text>
              </View>
              <View className="stat">
                <Text className="stat__value">{data.totalCheckins}</Text>
                <Text className="stat__label">累计打卡次数</Text>
              </View>
            </View>
          </View>
        )}
      </PageState>
      <View className="card">
        <Text className="card__title">待完成的学习任务</Text>
        <PageState
          query={tasks}
          isEmpty={(data) => data.items.length === 0}
          empty={{ title: '暂无待学习的任务', hint: '支部发布学习任务后会显示在这里' }}
        >
          {(data) => (
            <View>
              {data.items.map((task) => (
                <ListItem
                  key={task.id}
                  testId="study-task"
                  title={task.title}
                  badges={task.collectiveDay ? <Text className="tag">集中学习日</Text> : null}
                  meta={[`${task.dueOn} 截止`]}
                  onClick={() => Taro.navigateTo({ url: taskPageUrl(task.id) })}
                />
              ))}
            </View>
          )}
        </PageState>
      </View>
      <View className="card">
        <Text className="card__title">学习记录</Text>
        <PageState
          query={mine}
          isEmpty={(data) => data.history.length === 0}
          empty={{ title: '还没有学习记录', hint: '完成学习任务并打卡后会显示在这里' }}
        >
          {(data) => (
            <View>
              {data.history.map((item) => (
                <ListItem
                  key={item.taskId}
                  title={item.title}
                  meta={[`${monthDayTime(item.at)} 打卡`]}
                  onClick={() => Taro.navigateTo({ url: taskPageUrl(item.taskId) })}
                />
              ))}
            </View>
          )}
        </PageState>
      </View>
    </View>
  )
}
