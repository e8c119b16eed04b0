import { View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { ConfirmDialog } from '../../../../components/confirm-dialog'
import { PageState } from '../../../../components/page-state'
import { useAction } from '../../../../hooks/use-action'
import { formErrorsOf } from '../../../../lib/form-errors'
import { call } from '../../../../services/call'
import { RobotForm } from '../../components/robot-form'
import '../../components/meetings.css'

/** 群机器人: the branch's WeCom group robot that reminders are posted to. */
export default function RobotPage() {
  const branchId = useRouter().params.branchId ?? ''
  const robot = useAction('meetings', 'getRobot', { branchId })
  const [url, setUrl] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const [clearing, setClearing] = useState(false)

  const save = async (next: string | null) => {
    setClearing(false)
    setSaving(true)
    setError(null)
    const result = await call('meetings', 'setRobot', { branchId, url: next })
    setSaving(false)
    if (!result.ok) {
      const errors = formErrorsOf(result.error, ['url'])
      setError(errors.fields.url ?? errors.general)
      return
    }
    setUrl('')
    Taro.showToast({ title: next ? '群机器人已设置' : '群机器人已移除', icon: 'none' })
    robot.reload()
  }

  return (
    <View className="page">
      <PageState query={robot}>
        {(data) => (
          <RobotForm
            maskedUrl={data.maskedUrl}
            setAt={data.setAt}
            url={url}
            error={error}
            saving={saving}
            onUrl={(value) => {
              setUrl(value)
              setError(null)
            }}
            onSave={() => save(url.trim())}
            onClear={() => setClearing(true)}
          />
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
    </View>
  )
}
