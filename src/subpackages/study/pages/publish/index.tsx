import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { Me } from '../../../../../types/roster'
import { Page } from '../../../../components/page'
import { PageState } from '../../../../components/page-state'
import { useAction } from '../../../../hooks/use-action'
import { useSubmit } from '../../../../hooks/use-submit'
import { uploadPath } from '../../../../lib/cloud-paths'
import { useRequestId } from '../../../../lib/request-id'
import { participationPageUrl } from '../../../../lib/routes'
import { dateKey } from '../../../../lib/time'
import { call } from '../../../../services/call'
import { pickDocument, uploadToCloud } from '../../../../services/cloud-files'
import { PublishForm } from '../../components/publish-form'
import { emptyDraft, PUBLISH_FIELDS, type PublishDraft, publishInput } from '../../lib/publish-draft'

const PUBLISHERS: readonly Me['roles'][number][] = ['bureau_staff', 'general_branch_secretary', 'branch_secretary']

/** 发布学习任务: secretaries for their branches, bureau staff for the whole county or chosen branches. */
export default function PublishPage() {
  const me = useAction('roster', 'me', {})
  return (
    <Page>
      <PageState query={me}>
        {(caller) =>
          caller.roles.some((role) => PUBLISHERS.includes(role)) ? (
            caller.roles.includes('bureau_staff') ? (
              <BureauPublisher me={caller} />
            ) : (
              <Publisher me={caller} branches={null} />
            )
          ) : (
            <View className="card" data-testid="publish-notice">
              <Text>只有支部书记和教育局党委可以发布学习任务。</Text>
            </View>
          )
        }
      </PageState>
    </Page>
  )
}

function BureauPublisher({ me }: { me: Me }) {
  const directory = useAction('roster', 'branchDirectory', {})
  return (
    <PageState
      query={directory}
      isEmpty={(data) => data.branches.length === 0}
      empty={{ title: '还没有党支部', hint: '请先在组织架构中建立党支部' }}
    >
      {(data) => <Publisher me={me} branches={data.branches} />}
    </PageState>
  )
}

function Publisher({ me, branches }: { me: Me; branches: { id: string; name: string }[] | null }) {
  const [draft, setDraft] = useState<PublishDraft>(() => emptyDraft(dateKey(Date.now()), dateKey(Date.now(), 7)))
  const [uploading, setUploading] = useState(false)
  // One request id per intent: a tap retried after a network error publishes the task once.
  const [requestId] = useRequestId()
  const publishing = useSubmit(() => call('study', 'publishTask', { ...publishInput(draft), requestId }), {
    fields: PUBLISH_FIELDS,
    toast: (task) => `已发布到${task.branchCount}个支部`,
    onDone: (task) => Taro.redirectTo({ url: participationPageUrl(task.id) }),
  })

  const change = (patch: Partial<PublishDraft>) => setDraft((current) => ({ ...current, ...patch }))

  const attach = async () => {
    const file = await pickDocument()
    if (!file) return
    setUploading(true)
    const uploaded = await uploadToCloud(uploadPath(['study', me.tenant.id, me.memberId], file.name, Date.now()), file)
    setUploading(false)
    if (!uploaded.ok) {
      publishing.setErrors({ fields: {}, general: uploaded.error.message })
      return
    }
    change({ document: { name: file.name, fileID: uploaded.data.fileID } })
  }

  return (
    <PublishForm
      draft={draft}
      errors={publishing.errors}
      branches={branches}
      uploading={uploading}
      submitting={publishing.busy}
      onChange={change}
      onPickDocument={attach}
      onSubmit={() => publishing.submit()}
    />
  )
}
