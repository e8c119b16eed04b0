import { Button, Input, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { FieldError } from '../../../../components/field-error'
import { FormField } from '../../../../components/form-field'
import { Page } from '../../../../components/page'
import { useSubmit } from '../../../../hooks/use-submit'
import { MY_DEVELOPMENT_PAGE } from '../../../../lib/routes'
import { call } from '../../../../services/call'

/** 确认身份 (?code=, or scene= from a 小程序码): the person on a development file binds their WeChat by typing their name. */
export default function AcceptPage() {
  const params = useRouter().params
  const code = params.code ?? params.scene ?? ''
  const [name, setName] = useState('')
  const accepting = useSubmit(() => call('lifecycle', 'acceptApplicantInvitation', { code, name }), {
    fields: ['name'],
    toast: '已绑定',
    onDone: () => Taro.redirectTo({ url: MY_DEVELOPMENT_PAGE }),
  })
  return (
    <Page>
      <View className="hero">
        <Text className="hero__title">查看入党进度</Text>
        <View className="hero__subtitle">
          <Text>党支部邀请您查看本人的入党培养进度。请输入您的姓名确认身份。</Text>
        </View>
      </View>
      <View className="card" data-testid="dev-accept">
        <FormField label="姓名" required error={accepting.errors.fields.name}>
          <Input
            className="field-input"
            data-testid="dev-accept-name"
            value={name}
            placeholder="与入党申请书上的姓名一致"
            onInput={(e) => setName(e.detail.value)}
          />
        </FormField>
        <FieldError message={accepting.errors.general} testId="dev-accept-error" />
      </View>
      <Button
        className="btn btn--primary"
        data-testid="dev-accept-submit"
        disabled={accepting.busy || undefined}
        onClick={() => accepting.submit()}
      >
        确认
      </Button>
    </Page>
  )
}
