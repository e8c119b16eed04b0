import { Button, Text, View } from '@tarojs/components'
import type { MeetingDetail } from '../../../../types/meetings'
import { useSubmit } from '../../../hooks/use-submit'
import { askToSubscribe } from '../../../lib/subscribe'
import './meetings.css'

/**
 * 订阅会议提醒: whether the caller will be reminded 24 h and 1 h before, and the
 * button to accept (again); until the tenant has configured the template, a
 * plain word that reminders by message are not available yet.
 */
export function ReminderSubscription({
  reminder,
  onSubscribed,
}: {
  reminder: MeetingDetail['reminder']
  onSubscribed: () => void
}) {
  const { templateId, credits, longTerm } = reminder
  const subscribing = useSubmit(() => askToSubscribe(templateId ? [templateId] : []), {
    toast: ({ accepted }) => (accepted.length > 0 ? '已订阅会议提醒' : ''),
    onDone: ({ accepted }) => {
      if (accepted.length > 0) onSubscribed()
    },
  })
  if (!templateId) {
    return (
      <View className="meet-reminder" data-testid="meeting-reminder" data-subscribed="unavailable">
        <Text className="field-hint" data-testid="meeting-reminder-state">
          本单位尚未开通微信会议提醒，请留意支部群里的会议通知
        </Text>
      </View>
    )
  }
  return (
    <View className="meet-reminder" data-testid="meeting-reminder" data-subscribed={credits > 0 ? 'yes' : 'no'}>
      {credits > 0 ? (
        <Text className="tag tag--ok" data-testid="meeting-reminder-state">
          {longTerm ? '已订阅会议提醒' : `已订阅会议提醒 · 可提醒 ${credits} 次`}
        </Text>
      ) : (
        <Text className="field-hint" data-testid="meeting-reminder-state">
          未订阅：订阅后，会前24小时和1小时会通过微信提醒您
        </Text>
      )}
      {credits > 0 && longTerm ? null : (
        <Button
          className="btn btn--ghost"
          data-testid="meeting-subscribe"
          loading={subscribing.busy}
          onClick={() => subscribing.submit()}
        >
          {credits > 0 ? '再订阅一次' : '订阅会议提醒'}
        </Button>
      )}
    </View>
  )
}
