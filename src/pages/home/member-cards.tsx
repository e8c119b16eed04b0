import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { MeetingSummary } from '../../../types/meetings'
import { EmptyState, PageState } from '../../components/page-state'
import { useAction } from '../../hooks/use-action'
import { useOnReturn } from '../../hooks/use-on-return'
import { useScanCheckIn } from '../../hooks/use-scan-check-in'
import { CAN_SCAN } from '../../lib/check-in'
import { ATTENDANCE_LABELS, meetingHeading } from '../../lib/meeting-labels'
import { meetingPageUrl, POINTS_TAB, taskPageUrl } from '../../lib/routes'
import { monthDayTime } from '../../lib/time'
import { CHECK_IN_LOOKAHEAD_MS, checkInOpen } from './today'

/**
 * A member's day in three cards — the next meeting with 签到 while it is open,
 * today's study, my points and rank. 关怀模式 shows them alone and big
 * (`care`); otherwise they follow the role's own section, a little tighter.
 */
export function MemberCards({ care }: { care: boolean }) {
  const id = care ? 'care' : 'home'
  const cardClass = `card care-card${care ? '' : ' care-card--compact'}`
  return (
    <View data-testid={care ? 'care-home' : 'home-member'}>
      <NextMeetingCard id={id} className={cardClass} />
      <StudyCard id={id} className={cardClass} />
      <PointsCard id={id} className={cardClass} />
    </View>
  )
}

interface CardProps {
  /** Test-id prefix: care-… in 关怀模式, home-… otherwise. */
  id: string
  className: string
}

function NextMeetingCard({ id, className }: CardProps) {
  const next = useAction('meetings', 'listMine', { when: 'upcoming', page: 1, pageSize: 1 })
  useOnReturn(() => next.reload())
  return (
    <View className={className} data-testid={`${id}-meeting`}>
      <Text className="care-card__kicker">下次会议</Text>
      <PageState query={next} isEmpty={(data) => data.items.length === 0} empty={{ title: '近期没有会议' }}>
        {(data) => {
          const meeting = data.items[0]
          return (
            <View>
              <Text className="care-card__title" data-testid={`${id}-meeting-title`}>
                {meetingHeading(meeting)}
              </Text>
              <Text className="care-card__line">{monthDayTime(meeting.startsAt)}</Text>
              <Text className="care-card__line">{meeting.place}</Text>
              {meeting.mine ? (
                <Text className="tag tag--ok">{ATTENDANCE_LABELS[meeting.mine]}</Text>
              ) : meeting.startsAt - Date.now() < CHECK_IN_LOOKAHEAD_MS ? (
                // Only a meeting this close can have its check-in open: ask the meeting for its window.
                <CheckIn id={id} meeting={meeting} onCheckedIn={next.reload} />
              ) : null}
              <Button
                className="btn btn--ghost care-card__action"
                data-testid={`${id}-meeting-open`}
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

/** The big 签到 while the meeting's check-in window is open: 扫码签到 on weapp, 签到进行中 on H5 (no camera). */
function CheckIn({ id, meeting, onCheckedIn }: { id: string; meeting: MeetingSummary; onCheckedIn: () => void }) {
  const detail = useAction('meetings', 'get', { meetingId: meeting.id })
  const checkingIn = useScanCheckIn(onCheckedIn)
  if (detail.state !== 'ok' || !checkInOpen(detail.data, Date.now())) return null
  return CAN_SCAN ? (
    <Button
      className="btn btn--primary care-card__action"
      data-testid={`${id}-check-in`}
      loading={checkingIn.busy}
      onClick={() => checkingIn.submit()}
    >
      扫码签到
    </Button>
  ) : (
    <Text className="tag tag--ok" data-testid={`${id}-check-in`}>
      签到进行中
    </Text>
  )
}

function StudyCard({ id, className }: CardProps) {
  const tasks = useAction('study', 'myTasks', { status: 'open', page: 1, pageSize: 1 })
  useOnReturn(() => tasks.reload())
  return (
    <View className={className} data-testid={`${id}-study`}>
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
                data-testid={`${id}-study-open`}
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

function PointsCard({ id, className }: CardProps) {
  const mine = useAction('points', 'myPoints', { period: 'year', page: 1, pageSize: 1 })
  useOnReturn(() => mine.reload())
  return (
    <View className={className} data-testid={`${id}-points`}>
      <Text className="care-card__kicker">我的积分</Text>
      <PageState query={mine}>
        {(data) => (
          <View>
            <Text className="care-card__figure" data-testid={`${id}-points-figure`}>
              {data.points}
            </Text>
            <Text className="care-card__line" data-testid={`${id}-points-rank`}>
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
