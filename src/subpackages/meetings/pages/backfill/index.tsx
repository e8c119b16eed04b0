import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { MEETING_RECORD_LABELS } from '../../../../../types/labels'
import type { AttendanceStatus } from '../../../../../types/meetings'
import { FieldError } from '../../../../components/field-error'
import { FormField, TextAreaField } from '../../../../components/form-field'
import { Page } from '../../../../components/page'
import { EmptyState, PageState } from '../../../../components/page-state'
import { AddPhotosButton } from '../../../../components/photo-picker'
import { usePhotoUploads } from '../../../../components/photo-picker/use-photo-uploads'
import { useAction } from '../../../../hooks/use-action'
import { uploadPath } from '../../../../lib/cloud-paths'
import { type FormErrors, formErrorsOf, NO_ERRORS } from '../../../../lib/form-errors'
import { meetingPageUrl } from '../../../../lib/routes'
import { call } from '../../../../services/call'
import { type BranchRoster, MeetingFields } from '../../components/meeting-fields'
import { MINUTES_MAX_PHOTOS, MINUTES_MIN } from '../../components/minutes-form'
import { MARK_LABELS, MARKS } from '../../components/roll-list'
import { WithRoster } from '../../components/with-roster'
import {
  blankDraft,
  fieldsOf,
  MEETING_FIELDS,
  type MeetingDraft,
  type MeetingField,
  requestIdOf,
  scopeOf,
} from '../../lib/meeting-draft'
import '../../components/meetings.css'

type BackfillField = MeetingField | 'minutes.text' | 'marks'
const FIELDS: readonly BackfillField[] = [...MEETING_FIELDS, 'minutes.text', 'marks']

/**
 * 补录: a meeting that took place but was never entered — its date, who it was
 * for, the roll (each invited member 出席, 迟到, 请假 or 缺席), the minutes and
 * photos. It is marked 补录 in the record book; the bureau's 补录时限 decides
 * whether it still counts.
 */
export default function BackfillPage() {
  const me = useAction('roster', 'me', {})
  return (
    <Page>
      <PageState query={me}>
        {(data) =>
          data.branch ? (
            <WithRoster branchId={data.branch.id}>
              {(roster) => (
                <BackfillForm
                  roster={roster}
                  branchId={data.branch?.id ?? ''}
                  tenantId={data.tenant.id}
                  selfId={data.memberId}
                />
              )}
            </WithRoster>
          ) : (
            <EmptyState title="未找到您所在的支部" hint="只有支部书记可以为本支部补录会议。" />
          )
        }
      </PageState>
    </Page>
  )
}

