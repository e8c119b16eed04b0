import { Button, Input, Text, View } from '@tarojs/components'
import { FormField } from '../../../components/form-field'
import { fullDateTime } from '../../../lib/time'
import './meetings.css'

interface RobotFormProps {
  maskedUrl: string | null
  setAt: number | null
  url: string
  error: string | null
  saving: boolean
  onUrl: (url: string) => void
  onSave: () => void
  onClear: () => void
}

/** 企业微信群机器人: the current webhook masked, a new one to set, or removal. */
export function RobotForm({ maskedUrl, setAt, url, error, saving, ...on }: RobotFormProps) {
  return (
    <View className="card" data-testid="robot-form">
      <Text className="card__title">企业微信群机器人</Text>
      <Text className="field-hint">
        会议提醒和“会议1小时后开始”会以消息发到支部的企业微信群。在群里添加机器人后，复制它的 Webhook 地址填在这里。
      </Text>
      <FormField label="当前机器人" hint={maskedUrl && setAt ? `设置于 ${fullDateTime(setAt)}` : undefined}>
        <Text className="meet-summary" data-testid="robot-current">
          {maskedUrl ? maskedUrl : '未设置'}
        </Text>
      </FormField>
      <FormField label={maskedUrl ? '更换 Webhook 地址' : 'Webhook 地址'} error={error} errorTestId="robot-error">
        <Input
          className={`field-input ${error ? 'field-input--invalid' : ''}`}
          data-testid="robot-url"
          value={url}
          placeholder="https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…"
          onInput={(e) => on.onUrl(e.detail.value)}
        />
      </FormField>
      <Button
        className="btn btn--primary meet-bar"
        data-testid="robot-save"
        loading={saving}
        disabled={saving || url.trim() === '' || undefined}
        onClick={on.onSave}
      >
        保存
      </Button>
      {maskedUrl ? (
        <Button
          className="btn btn--ghost meet-bar"
          data-testid="robot-clear"
          disabled={saving || undefined}
          onClick={on.onClear}
        >
          移除机器人
        </Button>
      ) : null}
    </View>
  )
}
