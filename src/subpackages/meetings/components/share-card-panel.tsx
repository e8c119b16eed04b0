import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { type MutableRefObject, useState } from 'react'
import type { MeetingDetail } from '../../../../types/meetings'
import { ok } from '../../../../types/result'
import { useSubmit } from '../../../hooks/use-submit'
import { call } from '../../../services/call'
import {
  missingCardView,
  type ShareCardView,
  STARTING_TEMPLATE_ID,
  shareCardView,
  stillMissing,
} from '../lib/share-card'
import './meetings.css'

const IS_WEAPP = process.env.TARO_ENV === 'weapp'

/** What the page's share (转发) sends while a card is prepared; the page's useShareAppMessage reads it. */
export type ShareRef = MutableRefObject<ShareCardView | null>

interface ShareCardPanelProps {
  meeting: MeetingDetail
  /** Set here, read by the page when WeChat asks what to share. */
  share: ShareRef
  /** The page's clock (Date.now), so 提醒未到 appears once the meeting has started. */
  now: number
}

/**
 * 转发到群: the meeting as an updatable card (动态消息) in the branch's group
 * chat. The server makes (or reuses) the card's activity; the page then marks
 * its share as that updatable message, and the card's 已签到 line follows the
 * check-ins for 24 hours. After the start, 提醒未到 reminds those still missing
 * (subscribe message, robot) and re-shares the card naming them. On H5, where
 * nothing can be shared, the same buttons show the card as the group would see it.
 */
export function ShareCardPanel({ meeting, share, now }: ShareCardPanelProps) {
  const [card, setCard] = useState<ShareCardView | null>(null)
  const prepare = useSubmit(
    async (purpose: 'share' | 'missing') => {
      if (purpose === 'missing') {
        const reminded = await call('meetings', 'remindAbsent', { meetingId: meeting.id })
        if (!reminded.ok) return reminded
      }
      const [activity, fresh] = await Promise.all([
        call('meetings', 'shareCard', { meetingId: meeting.id }),
        purpose === 'missing' ? call('meetings', 'get', { meetingId: meeting.id }) : Promise.resolve(ok(meeting)),
      ])
      if (!activity.ok) return activity
      if (!fresh.ok) return fresh
      const view =
        purpose === 'missing'
          ? missingCardView(meeting, activity.data.counts, stillMissing(fresh.data))
          : shareCardView(meeting, activity.data.counts)
      if (IS_WEAPP) {
        await Taro.updateShareMenu({
          withShareTicket: true,
          isUpdatableMessage: true,
          activityId: activity.data.activityId,
          templateInfo: { templateId: STARTING_TEMPLATE_ID, parameterList: view.parameterList },
        })
      }
      share.current = view
      setCard(view)
      return ok(purpose)
    },
    {
      toast: (purpose) => (purpose === 'missing' ? '已提醒未签到的党员' : ''),
    },
  )
  const started = now >= meeting.startsAt && now <= meeting.endsAt
  return (
    <View className="card" data-testid="meeting-share">
      <Text className="card__title">群里提醒</Text>
      <Text className="field-hint">
        转发到支部微信群的会议卡片会随签到实时更新“已签到”人数（24小时内有效）。会议开始后，可用“提醒未到”再转发一次，卡片标题会列出尚未签到的党员。
      </Text>
      <View className="btn-row">
        <Button
          className="btn btn--ghost"
          data-testid="meeting-share-card"
          loading={prepare.pending?.[0] === 'share'}
          onClick={() => prepare.submit('share')}
        >
          转发到群
        </Button>
        {started ? (
          <Button
            className="btn btn--ghost"
            data-testid="meeting-share-missing"
            loading={prepare.pending?.[0] === 'missing'}
            onClick={() => prepare.submit('missing')}
          >
            提醒未到
          </Button>
        ) : null}
      </View>
      {card ? <CardPreview card={card} /> : null}
    </View>
  )
}

/** The card as a group chat shows it; on weapp with the button that shares it, on H5 as a picture of it. */
function CardPreview({ card }: { card: ShareCardView }) {
  const [memberCount, roomLimit] = card.parameterList.map((parameter) => parameter.value)
  return (
    <View className="share-preview" data-testid="share-card-preview">
      <Text className="share-preview__title" data-testid="share-card-title">
        {card.title}
      </Text>
      <Text className="share-preview__live" data-testid="share-card-figures">
        {`已签到 ${memberCount} / 应到 ${roomLimit}（随签到自动更新）`}
      </Text>
      <Text className="share-preview__app">教育党建 · 小程序</Text>
      {IS_WEAPP ? (
        <Button className="btn btn--primary meet-bar" openType="share" data-testid="share-card-send">
          发送到群聊
        </Button>
      ) : (
        <Text className="field-hint">浏览器演示版不能转发：在微信中，这里点“发送到群聊”，选择支部群即可。</Text>
      )}
    </View>
  )
}
