import { Button, Text, View } from '@tarojs/components'
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro'
import { useState } from 'react'
import type { DevelopmentFileView, DevelopmentStep, Material } from '../../../../../types/lifecycle'
import { ConfirmDialog } from '../../../../components/confirm-dialog'
import { LinkRow } from '../../../../components/link-row'
import { Page } from '../../../../components/page'
import { PageState } from '../../../../components/page-state'
import { useAction } from '../../../../hooks/use-action'
import { useOnReturn } from '../../../../hooks/use-on-return'
import { useSubmit } from '../../../../hooks/use-submit'
import { uploadPath } from '../../../../lib/cloud-paths'
import { useRequestId } from '../../../../lib/request-id'
import { personPageUrl, stepPageUrl } from '../../../../lib/routes'
import { dateKey, fullDateTime } from '../../../../lib/time'
import { toast } from '../../../../lib/toast'
import { call } from '../../../../services/call'
import { pickPhotos, uploadToCloud } from '../../../../services/cloud-files'
import { ReviewForm } from '../../components/review-form'
import { DevelopmentTimeline } from '../../components/timeline'

/** Stages in which 考察记录 are kept (training and probation). */
const REVIEWED = ['activist', 'candidate', 'probationary']

/** 发展档案 (?id=): the timeline, and for the branch's managers the next steps, materials, invitation, 终止. */
export default function FilePage() {
  const fileId = useRouter().params.id ?? ''
  const file = useAction('lifecycle', 'developmentFile', { fileId })
  const me = useAction('roster', 'me', {})
  useOnReturn(file.reload)
  return (
    <Page>
      <PageState query={file}>
        {(data) => (
          <FileView file={data} tenantId={me.state === 'ok' ? me.data.tenant.id : null} onChanged={file.reload} />
        )}
      </PageState>
    </Page>
  )
}

function FileView({
  file,
  tenantId,
  onChanged,
}: {
  file: DevelopmentFileView
  tenantId: string | null
  onChanged: () => void
}) {
  const [uploading, setUploading] = useState(false)
  const [closing, setClosing] = useState(false)
  const [invitation, setInvitation] = useState<{ path: string; expiresAt: number } | null>(null)
  const open = !['formal', 'cancelled', 'closed'].includes(file.timeline.stage)

  useShareAppMessage(() => ({
    title: `${file.name}，请查看您的入党进度`,
    path: invitation ? `/${invitation.path}` : '/pages/home/index',
  }))

  const attaching = useSubmit(
    (step: DevelopmentStep, material: Material, fileIds: string[]) =>
      call('lifecycle', 'attachMaterial', { fileId: file.id, step, material, fileIds }),
    { toast: '材料已上传', onDone: onChanged },
  )
  const upload = async (step: DevelopmentStep, material: Material) => {
    if (!tenantId) return
    const picked = await pickPhotos(9)
    if (picked.length === 0) return
    setUploading(true)
    const uploaded = await Promise.all(
      picked.map((photo) =>
        uploadToCloud(uploadPath(['development', tenantId, file.id], photo.name, Date.now()), photo),
      ),
    )
    setUploading(false)
    const fileIds = uploaded.flatMap((result) => (result.ok ? [result.data.fileID] : []))
    if (fileIds.length < picked.length) toast('部分照片上传失败，请重试')
    if (fileIds.length > 0) await attaching.submit(step, material, fileIds)
  }
  const [inviteRequest, renewInviteRequest] = useRequestId()
  const inviting = useSubmit(
    () => call('lifecycle', 'inviteApplicant', { fileId: file.id, requestId: inviteRequest }),
    {
      onDone: (made) => {
        renewInviteRequest()
        setInvitation(made)
      },
    },
  )
  const closingFile = useSubmit(
    (reason: string) => call('lifecycle', 'closeDevelopmentFile', { fileId: file.id, on: dateKey(Date.now()), reason }),
    {
      toast: '档案已终止',
      onDone: () => {
        setClosing(false)
        onChanged()
      },
    },
  )
  const link = invitation && process.env.TARO_ENV === 'h5' ? `${window.location.origin}/#/${invitation.path}` : null

  return (
    <View>
      <DevelopmentTimeline
        file={file}
        onRecord={file.canManage ? (step) => Taro.navigateTo({ url: stepPageUrl(file.id, step) }) : undefined}
        onUpload={file.canManage && tenantId ? upload : undefined}
        uploading={uploading || attaching.busy}
      />
      {REVIEWED.includes(file.timeline.stage) ? <ReviewForm fileId={file.id} onAdded={onChanged} /> : null}
      {file.canManage && open ? (
        <View className="card">
          <LinkRow
            title="编辑信息"
            hint="姓名、手机号码、岗位、骨干教师"
            testId="dev-edit-person"
            onClick={() => Taro.navigateTo({ url: personPageUrl({ fileId: file.id }) })}
          />
          {file.memberId ? null : (
            <LinkRow
              title="邀请本人查看"
              hint="本人绑定微信后，只能看到自己的入党进度"
              testId="dev-invite"
              disabled={inviting.busy}
              onClick={() => inviting.submit()}
            />
          )}
          {invitation ? (
            <View className="dev-actions" data-testid="dev-invitation">
              <Text className="card__meta">{`邀请有效期至 ${fullDateTime(invitation.expiresAt)}`}</Text>
              {link ? (
                <Text className="card__meta" data-testid="dev-invitation-link" userSelect>
                  {link}
                </Text>
              ) : (
                <Button className="btn btn--primary" openType="share" data-testid="dev-invitation-share">
                  发送给本人
                </Button>
              )}
            </View>
          ) : null}
          <LinkRow
            title="终止档案"
            hint="本人撤回申请或调离本校"
            danger
            testId="dev-close"
            onClick={() => setClosing(true)}
          />
        </View>
      ) : null}
      <ConfirmDialog
        visible={closing}
        title="终止发展党员档案"
        message={`终止后不能再为 ${file.name} 记录步骤，档案保留备查。`}
        confirmLabel="终止档案"
        danger
        reason={{ label: '终止原因', placeholder: '如：本人撤回入党申请', minLength: 2 }}
        busy={closingFile.busy}
        onConfirm={(reason) => closingFile.submit(reason)}
        onCancel={() => setClosing(false)}
      />
    </View>
  )
}
