import { Text, View } from '@tarojs/components'
import type { MySubscription } from '../../../types/meetings'
import { ok, type Result } from '../../../types/result'
import type { Me } from '../../../types/roster'
import type { TemplateUse } from '../../../types/subscribe-templates'
import { useAction } from '../../hooks/use-action'
import { useSubmit } from '../../hooks/use-submit'
import { askToSubscribe } from '../../lib/subscribe'
import { call } from '../../services/call'

interface Row {
  use: TemplateUse
  title: string
  hint: string
  forSecretaries?: boolean
  forBureau?: boolean
}

/**
 * The subscriptions 我的 offers: 政治生日 to everyone, the 主题党日 notice and 发展党员待办 to branch
 * secretaries, 欠缴党费 to branch secretaries and bureau staff.
 */
const ROWS: Row[] = [
  { use: 'politicalBirthday', title: '政治生日提醒', hint: '入党纪念日当天早上8点，微信为您送上政治生日祝福' },
  {
    use: 'themeDay',
    title: '主题党日提醒',
    hint: '每月提醒日起，本支部当月还没有安排主题党日时提醒您',
    forSecretaries: true,
  },
  {
    use: 'developmentDue',
    title: '发展党员待办提醒',
    hint: '入党申请谈话、培养期满一年、预备期届满等事项到期前，每天早上提醒您',
    forSecretaries: true,
  },
  {
    use: 'duesArrears',
    title: '欠缴党费提醒',
    hint: '每月1日，有党员连续3个月以上（局机关：6个月以上）未交党费时提醒您',
    forSecretaries: true,
    forBureau: true,
  },
]

/**
 * 我的 → 消息订阅: each a switch the member turns on with the platform's own
 * dialog (on weapp it must follow a tap, hence two chips rather than a
 * Switch's change event) and off by withdrawing the acceptance. A use the
 * bureau has not configured says so instead.
 */
export function MessageSubscriptions({ me }: { me: Me }) {
  const subscriptions = useAction('meetings', 'mySubscriptions', {})
  if (subscriptions.state !== 'ok') return null
  const secretary = me.roles.includes('branch_secretary') || me.roles.includes('general_branch_secretary')
  const bureau = me.roles.includes('bureau_staff')
  const offered = (row: Row) =>
    (!row.forSecretaries && !row.forBureau) || (row.forSecretaries && secretary) || (row.forBureau && bureau)
  return (
    <View className="card" data-testid="mine-subscriptions">
      <Text className="card__title">消息订阅</Text>
      {ROWS.filter(offered).map((row) => {
        const held = subscriptions.data.items.find((item) => item.use === row.use)
        return held ? <SubscriptionRow key={row.use} row={row} held={held} onChanged={subscriptions.reload} /> : null
      })}
    </View>
  )
}

function SubscriptionRow({ row, held, onChanged }: { row: Row; held: MySubscription; onChanged: () => void }) {
  const { templateId, credits, longTerm } = held
  const on = credits > 0
  const switching = useSubmit(
    async (next: boolean): Promise<Result<{ changed: boolean }>> => {
      // The platform's dialog first, in the tap: nothing may be awaited before it.
      const answer = next
        ? await askToSubscribe(templateId ? [templateId] : [])
        : await call('meetings', 'unsubscribe', { templateIds: [templateId ?? ''] })
      if (!answer.ok) return answer
      return ok({ changed: !('accepted' in answer.data) || answer.data.accepted.length > 0 })
    },
    {
      toast: ({ changed }, next) => (!changed ? '' : next ? `已开启${row.title}` : `已关闭${row.title}`),
      onDone: onChanged,
    },
  )
  const hint = !templateId
    ? '本单位尚未开通此项微信提醒'
    : longTerm
      ? row.hint
      : `${row.hint}。每开启一次提醒一次，提醒后需再次开启`
  return (
    <View className="switch-row divided" data-testid={`mine-sub-${row.use}`} data-on={on ? 'yes' : 'no'}>
      <View className="switch-row__main">
        <Text>{row.title}</Text>
        <Text className="field-hint">{hint}</Text>
      </View>
      {templateId ? (
        <View className="chips">
          <Text
            className={`chip${on ? ' chip--on' : ''}${switching.busy ? ' chip--busy' : ''}`}
            data-testid="mine-sub-on"
            onClick={() => (switching.busy || on ? undefined : switching.submit(true))}
          >
            {on ? '已开启' : '开启'}
          </Text>
          <Text
            className={`chip${on ? '' : ' chip--on'}${switching.busy ? ' chip--busy' : ''}`}
            data-testid="mine-sub-off"
            onClick={() => (switching.busy || !on ? undefined : switching.submit(false))}
          >
            {on ? '关闭' : '已关闭'}
          </Text>
        </View>
      ) : null}
    </View>
  )
}
