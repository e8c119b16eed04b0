import { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { ConfirmDialog } from '../../../../components/confirm-dialog'
import { PageState } from '../../../../components/page-state'
import { useAction } from '../../../../hooks/use-action'
import { useSubmit } from '../../../../hooks/use-submit'
import { NO_ERRORS } from '../../../../lib/form-errors'
import { call } from '../../../../services/call'
import { RobotForm } from '../../components/robot-form'
import '../../components/meetings.css'
import { Page } from '../../../../components/page'

/** 群机器人: the branch's WeCom group robot that reminders are posted to. */
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
      <PageState query={robot}>
        {(data) => (
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
