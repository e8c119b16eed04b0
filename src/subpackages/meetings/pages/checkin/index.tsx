import { Button, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import type { AppError } from '../../../../../types/errors'
import { PageState } from '../../../../components/page-state'
import { useAction } from '../../../../hooks/use-action'
import { ATTENDANCE_LABELS, formatWhen, meetingHeading } from '../../../../pages/meetings/labels'
import { type CheckInResult, checkInWith } from '../../lib/check-in'
import { meetingUrl } from '../../lib/urls'
import '../../components/meetings.css'

/**
 * 会议签到: opened from the phone camera by the secretary's 小程序码 (its
 * scene), it checks the member in at once — with their position when the
 * meeting asks for it — and says what happened with a way on. Opened without
 * a code, it lists the member's meetings whose check-in is open.
 */
export default function CheckInPage() {
  const scene = decodeURIComponent(useRouter().params.scene ?? '')
  return <View className="page">{scene ? <FromCode scene={scene} /> : <OpenMeetings />}</View>
}

type Outcome = { state: 'busy' } | { state: 'done'; result: CheckInResult } | { state: 'refused'; error: AppError }

function FromCode({ scene }: { scene: string }) {
  const [outcome, setOutcome] = useState<Outcome>({ state: 'busy' })
  useEffect(() => {
    checkInWith({ scene }, false).then((result) =>
      setOutcome(result.ok ? { state: 'done', result: result.data } : { state: 'refused', error: result.error }),
    )
  }, [scene])
  if (outcome.state === 'busy')
    return (
      <View className="card meet-result">
        <Text className="meet-result__title">正在签到…</Text>
      </View>
    )
  if (outcome.state === 'refused')
    return (
      <View className="card meet-result" data-testid="meetings-checkin-result">
        <Text className="meet-result__title">未能签到</Text>
        <Text className="meet-line" data-testid="meetings-checkin-error">
          {outcome.error.message}
        </Text>
        <Button className="btn btn--primary meet-bar" onClick={() => Taro.switchTab({ url: '/pages/meetings/index' })}>
          查看我的会议
        </Button>
      </View>
    )
  const { result } = outcome
  return (
    <View className="card meet-result" data-testid="meetings-checkin-result">
      <Text className="meet-result__title">{result.first ? '签到成功' : '您已签到'}</Text>
      <Text className="meet-line">{result.title}</Text>
      <Text className="meet-line">
        {ATTENDANCE_LABELS[result.status]} · {formatWhen(result.at)}
      </Text>
      <Button
        className="btn btn--primary meet-bar"
        data-testid="checkin-open-meeting"
        onClick={() => Taro.redirectTo({ url: meetingUrl(result.meetingId) })}
      >
        查看会议
      </Button>
      <Button className="btn btn--ghost meet-bar" onClick={() => Taro.switchTab({ url: '/pages/home/index' })}>
        返回首页
      </Button>
    </View>
  )
}

/** Without a code: the meetings the member can check in to now, each opening its 签到. */
function OpenMeetings() {
  const mine = useAction('meetings', 'listMine', { when: 'upcoming', page: 1, pageSize: 20 })
  return (
    <PageState
      query={mine}
      isEmpty={(data) => data.items.length === 0}
      empty={{
        title: '近期没有需要签到的会议',
        hint: '会议开始前30分钟可签到：扫描书记出示的签到码，或在会议页面输入签到码',
      }}
    >
      {(data) => (
        <View className="card" data-testid="checkin-meetings">
          <View className="card__title">选择要签到的会议</View>
          {data.items.map((meeting) => (
            <View
              key={meeting.id}
              className="meet-entry divided"
              onClick={() => Taro.redirectTo({ url: meetingUrl(meeting.id) })}
            >
              <Text className="meet-entry__title">{meetingHeading(meeting)}</Text>
              <Text className="meet-entry__line">
                {formatWhen(meeting.startsAt)} · {meeting.place}
                {meeting.mine ? ` · ${ATTENDANCE_LABELS[meeting.mine]}` : ''}
              </Text>
            </View>
          ))}
        </View>
      )}
    </PageState>
  )
}
