import { Button, Text } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import type { OutputOf } from '../../../../../types/api'
import type { AppError } from '../../../../../types/errors'
import { Page } from '../../../../components/page'
import { ResultView } from '../../../../components/result-view'
import { ATTENDANCE_LABELS } from '../../../../lib/meeting-labels'
import { HOME_PAGE, meetingPageUrl } from '../../../../lib/routes'
import { call } from '../../../../services/call'

type Outcome =
  | { state: 'checking' }
  | { state: 'done'; checkIn: OutputOf<'meetings', 'checkIn'> }
  | { state: 'refused'; error: AppError }

/** Opened by the 小程序码 or the scene link: checks the member in straight away, then leads on. */
export default function CheckInPage() {
  const scene = decodeURIComponent(useRouter().params.scene ?? '')
  // The scene is `<meetingId>.<token>`: the meeting to open afterwards.
  const meetingId = scene.split('.')[0] ?? ''
  const [outcome, setOutcome] = useState<Outcome>({ state: 'checking' })
  useEffect(() => {
    call('meetings', 'checkIn', { scene, position: null }).then((result) =>
      setOutcome(result.ok ? { state: 'done', checkIn: result.data } : { state: 'refused', error: result.error }),
    )
  }, [scene])
  const message =
    outcome.state === 'checking'
      ? '正在签到…'
      : outcome.state === 'done'
        ? `${outcome.checkIn.title}：${ATTENDANCE_LABELS[outcome.checkIn.status]}${outcome.checkIn.first ? '' : '（此前已签到）'}`
        : outcome.error.message
  return (
    <Page>
      <ResultView
        tone={outcome.state === 'done' ? 'ok' : outcome.state === 'refused' ? 'warn' : 'busy'}
        title={outcome.state === 'done' ? '签到成功' : outcome.state === 'refused' ? '未能签到' : '正在签到'}
        text={<Text data-testid="meetings-checkin-result">{message}</Text>}
      >
        {outcome.state === 'checking' ? null : (
          <>
            {meetingId ? (
              <Button
                className="btn btn--primary"
                data-testid="checkin-open-meeting"
                onClick={() => Taro.redirectTo({ url: meetingPageUrl(meetingId) })}
              >
                查看会议
              </Button>
            ) : null}
            <Button className="btn btn--ghost" onClick={() => Taro.switchTab({ url: HOME_PAGE })}>
              返回首页
            </Button>
          </>
        )}
      </ResultView>
    </Page>
  )
}
