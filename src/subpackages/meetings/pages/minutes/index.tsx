import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import type { MeetingDetail } from '../../../../../types/meetings'
import { PageState } from '../../../../components/page-state'
import { useAction } from '../../../../hooks/use-action'
import { type FormErrors, formErrorsOf, NO_ERRORS } from '../../../../lib/form-errors'
import { MEETING_TYPE_LABELS } from '../../../../pages/meetings/labels'
import { call } from '../../../../services/call'
import { type PickedFile, pickPhotos, uploadToCloud } from '../../../../services/cloud-files'
import { MINUTES_MAX_PHOTOS, type MinutesField, MinutesForm, type MinutesPhoto } from '../../components/minutes-form'
import { minutesPhotoPath } from '../../lib/cloud-paths'
import { fullDate } from '../../lib/format'
import { minutesSummary } from '../../lib/summary'
import '../../components/meetings.css'

const FIELDS: readonly MinutesField[] = ['text', 'photos']

/** A preview of a picked photo: the temp path on weapp, an object URL of the File on H5. */
function previewOf(file: PickedFile): string | null {
  if (typeof file.source === 'string') return file.source
  if (typeof Blob !== 'undefined' && file.source instanceof Blob) return URL.createObjectURL(file.source)
  return null
}

/** 会议记录: the secretary writes the minutes once the meeting has started. */
export default function MinutesPage() {
  const id = useRouter().params.id ?? ''
  const meeting = useAction('meetings', 'get', { meetingId: id })
  const me = useAction('roster', 'me', {})
  return (
    <View className="page">
      <PageState query={me}>
        {(caller) => (
          <PageState
            query={meeting}
            isEmpty={(data) => !data.canManage}
            empty={{ title: '会议记录由支部书记或支委填写', hint: '您可以在会议详情中查看已填写的记录' }}
          >
            {(data) =>
              Date.now() < data.startsAt ? (
                <View className="card" data-testid="minutes-not-started">
                  <View className="card__title">会议尚未开始</View>
                  <Text className="muted">会议于 {fullDate(data.startsAt)} 开始，开始后即可填写会议记录。</Text>
                </View>
              ) : (
                <MinutesEditor tenantId={caller.tenant.id} meeting={data} onSaved={meeting.reload} />
              )
            }
          </PageState>
        )}
      </PageState>
    </View>
  )
}

function MinutesEditor({
  tenantId,
  meeting,
  onSaved,
}: {
  tenantId: string
  meeting: MeetingDetail
  onSaved: () => void
}) {
  const [text, setText] = useState(meeting.minutes?.text ?? '')
  const [photos, setPhotos] = useState<MinutesPhoto[]>(
    (meeting.minutes?.photos ?? []).map((fileID, index) => ({
      fileID,
      preview: meeting.minutes?.photoUrls[index] ?? null,
    })),
  )
  const [uploading, setUploading] = useState(false)
  const [saving, setSaving] = useState(false)
  const [errors, setErrors] = useState<FormErrors<MinutesField>>(NO_ERRORS)

  const addPhotos = async () => {
    const picked = await pickPhotos(MINUTES_MAX_PHOTOS - photos.length)
    if (picked.length === 0) return
    setUploading(true)
    const uploaded = await Promise.all(
      picked.map(async (file) => {
        const result = await uploadToCloud(minutesPhotoPath(tenantId, meeting.id, file.name, Date.now()), file)
        return result.ok ? [{ fileID: result.data.fileID, preview: previewOf(file) }] : []
      }),
    )
    setUploading(false)
    const added = uploaded.flat()
    setPhotos((current) => [...current, ...added].slice(0, MINUTES_MAX_PHOTOS))
    setErrors({ fields: {}, general: added.length < picked.length ? '部分照片上传失败，请重试' : null })
  }

  const submit = async () => {
    setSaving(true)
    setErrors(NO_ERRORS)
    const result = await call('meetings', 'writeMinutes', {
      meetingId: meeting.id,
      text,
      photos: photos.map((photo) => photo.fileID),
    })
    setSaving(false)
    if (!result.ok) {
      setErrors(formErrorsOf(result.error, FIELDS))
      return
    }
    Taro.showToast({ title: '会议记录已保存', icon: 'success' })
    onSaved()
  }

  return (
    <View>
      <View className="card">
        <View className="card__title">
          【{MEETING_TYPE_LABELS[meeting.type]}】{meeting.title}
        </View>
        <Text className="muted">
          {fullDate(meeting.startsAt)} · {meeting.place}
          {meeting.hostName ? ` · 主持人：${meeting.hostName}` : ''}
        </Text>
      </View>
      <MinutesForm
        summary={minutesSummary(meeting)}
        text={text}
        photos={photos}
        uploading={uploading}
        saving={saving}
        errors={errors}
        savedNote={
          meeting.minutes ? `已于 ${fullDate(meeting.minutes.writtenAt)} 由${meeting.minutes.writtenByName}保存` : null
        }
        onText={setText}
        onPickPhotos={addPhotos}
        onRemovePhoto={(fileID) => setPhotos((current) => current.filter((photo) => photo.fileID !== fileID))}
        onSubmit={submit}
      />
    </View>
  )
}
