import { Button, Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { PageState } from '../../components/page-state'
import { useAction } from '../../hooks/use-action'
import { PUBLISH_PAGE, taskPageUrl } from '../../lib/routes'
import { monthDayTime } from '../../lib/time'
import { canPublishStudy } from './entries'

/** 学习: streaks, the tasks still open, and what I have studied. */
export default function StudyPage() {
  const tasks = useAction('study', 'myTasks', { status: 'open' })
  const mine = useAction('study', 'myStudy', { pageSize: 10 })
  const me = useAction('roster', 'me', {})
  useDidShow(() => {
    tasks.reload()
    mine.reload()
  })
  return (
    <View className="page">
      <PageState query={mine}>
        {(data) => (
          <View className="hero">
            <Text className="hero__title">连续学习 {data.streakDays} 天</Text>
            <Text className="hero__subtitle">
              连续 {data.streakWeeks} 周 · 累计打卡 {data.totalCheckins} 次
            </Text>
          </View>
        )}
      </PageState>
      {canPublishStudy(me.state === 'ok' ? me.data : null) ? (
        <Button
          className="btn btn--primary"
          data-testid="study-publish-entry"
          onClick={() => Taro.navigateTo({ url: PUBLISH_PAGE })}
        >
          发布学习任务
        </Button>
      ) : null}
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
                <View
                  key={task.id}
                  className="row"
                  data-testid="study-task"
                  onClick={() => Taro.navigateTo({ url: taskPageUrl(task.id) })}
                >
                  <Text className="row__label">
                    {task.collectiveDay ? '【集中学习日】' : ''}
                    {task.title}
                  </Text>
                  <Text className="row__value muted">{task.dueOn} 截止</Text>
                </View>
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
                <View
                  key={item.taskId}
                  className="row"
                  onClick={() => Taro.navigateTo({ url: taskPageUrl(item.taskId) })}
                >
                  <Text className="row__label">{item.title}</Text>
                  <Text className="row__value muted">{monthDayTime(item.at)}</Text>
                </View>
              ))}
            </View>
          )}
        </PageState>
      </View>
    </View>
  )
}
