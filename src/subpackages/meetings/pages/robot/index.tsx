import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { configuredId, TEMPLATE_USE_LABELS, TEMPLATE_USES } from '../../../../../types/subscribe-templates'
import { ConfirmDialog } from '../../../../components/confirm-dialog'
import { Page } from '../../../../components/page'
import { PageState } from '../../../../components/page-state'
import { useAction } from '../../../../hooks/use-action'
import { useSubmit } from '../../../../hooks/use-submit'
import { NO_ERRORS } from '../../../../lib/form-errors'
import { call } from '../../../../services/call'
import { RobotActions } from '../../components/robot-actions'
import { RobotForm } from '../../components/robot-form'
import '../../components/meetings.css'

/**
 * 群里提醒: how reminders reach the branch's group chat — the meeting card
 * shared from 会议详情 (ordinary WeChat groups), the WeCom group robot, and
 * members' own subscribe messages — with the robot's settings, a test message
 * and 立即提醒.
 */
export default function RobotPage() {
  const branchId = useRouter().params.branchId ?? ''
  const robot = useAction('meetings', 'getRobot', { branchId })
  const [url, setUrl] = useState('')
  const [clearing, setClearing] = useState(false)
  const saving = useSubmit((next: string | null) => call('meetings', 'setRobot', { branchId, url: next }), {
    fields: ['url'],
    toast: (_, next) => (next ? '群机器人已设置' : '群机器人已移除'),
    onDone: () => {
      setUrl('')
      robot.reload()
    },
  })
  const save = (next: string | null) => {
    setClearing(false)
    saving.submit(next)
  }

  return (
    <Page>
      <Channels />
      <PageState query={robot}>
        {(data) => (
          <View>
            <RobotForm
              maskedUrl={data.maskedUrl}
              setAt={data.setAt}
              url={url}
              error={saving.errors.fields.url ?? saving.errors.general}
              saving={saving.busy}
              onUrl={(value) => {
                setUrl(value)
                saving.setErrors(NO_ERRORS)
              }}
              onSave={() => save(url.trim())}
              onClear={() => setClearing(true)}
            />
            {data.maskedUrl ? <RobotActions branchId={branchId} /> : null}
          </View>
        )}
      </PageState>
      <ConfirmDialog
        visible={clearing}
        title="移除群机器人"
        message="移除后，会议提醒将不再发到企业微信群。"
        confirmLabel="确认移除"
        danger
        onConfirm={() => save(null)}
        onCancel={() => setClearing(false)}
      />
    </Page>
  )
}

/** The three ways a reminder reaches people, in plain words, and which subscribe messages are not set up yet. */
function Channels() {
  const rules = useAction('meetings', 'getRules', {})
  const missing =
    rules.state === 'ok'
      ? TEMPLATE_USES.filter((use) => configuredId(rules.data.templates[use]) === null).map(
          (use) => TEMPLATE_USE_LABELS[use].title,
        )
      : []
  return (
    <View className="card" data-testid="robot-channels">
      <Text className="card__title">把提醒发到群里</Text>
      <View className="channel">
        <Text className="channel__name">1. 转发会议卡片（普通微信群）</Text>
        <Text className="field-hint">
          在会议详情点“转发到群”，把会议卡片发到支部微信群。卡片上的“已签到”人数会随签到自动更新；会议开始后可点“提醒未到”，再转发一次并列出尚未签到的党员。
        </Text>
      </View>
      <View className="channel">
        <Text className="channel__name">2. 企业微信群机器人</Text>
        <Text className="field-hint">
          支部用企业微信群的，可在群里添加机器人并填入它的 Webhook
          地址：会前24小时和1小时的会议提醒、学习提醒会自动发到群里，每分钟最多20条。
        </Text>
      </View>
      <View className="channel">
        <Text className="channel__name">3. 微信订阅消息</Text>
        <Text className="field-hint">党员在会议详情点“订阅会议提醒”后，微信会直接提醒本人。</Text>
      </View>
      {missing.length > 0 ? (
        <Text className="field-error" data-testid="robot-templates-missing">
          {`教育局尚未配置以下订阅消息模板，党员暂时收不到：${missing.join('、')}。请联系教育局党委在“会议规则 → 订阅消息模板”中配置。`}
        </Text>
      ) : null}
    </View>
  )
}