/** `selfId`: the secretary, whose own attendance another manager marks (nobody records their own). */
export function BackfillForm({
  roster,
  branchId,
  tenantId,
  selfId,
}: {
  roster: BranchRoster
  branchId: string
  tenantId: string
  selfId: string
}) {
  const [draft, setDraft] = useState<MeetingDraft>(() => blankDraft('group_meeting', Date.now(), true))
  // The meeting's id, made once: its photos are uploaded under it before it is saved.
  const [requestId] = useState(() => requestIdOf('mt_bf', Date.now()))
  const [marks, setMarks] = useState<Record<string, AttendanceStatus>>({})
  const [text, setText] = useState('')
  const { photos, uploading, add, remove } = usePhotoUploads(() => [], {
    max: MINUTES_MAX_PHOTOS,
    pathOf: (name) => uploadPath(['meetings', tenantId, requestId], name, Date.now(), 'jpg'),
    previews: true,
  })
  const [errors, setErrors] = useState<FormErrors<BackfillField>>(NO_ERRORS)
  const [busy, setBusy] = useState(false)
  const [saved, setSaved] = useState<{
    id: string
    record: keyof typeof MEETING_RECORD_LABELS
    summary: string
  } | null>(null)

  const scope = scopeOf(draft)
  const invited = !scope
    ? []
    : roster.members.filter((member) =>
        scope.kind === 'group'
          ? member.groupId === scope.groupId
          : scope.kind === 'committee'
            ? member.committeePosition
            : true,
      )
  const statusOf = (memberId: string): AttendanceStatus => marks[memberId] ?? 'present'
  const marked = invited.filter((member) => member.id !== selfId)
  const includesSelf = marked.length < invited.length

  const submit = async () => {
    if (!scope) return setErrors({ fields: {}, general: '请选择党小组' })
    setBusy(true)
    setErrors(NO_ERRORS)
    const result = await call('meetings', 'backfill', {
      requestId,
      branchId,
      scope,
      meeting: fieldsOf(draft),
      marks: marked.map((member) => ({ memberId: member.id, status: statusOf(member.id) })),
      minutes: { text, photos: photos.map((photo) => photo.fileID) },
    })
    setBusy(false)
    if (!result.ok) return setErrors(formErrorsOf(result.error, FIELDS))
    setSaved(result.data)
  }

  if (saved) {
    return (
      <View className="card meet-result" data-testid="backfill-done">
        <Text className="meet-result__title">会议已补录</Text>
        <Text className="meet-line">{saved.summary}</Text>
        <Text className="meet-line" data-testid="backfill-record">
          {saved.record === 'held'
            ? '已在补录时限内补齐考勤和会议记录，本次会议计入“已开展”。'
            : `已超过补录时限，会议已记入记录本（标注“补录”），但不计入考核：${MEETING_RECORD_LABELS[saved.record]}。`}
        </Text>
        <Button
          className="btn btn--primary meet-bar"
          data-testid="backfill-open"
          onClick={() => Taro.redirectTo({ url: meetingPageUrl(saved.id) })}
        >
          查看会议记录
        </Button>
        <Button className="btn btn--ghost meet-bar" onClick={() => Taro.navigateBack()}>
          返回
        </Button>
      </View>
    )
  }

  const length = [...text.trim()].length
  return (
    <View className="card" data-testid="backfill-form">
      <View className="card__title">补录会议 · {roster.branchName}</View>
      <Text className="field-hint">
        已经召开但未在系统中安排的会议，可在此补录考勤和会议记录；记录本中会标注“补录”。
      </Text>
      <MeetingFields draft={draft} onChange={setDraft} roster={roster} errors={errors} mode="backfill" />
      <Text className="field-label">出席情况（{marked.length}人，默认出席，请逐一核对）</Text>
      <View data-testid="backfill-roll">
        {marked.map((member) => (
          <View key={member.id} className="meet-roll-row" data-testid="backfill-member">
            <Text className="meet-member__name">{member.name}</Text>
            <View className="chips">
              {MARKS.map((status) => (
                <Text
                  key={status}
                  className={`chip${statusOf(member.id) === status ? ' chip--on' : ''}`}
                  data-testid={`backfill-mark-${status}`}
                  onClick={() => setMarks({ ...marks, [member.id]: status })}
                >
                  {MARK_LABELS[status]}
                </Text>
              ))}
            </View>
          </View>
        ))}
      </View>
      {includesSelf ? (
        <Text className="field-hint" data-testid="backfill-self">
          您本人的考勤不能自己登记：补录后请由支部其他管理人员或教育局党委在“考勤登记”中登记。
        </Text>
      ) : null}
      <FieldError message={errors.fields.marks} />
      <FormField label="会议记录" required error={errors.fields['minutes.text']}>
        <TextAreaField
          testId="backfill-minutes"
          value={text}
          maxlength={10_000}
          invalid={Boolean(errors.fields['minutes.text'])}
          placeholder="会议议程、发言要点、形成的决议"
          onInput={setText}
        />
      </FormField>
      {length < MINUTES_MIN ? (
        <Text className="field-hint">
          至少{MINUTES_MIN}字，还需 {MINUTES_MIN - length} 字
        </Text>
      ) : null}
      <Text className="field-label">
        会议照片（{photos.length}/{MINUTES_MAX_PHOTOS}）
      </Text>
      <View className="meet-photos">
        {photos.map((photo) => (
          <View key={photo.fileID} className="meet-photo">
            <Text className="meet-photo__remove" onClick={() => remove(photo.fileID)}>
              ×
            </Text>
          </View>
        ))}
      </View>
      <AddPhotosButton
        className="meet-bar"
        testId="backfill-add-photos"
        count={photos.length}
        max={MINUTES_MAX_PHOTOS}
        uploading={uploading}
        onAdd={add}
      >
        {uploading ? '照片上传中…' : '添加照片'}
      </AddPhotosButton>
      <FieldError message={errors.general} testId="backfill-error" />
      <Button
        className="btn btn--primary meet-bar"
        data-testid="backfill-submit"
        loading={busy}
        disabled={busy || uploading || length < MINUTES_MIN || undefined}
        onClick={submit}
      >
        保存补录
      </Button>
    </View>
  )
}
