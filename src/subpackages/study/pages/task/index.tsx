import { Button, Text, Textarea, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import type { TaskWithMine } from '../../../../../types/study'
import { PageState } from '../../../../components/page-state'
import { useAction } from '../../../../hooks/use-action'
import { formatTime } from '../../../../pages/study/format'
import { call } from '../../../../services/call'

/** 学习任务详情: the content, and the 心得 form — check in once, edit until the due date. */
export default function TaskPage() {
  const taskId = useRouter().params.taskId ?? ''
  const task = useAction('study', 'getTask', { taskId })
  return (
    <View className="page">
      <PageState query={task}>{(data) => <TaskView task={data} onSaved={task.reload} />}</PageState>
    </View>
  )
}

function TaskView({ task, onSaved }: { task: TaskWithMine; onSaved: () => void }) {
  const [note, setNote] = useState(task.checkin?.note ?? '')
  const [error, setError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const length = [...note.trim()].length

  async function save() {
    setSaving(true)
    setError(null)
    const result = task.checkin
      ? await call('study', 'editCheckin', { taskId: task.id, note })
      : await call('study', 'checkIn', { taskId: task.id, note })
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
        <Text className="card__title">
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
      </View>
      <View className="card">
        <Text className="card__title">{task.checkin ? `已打卡 · ${formatTime(task.checkin.at)}` : '学习心得'}</Text>
        {task.open ? (
          <View>
            <Textarea
              className="study-note"
              data-testid="study-note"
              value={note}
              maxlength={1000}
              placeholder={`写下您的学习体会（至少${task.minNoteLength}字）`}
              onInput={(event) => setNote(event.detail.value)}
            />
            <Text className="muted">
              {length}/{task.minNoteLength} 字起
            </Text>
            {error ? <Text className="form-error">{error}</Text> : null}
            <Button className="btn btn--primary" data-testid="study-submit" loading={saving} onClick={save}>
              {task.checkin ? '保存修改' : '我已学习，打卡'}
            </Button>
          </View>
        ) : (
          <Text className="muted">{task.checkin ? task.checkin.note : '任务已截止，未打卡'}</Text>
        )}
      </View>
    </View>
  )
}
