import { Button, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import type { AppError } from '../../../../../types/errors'
import { Page } from '../../../../components/page'
import { PageState } from '../../../../components/page-state'
import { ResultView } from '../../../../components/result-view'
import { useAction } from '../../../../hooks/use-action'
import { type CheckInResult, checkInWith } from '../../../../lib/check-in'
import { ATTENDANCE_LABELS, meetingHeading } from '../../../../lib/meeting-labels'
import { HOME_PAGE, MEETINGS_TAB, meetingPageUrl } from '../../../../lib/routes'
import { monthDayTime } from '../../../../lib/time'
import '../../components/meetings.css'

/**
 * 会议签到: opened from the phone camera by the secretary's 小程序码 (its
 * scene), it checks the member in at once — with their position when the
 * meeting asks for it — and says what happened with a way on. Opened without
 * a code, it lists the member's meetings whose check-in is open.
 */
export default function CheckInPage() {
  const scene = decodeURIComponent(useRouter().params.scene ?? '')
  return <Page>{scene ? <FromCode scene={scene} /> : <OpenMeetings />}</Page>
}

type Outcome = { state: 'busy' } | { state: 'done'; result: CheckInResult } | { state: 'refused'; error: AppError }

function FromCode({ scene }: { scene: string }) {
  const [outcome, setOutcome] = useState<Outcome>({ state: 'busy' })
  useEffect(() => {
    checkInWith({ scene }, false).then((result) =>
      setOutcome(result.ok ? { state: 'done', result: result.data } : { state: 'refused', error: result.error }),
    )
  }, [scene])
  if (outcome.state === 'busy') return <ResultView tone="busy" title="正在签到…" />
  if (outcome.state === 'refused')
    return (
      <ResultView
        tone="warn"
        title="未能签到"
        testId="meetings-checkin-result"
        text={<Text data-testid="meetings-checkin-error">{outcome.error.message}</Text>}
      >
        <Button className="btn btn--primary" onClick={() => Taro.switchTab({ url: MEETINGS_TAB })}>
          查看我的会议
        </Button>
      </ResultView>
    )
  const { result } = outcome
  return (
    <ResultView
      tone="ok"
      title={result.first ? '签到成功' : '您已签到'}
      testId="meetings-checkin-result"
      text={`${result.title}\n${ATTENDANCE_LABELS[result.status]} · ${monthDayTime(result.at)}`}
    >
      <Button
        className="btn btn--primary"
        data-testid="checkin-open-meeting"
        onClick={() => Taro.redirectTo({ url: meetingPageUrl(result.meetingId) })}
      >
        查看会议
      </Button>
      <Button className="btn btn--ghost" onClick={() => Taro.switchTab({ url: HOME_PAGE })}>
        返回首页
      </Button>
    </ResultView>
  )
}

/** Without a code: the member's meetings they can check in to now, each opening its 签到. */
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
          <Text className="card__title">选择要签到的会议</Text>
          {data.items.map((meeting) => (
            <View
              key={meeting.id}
              className="meet-entry divided"
              onClick={() => Taro.redirectTo({ url: meetingPageUrl(meeting.id) })}
            >
              <Text className="list-item__title">{meetingHeading(meeting)}</Text>
              <Text className="meet-entry__line">
                {monthDayTime(meeting.startsAt)} · {meeting.place}
                {meeting.mine ? ` · ${ATTENDANCE_LABELS[meeting.mine]}` : ''}
              </Text>
            </View>
          ))}
        </View>
      )}
    </PageState>
  )
}
