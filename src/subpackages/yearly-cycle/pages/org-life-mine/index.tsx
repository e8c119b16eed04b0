import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { OutputOf } from '../../../../../types/api'
import { AttachmentList, AttachmentsField, savedAttachments, useAttachments } from '../../../../components/attachments'
import { FieldError } from '../../../../components/field-error'
import { FormField, TextAreaField } from '../../../../components/form-field'
import { Page } from '../../../../components/page'
import { PageState } from '../../../../components/page-state'
import { SwitchRow } from '../../../../components/switch-row'
import { useAction } from '../../../../hooks/use-action'
import { useSubmit } from '../../../../hooks/use-submit'
import { newRequestId } from '../../../../lib/request-id'
import { rectifyPageUrl } from '../../../../lib/routes'
import { fullDateTime, yearOf } from '../../../../lib/time'
import { call } from '../../../../services/call'

type OrgLife = NonNullable<OutputOf<'yearly-cycle', 'myOrgLife'>['orgLife']>

/** 我的组织生活会: the theme, 会前征求意见 (anonymous by default), my 对照检查, my 整改 items. */
export default function MyOrgLifePage() {
  const year = yearOf(Date.now())
  const mine = useAction('yearly-cycle', 'myOrgLife', { year })
  return (
    <Page>
      <PageState
        query={mine}
        isEmpty={(data) => data.orgLife === null}
        empty={{ title: `本支部${year}年度组织生活会尚未开始`, hint: '支部书记开始后，可在这里提意见、写对照检查' }}
      >
        {(data) => (data.orgLife ? <Mine orgLife={data.orgLife} onChanged={mine.reload} /> : null)}
      </PageState>
    </Page>
  )
}

function Mine({ orgLife, onChanged }: { orgLife: OrgLife; onChanged: () => void }) {
  return (
    <View>
      <View className="card">
        <Text className="card__title">{`主题：${orgLife.theme}`}</Text>
        {orgLife.guidance ? <Text className="muted">{orgLife.guidance}</Text> : null}
      </View>
      {orgLife.opinionsOpen ? <OpinionForm orgLifeId={orgLife.id} /> : null}
      {orgLife.takesPart ? <SelfExamination orgLife={orgLife} onSaved={onChanged} /> : null}
      <View className="card">
        <Button className="btn btn--ghost" onClick={() => Taro.navigateTo({ url: rectifyPageUrl(orgLife.id) })}>
          我的整改事项
        </Button>
      </View>
    </View>
  )
}

function OpinionForm({ orgLifeId }: { orgLifeId: string }) {
  const [text, setText] = useState('')
  const [anonymous, setAnonymous] = useState(true)
  const [requestId, setRequestId] = useState(newRequestId)
  const sending = useSubmit(() => call('yearly-cycle', 'submitOpinion', { requestId, orgLifeId, text, anonymous }), {
    fields: ['text'],
    toast: '意见已提交',
    onDone: () => {
      setText('')
      setRequestId(newRequestId())
    },
  })
  return (
    <View className="card" data-testid="org-life-opinion">
      <Text className="card__title">会前征求意见</Text>
      <FormField label="对支部班子和支委的意见建议" required error={sending.errors.fields.text}>
        <TextAreaField value={text} onInput={setText} maxlength={500} testId="org-life-opinion-text" />
      </FormField>
      <SwitchRow
        label="匿名提交"
        hint={anonymous ? '不记录提交人，只记日期' : '支委会可看到您的姓名'}
        checked={anonymous}
        onChange={setAnonymous}
      />
      <FieldError message={sending.errors.general} />
      <Button className="btn btn--primary" loading={sending.busy} onClick={() => sending.submit()}>
        提交意见
      </Button>
    </View>
  )
}

function SelfExamination({ orgLife, onSaved }: { orgLife: OrgLife; onSaved: () => void }) {
  const written = orgLife.selfExamination
  const [text, setText] = useState(written?.text ?? '')
  const attachments = useAttachments(() => savedAttachments(written?.files), 'yearly')
  const saving = useSubmit(
    () =>
      call('yearly-cycle', 'submitSelfExamination', {
        orgLifeId: orgLife.id,
        text,
        fileIds: attachments.fileIds,
      }),
    { fields: ['text'], toast: '对照检查已保存', onDone: onSaved },
  )
  if (orgLife.meetingHeld) {
    return (
      <View className="card">
        <Text className="card__title">对照检查</Text>
        <Text className="muted">
          {written
            ? `已于${fullDateTime(written.submittedAt)}提交，会议已召开，不能再修改`
            : '会议已召开，未提交对照检查'}
        </Text>
        <AttachmentList files={savedAttachments(written?.files)} testId="org-life-self-exam-file" />
      </View>
    )
  }
  return (
    <View className="card" data-testid="org-life-self-exam">
      <Text className="card__title">对照检查</Text>
      <FormField
        label="对照检查材料"
        hint="对照党章党规查找问题、剖析原因、提出整改措施，不少于50字（已上传对照检查材料的可不填）；会议召开前可修改"
        error={saving.errors.fields.text}
      >
        <TextAreaField value={text} onInput={setText} maxlength={10_000} testId="org-life-self-exam-text" />
      </FormField>
      <FormField label="上传对照检查材料" hint="已写好的对照检查材料（PDF、Word）或手写稿照片">
        <AttachmentsField attachments={attachments} testId="org-life-self-exam-files" />
      </FormField>
      <FieldError message={saving.errors.general} />
      <Button
        className="btn btn--primary"
        disabled={attachments.uploading || undefined}
        loading={saving.busy}
        onClick={() => saving.submit()}
      >
        {written ? '修改对照检查' : '提交对照检查'}
      </Button>
    </View>
  )
}
