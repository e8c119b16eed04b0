import { Button, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import type { Me } from '../../../../../types/roster'
import type { TaskWithMine } from '../../../../../types/study'
import { PageState } from '../../../../components/page-state'
import { usePhotoUploads } from '../../../../components/photo-picker/use-photo-uploads'
import { useAction } from '../../../../hooks/use-action'
import { call } from '../../../../services/call'
import { CheckinForm, MAX_PHOTOS } from '../../components/checkin-form'
import { studyCloudPath } from '../../lib/cloud-paths'
import { participationPageUrl } from '../../lib/urls'
import '../../components/study.css'

const READERS = ['bureau_staff', 'general_branch_secretary', 'branch_secretary', 'branch_committee', 'instructor']

/** 学习任务详情: the content, and the 心得 form — check in once, edit until the due date. */
export default function TaskPage() {
  const taskId = useRouter().params.taskId ?? ''
  const task = useAction('study', 'getTask', { taskId })
  const me = useAction('roster', 'me', {})
  return (
    <View className="page">
      <PageState query={task}>
        {(data) => <TaskView task={data} me={me.state === 'ok' ? me.data : null} onSaved={task.reload} />}
      </PageState>
    </View>
  )
}

function TaskView({ task, me, onSaved }: { task: TaskWithMine; me: Me | null; onSaved: () => void }) {
  const [note, setNote] = useState(task.checkin?.note ?? '')
  const { photos, uploading, add } = usePhotoUploads(
    () => (task.checkin?.photos ?? []).map((fileID) => ({ fileID, preview: null })),
    { max: MAX_PHOTOS, pathOf: (name) => studyCloudPath(me?.tenant.id ?? '', me?.memberId ?? '', name, Date.now()) },
  )
  const [error, setError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)

  async function addPhotos() {
    if (!me) return
    const added = await add()
    if (added?.failed) setError('部分照片上传失败，请重试')
  }

  async function save() {
    setSaving(true)
    setError(null)
    const input = { taskId: task.id, note, photos: photos.map((photo) => photo.fileID) }
    const result = task.checkin ? await call('study', 'editCheckin', input) : await call('study', 'checkIn', input)
    setSaving(false)
    if (!result.ok) {
      setError(result.error.message)
      return
    }
    const points = 'pointsAwarded' in result.data ? result.data.pointsAwarded : 0
    Taro.showToast({ title: points > 0 ? `打卡成功 +${points}分` : '已保存', icon: 'success' })
    onSaved()
  }

  return (
    <View>
      <View className="card">
        <Text className="card__title study-title">
          {task.collectiveDay ? '【集中学习日】' : ''}
          {task.title}
        </Text>
        <Text className="muted">
          {task.startsOn} 至 {task.dueOn} · {task.publishedByName} 发布
        </Text>
        {task.content.text ? <Text className="study-text">{task.content.text}</Text> : null}
        {task.content.link ? (
          <Text className="link" onClick={() => Taro.setClipboardData({ data: task.content.link ?? '' })}>
            文章链接（点击复制）
          </Text>
        ) : null}
        {task.content.videoLink ? (
          <Text className="link" onClick={() => Taro.setClipboardData({ data: task.content.videoLink ?? '' })}>
            视频链接（点击复制）
          </Text>
        ) : null}
        {task.content.fileID ? <Text className="muted study-text">附有学习材料，请在微信中打开</Text> : null}
      </View>
      <CheckinForm
        task={task}
        note={note}
        photoCount={photos.length}
        uploading={uploading}
        saving={saving}
        error={error}
        onNote={setNote}
        onPickPhotos={addPhotos}
        onSubmit={save}
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
