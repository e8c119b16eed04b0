import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { Me } from '../../../../../types/roster'
import { PageState } from '../../../../components/page-state'
import { useAction } from '../../../../hooks/use-action'
import { type FormErrors, formErrorsOf, NO_ERRORS } from '../../../../lib/form-errors'
import { call } from '../../../../services/call'
import { pickDocument, uploadToCloud } from '../../../../services/cloud-files'
import { PublishForm } from '../../components/publish-form'
import { studyCloudPath } from '../../lib/cloud-paths'
import { emptyDraft, localDate, PUBLISH_FIELDS, type PublishDraft, publishInput } from '../../lib/publish-draft'
import { participationPageUrl } from '../../lib/urls'

const PUBLISHERS: readonly Me['roles'][number][] = ['bureau_staff', 'general_branch_secretary', 'branch_secretary']

/** 发布学习任务: secretaries for their branches, bureau staff for the whole county or chosen branches. */
export default function PublishPage() {
  const me = useAction('roster', 'me', {})
  return (
    <View className="page">
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
    </View>
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
  const [draft, setDraft] = useState<PublishDraft>(() => emptyDraft(localDate(Date.now()), localDate(Date.now(), 7)))
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS)
  const [uploading, setUploading] = useState(false)
  const [submitting, setSubmitting] = useState(false)

  const change = (patch: Partial<PublishDraft>) => setDraft((current) => ({ ...current, ...patch }))

  const attach = async () => {
    const file = await pickDocument()
    if (!file) return
    setUploading(true)
    const uploaded = await uploadToCloud(studyCloudPath(me.tenant.id, me.memberId, file.name, Date.now()), file)
    setUploading(false)
    if (!uploaded.ok) {
      setErrors({ fields: {}, general: uploaded.error.message })
      return
    }
    change({ document: { name: file.name, fileID: uploaded.data.fileID } })
  }

  const submit = async () => {
    setSubmitting(true)
    setErrors(NO_ERRORS)
    const result = await call('study', 'publishTask', publishInput(draft))
    setSubmitting(false)
    if (!result.ok) {
      setErrors(formErrorsOf(result.error, PUBLISH_FIELDS))
      return
    }
    Taro.showToast({ title: `已发布到${result.data.branchCount}个支部`, icon: 'success' })
    Taro.redirectTo({ url: participationPageUrl(result.data.id) })
  }

  return (
    <PublishForm
      draft={draft}
      errors={errors}
      branches={branches}
      uploading={uploading}
      submitting={submitting}
      onChange={change}
      onPickDocument={attach}
      onSubmit={submit}
    />
  )
}
