import { Button, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { ok, type Result } from '../../../../../types/result'
import type { Me } from '../../../../../types/roster'
import type { TaskDetail } from '../../../../../types/study'
import { PageState } from '../../../../components/page-state'
import { usePhotoUploads } from '../../../../components/photo-picker/use-photo-uploads'
import { useAction } from '../../../../hooks/use-action'
import { useSubmit } from '../../../../hooks/use-submit'
import { uploadPath } from '../../../../lib/cloud-paths'
import { participationPageUrl } from '../../../../lib/routes'
import { call } from '../../../../services/call'
import { CheckinForm, MAX_PHOTOS } from '../../components/checkin-form'
import { StudyMaterials } from '../../components/study-materials'
import { StudyNudgeSubscription } from '../../components/study-nudge-subscription'
import { WEBVIEW_HOSTS } from '../../lib/webview-hosts'
import '../../components/study.css'
import { Page } from '../../../../components/page'

const READERS = ['bureau_staff', 'general_branch_secretary', 'branch_secretary', 'branch_committee', 'instructor']

/** 学习任务详情: the content, and the 心得 form — check in once, edit until the due date. */
export default function TaskPage() {
  const taskId = useRouter().params.taskId ?? ''
  const task = useAction('study', 'getTask', { taskId })
  const me = useAction('roster', 'me', {})
  return (
    <Page>
      <PageState query={task}>
        {(data) => <TaskView task={data} me={me.state === 'ok' ? me.data : null} onSaved={task.reload} />}
      </PageState>
    </Page>
  )
}

function TaskView({ task, me, onSaved }: { task: TaskDetail; me: Me | null; onSaved: () => void }) {
  const [note, setNote] = useState(task.checkin?.note ?? '')
  // The reading time starts when a material is first opened here; the server's clock keeps it.
  const [readingSince, setReadingSince] = useState(task.readingSince)
  const { photos, uploading, add } = usePhotoUploads(
    () => (task.checkin?.photos ?? []).map((fileID) => ({ fileID, preview: null })),
    {
      max: MAX_PHOTOS,
      pathOf: (name) => uploadPath(['study', me?.tenant.id ?? '', me?.memberId ?? ''], name, Date.now()),
    },
  )
  const saving = useSubmit(
    async (): Promise<Result<{ pointsAwarded: number }>> => {
      const input = { taskId: task.id, note, photos: photos.map((photo) => photo.fileID) }
      if (!task.checkin) return call('study', 'checkIn', input)
      const edited = await call('study', 'editCheckin', input)
      return edited.ok ? ok({ pointsAwarded: 0 }) : edited
    },
    {
      fields: [],
      toast: ({ pointsAwarded }) => (pointsAwarded > 0 ? `打卡成功 +${pointsAwarded}分` : '已保存'),
      onDone: onSaved,
    },
  )

  async function addPhotos() {
    if (!me) return
    const added = await add()
    if (added?.failed) saving.setErrors({ fields: {}, general: '部分照片上传失败，请重试' })
  }

  return (
    <View>
      <View className="card">
        <Text className="card__title">
          {task.collectiveDay ? '【集中学习日】' : ''}
          {task.title}
        </Text>
        <Text className="muted">{`${task.startsOn} 至 ${task.dueOn} · ${task.publishedByName} 发布`}</Text>
        {task.content.text ? <Text className="study-text">{task.content.text}</Text> : null}
        <StudyNudgeSubscription />
      </View>
      <StudyMaterials
        task={{ ...task, readingSince }}
        hosts={WEBVIEW_HOSTS}
        now={Date.now()}
        onReading={(since) => setReadingSince(since)}
      />
      <CheckinForm
        task={task}
        note={note}
        photoCount={photos.length}
        uploading={uploading}
        saving={saving.busy}
        error={saving.errors.general}
        onNote={setNote}
        onPickPhotos={addPhotos}
        onSubmit={() => saving.submit()}
      />
      {me?.roles.some((role) => READERS.includes(role)) ? (
        <Button
          className="btn btn--ghost"
          data-testid="open-participation"
          onClick={() => Taro.navigateTo({ url: participationPageUrl(task.id) })}
        >
          查看本支部学习情况
        </Button>
      ) : null}
    </View>
  )
}
