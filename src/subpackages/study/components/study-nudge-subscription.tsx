import { Button, Text, View } from '@tarojs/components'
import { useAction } from '../../../hooks/use-action'
import { useSubmit } from '../../../hooks/use-submit'
import { askToSubscribe } from '../../../lib/subscribe'
import './study.css'

/**
 * 订阅学习提醒: when the secretary taps 提醒未学习, a member who accepted the
 * tenant's study template hears it on WeChat. Shown only once the bureau has
 * configured that template.
 */
export function StudyNudgeSubscription() {
  const subscriptions = useAction('meetings', 'mySubscriptions', {})
  const held = subscriptions.state === 'ok' ? subscriptions.data.items.find((item) => item.use === 'studyNudge') : null
  const subscribing = useSubmit(() => askToSubscribe(held?.templateId ? [held.templateId] : []), {
    toast: ({ accepted }) => (accepted.length > 0 ? '已订阅学习提醒' : ''),
    onDone: subscriptions.reload,
  })
  if (!held?.templateId) return null
  const on = held.credits > 0
  return (
    <View className="study-nudge" data-testid="study-nudge-subscription" data-subscribed={on ? 'yes' : 'no'}>
      <Text className="field-hint">
        {on
          ? held.longTerm
            ? '已订阅学习提醒'
            : `已订阅学习提醒 · 可提醒 ${held.credits} 次`
          : '订阅后，支部书记提醒未学习时，微信会通知您'}
      </Text>
      {on && held.longTerm ? null : (
        <Button
          className="btn btn--ghost"
          data-testid="study-nudge-subscribe"
          loading={subscribing.busy}
          onClick={() => subscribing.submit()}
        >
          {on ? '再订阅一次' : '订阅学习提醒'}
        </Button>
      )}
    </View>
  )
}
