import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Page } from '../../components/page'
import { EmptyState, PageState } from '../../components/page-state'
import { useAction } from '../../hooks/use-action'
import { useOnReturn } from '../../hooks/use-on-return'
import { useScanCheckIn } from '../../hooks/use-scan-check-in'
import { useCareMode } from '../../lib/care-mode'
import { CAN_SCAN } from '../../lib/check-in'
import { ATTENDANCE_LABELS, meetingHeading } from '../../lib/meeting-labels'
import { MEETINGS_TAB, meetingPageUrl, POINTS_TAB, STUDY_TAB, taskPageUrl } from '../../lib/routes'
import { hourOf, monthDayTime } from '../../lib/time'
import './index.css'

const ENTRIES = [
  { url: MEETINGS_TAB, title: '会议', hint: '三会一课、主题党日的通知与签到' },
  { url: STUDY_TAB, title: '学习', hint: '学习任务与打卡心得' },
  { url: POINTS_TAB, title: '积分', hint: '党员积分明细与排名' },
] as const

export default function HomePage() {
  const care = useCareMode()
  return (
    <Page>
      <View className="hero">
        <Text className="hero__title">{greeting(hourOf(Date.now()))}</Text>
        <Text className="hero__subtitle">欢迎使用教育党建，组织生活一手掌握</Text>
      </View>
      {care ? (
        <CareHome />
      ) : (
        ENTRIES.map((entry) => (
          <View
            key={entry.url}
            className="card home-entry"
            data-testid={`home-entry-${entry.title}`}
            onClick={() => Taro.switchTab({ url: entry.url })}
          >
            <View className="home-entry__main">
              <Text className="card__title">{entry.title}</Text>
              <Text className="muted">{entry.hint}</Text>
            </View>
            <Text className="link-row__chevron">›</Text>
          </View>
        ))
      )}
    </Page>
  )
}

/**
 * 关怀模式's 首页: three big cards and nothing else — the next meeting with
 * 签到, today's study, my points — for members who use the app for just these.
 */
function CareHome() {
  const me = useAction('roster', 'me', {})
  return (
    <PageState query={me}>
      {() => (
        <View data-testid="care-home">
          <NextMeetingCard />
          <StudyCard />
          <PointsCard />
        </View>
      )}
    </PageState>
  )
}

function NextMeetingCard() {
  const next = useAction('meetings', 'listMine', { when: 'upcoming', page: 1, pageSize: 1 })
  useOnReturn(() => next.reload())
  const checkingIn = useScanCheckIn(next.reload)
  return (
    <View className="card care-card" data-testid="care-meeting">
      <Text className="care-card__kicker">下次会议</Text>
      <PageState query={next} isEmpty={(data) => data.items.length === 0} empty={{ title: '近期没有会议' }}>
        {(data) => {
          const meeting = data.items[0]
          return (
            <View>
              <Text className="care-card__title">{meetingHeading(meeting)}</Text>
              <Text className="care-card__line">{monthDayTime(meeting.startsAt)}</Text>
              <Text className="care-card__line">{meeting.place}</Text>
              {meeting.mine ? (
                <Text className="tag tag--ok">{ATTENDANCE_LABELS[meeting.mine]}</Text>
              ) : CAN_SCAN ? (
                <Button
                  className="btn btn--primary care-card__action"
                  loading={checkingIn.busy}
                  onClick={() => checkingIn.submit()}
                >
                  扫码签到
                </Button>
              ) : null}
              <Button
                className="btn btn--ghost care-card__action"
                data-testid="care-meeting-open"
                onClick={() => Taro.navigateTo({ url: meetingPageUrl(meeting.id) })}
              >
                查看会议
              </Button>
            </View>
          )
        }}
      </PageState>
    </View>
  )
}

function StudyCard() {
  const tasks = useAction('study', 'myTasks', { status: 'open', page: 1, pageSize: 1 })
  useOnReturn(() => tasks.reload())
  return (
    <View className="card care-card" data-testid="care-study">
      <Text className="care-card__kicker">今天的学习</Text>
      <PageState query={tasks}>
        {(data) =>
          data.items.length === 0 ? (
            <EmptyState title="学习任务都已完成" hint="支部发布新的学习任务后会显示在这里" />
          ) : (
            <View>
              <Text className="care-card__title">{data.items[0].title}</Text>
              <Text className="care-card__line">{`${data.items[0].dueOn} 截止`}</Text>
              <Button
                className="btn btn--primary care-card__action"
                data-testid="care-study-open"
                onClick={() => Taro.navigateTo({ url: taskPageUrl(data.items[0].id) })}
              >
                去学习
              </Button>
            </View>
          )
        }
      </PageState>
    </View>
  )
}

function PointsCard() {
  const mine = useAction('points', 'myPoints', { period: 'year', page: 1, pageSize: 1 })
  useOnReturn(() => mine.reload())
  return (
    <View className="card care-card" data-testid="care-points">
      <Text className="care-card__kicker">我的积分</Text>
      <PageState query={mine}>
        {(data) => (
          <View>
            <Text className="care-card__figure">{data.points}</Text>
            <Text className="care-card__line">
              {data.exempt ? '本年度积分 · 免于排名' : data.rank ? `本年度积分 · 支部第 ${data.rank} 名` : '本年度积分'}
            </Text>
            <Button className="btn btn--ghost care-card__action" onClick={() => Taro.switchTab({ url: POINTS_TAB })}>
              查看积分明细
            </Button>
          </View>
        )}
      </PageState>
    </View>
  )
}

function greeting(hour: number): string {
  if (hour < 11) return '早上好'
  if (hour < 13) return '中午好'
  if (hour < 18) return '下午好'
  return '晚上好'
}
