import { Button, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { FieldError } from '../../../components/field-error'
import { useSubmit } from '../../../hooks/use-submit'
import { clockTime } from '../../../lib/time'
import { call } from '../../../services/call'
import './meetings.css'

/**
 * 发送测试消息 and 立即提醒: the robot posts at once, and the secretary sees
 * whether WeCom took it (or why not) without waiting for the reminder timer.
 */
export function RobotActions({ branchId }: { branchId: string }) {
  const [said, setSaid] = useState<string | null>(null)
  const testing = useSubmit(() => call('meetings', 'testRobot', { branchId }), {
    fields: [],
    onDone: ({ sentAt }) => setSaid(`测试消息已于 ${clockTime(sentAt)} 发到群里，请到企业微信群查看`),
  })
  const reminding = useSubmit(() => call('meetings', 'remindNow', { branchId }), {
    fields: [],
    onDone: ({ title, sentAt }) => setSaid(`已于 ${clockTime(sentAt)} 在群里提醒“${title}”`),
  })
  const error = testing.errors.general ?? reminding.errors.general
  return (
    <View className="card" data-testid="robot-actions">
      <Text className="card__title">现在就发</Text>
      <Text className="field-hint">
        测试消息用来确认机器人能发到群里；立即提醒会把本支部下一次会议的时间、地点马上发到群里。
      </Text>
      <View className="btn-row">
        <Button
          className="btn btn--ghost"
          data-testid="robot-test"
          loading={testing.busy}
          disabled={reminding.busy || undefined}
          onClick={() => {
            setSaid(null)
            reminding.setErrors({ fields: {}, general: null })
            testing.submit()
          }}
        >
          发送测试消息
        </Button>
        <Button
          className="btn btn--ghost"
          data-testid="robot-remind-now"
          loading={reminding.busy}
          disabled={testing.busy || undefined}
          onClick={() => {
            setSaid(null)
            testing.setErrors({ fields: {}, general: null })
            reminding.submit()
          }}
        >
          立即提醒
        </Button>
      </View>
      {said ? (
        <Text className="meet-line" data-testid="robot-said">
          {said}
        </Text>
      ) : null}
      <FieldError message={error} testId="robot-action-error" />
    </View>
  )
}
