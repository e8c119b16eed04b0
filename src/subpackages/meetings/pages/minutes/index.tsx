import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import type { MeetingDetail } from '../../../../../types/meetings'
import { PageState } from '../../../../components/page-state'
import { usePhotoUploads } from '../../../../components/photo-picker/use-photo-uploads'
import { useAction } from '../../../../hooks/use-action'
import { useSubmit } from '../../../../hooks/use-submit'
import { uploadPath } from '../../../../lib/cloud-paths'
import { fullDateTime } from '../../../../lib/time'
import { call } from '../../../../services/call'
import { MeetingHeading } from '../../components/meeting-heading'
import { MINUTES_MAX_PHOTOS, type MinutesField, MinutesForm } from '../../components/minutes-form'
import { minutesSummary } from '../../lib/summary'
import '../../components/meetings.css'
import { Page } from '../../../../components/page'

const FIELDS: readonly MinutesField[] = ['text', 'photos']

/** 会议记录: the secretary writes the minutes once the meeting has started. */
export default function MinutesPage() {
  const id = useRouter().params.id ?? ''
  const meeting = useAction('meetings', 'get', { meetingId: id })
  const me = useAction('roster', 'me', {})
  return (
    <Page>
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
                  <Text className="muted">会议于 {fullDateTime(data.startsAt)} 开始，开始后即可填写会议记录。</Text>
                </View>
              ) : (
                <MinutesEditor tenantId={caller.tenant.id} meeting={data} onSaved={meeting.reload} />
              )
            }
          </PageState>
        )}
      </PageState>
    </Page>
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
  const { photos, uploading, add, remove } = usePhotoUploads(
    () =>
      (meeting.minutes?.photos ?? []).map((fileID, index) => ({
        fileID,
        preview: meeting.minutes?.photoUrls[index] ?? null,
      })),
    {
      max: MINUTES_MAX_PHOTOS,
      pathOf: (name) => uploadPath(['meetings', tenantId, meeting.id], name, Date.now(), 'jpg'),
      previews: true,
    },
  )
  const saving = useSubmit(
    () =>
      call('meetings', 'writeMinutes', { meetingId: meeting.id, text, photos: photos.map((photo) => photo.fileID) }),
    { fields: FIELDS, toast: '会议记录已保存', onDone: onSaved },
  )

  const addPhotos = async () => {
    const added = await add()
    if (added) saving.setErrors({ fields: {}, general: added.failed ? '部分照片上传失败，请重试' : null })
  }

  return (
    <View>
      <MeetingHeading meeting={meeting} withHost />
      <MinutesForm
        summary={minutesSummary(meeting)}
        text={text}
        photos={photos}
        uploading={uploading}
        saving={saving.busy}
        errors={saving.errors}
        savedNote={
          meeting.minutes
            ? `已于 ${fullDateTime(meeting.minutes.writtenAt)} 由${meeting.minutes.writtenByName}保存`
            : null
        }
        onText={setText}
        onPickPhotos={addPhotos}
        onRemovePhoto={remove}
        onSubmit={() => saving.submit()}
      />
    </View>
  )
}
