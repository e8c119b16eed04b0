import { Button, Text, Video, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { ok } from '../../../../types/result'
import type { TaskDetail } from '../../../../types/study'
import { FieldError } from '../../../components/field-error'
import { useSubmit } from '../../../hooks/use-submit'
import { articlePageUrl } from '../../../lib/routes'
import { call } from '../../../services/call'
import { openDocumentToRead } from '../../../services/cloud-files'
import { isVideoFile, linkOpensInApp, readingLine } from '../lib/material'
import './study.css'

interface StudyMaterialsProps {
  task: TaskDetail
  /** Hosts the app's web-view may open (webViewHosts). */
  hosts: readonly string[]
  now: number
  /** The reading time started (or was already running): the page shows it. */
  onReading: (since: number | null) => void
}

/**
 * 学习材料 inside the app: the document opens in WeChat's viewer from a
 * temporary link, a 公众号 article in the web-view page, a video plays here;
 * a link the app may not open is copied, and the page says why. Opening any
 * of them starts the member's reading time on the server (openMaterial).
 */
export function StudyMaterials({ task, hosts, now, onReading }: StudyMaterialsProps) {
  const { fileID, fileName, link, videoLink } = task.content
  const [said, setSaid] = useState<string | null>(null)
  const opening = useSubmit(
    // 'playing': the video plays here, so only the reading time is started.
    async (material: 'document' | 'article' | 'video', playing = false) => {
      const opened = await call('study', 'openMaterial', { taskId: task.id, material })
      if (!opened.ok) return opened
      onReading(opened.data.readingSince)
      if (material === 'document' && opened.data.fileType) {
        const shown = await openDocumentToRead(opened.data.url, opened.data.fileType)
        return shown.ok ? ok(null) : shown
      }
      if (material !== 'document' && !playing) {
        await Taro.setClipboardData({ data: opened.data.url })
        setSaid(
          material === 'article'
            ? '该文章不是本小程序关联公众号的文章，也不在业务域名内，不能在小程序中打开。链接已复制，请粘贴到浏览器中阅读。'
            : '该视频链接不是视频文件，不能在小程序中播放。链接已复制，请粘贴到浏览器中观看。',
        )
      }
      return ok(null)
    },
    { fields: [] },
  )
  const line = readingLine(task.minReadMinutes, task.readingSince, now)
  if (!fileID && !link && !videoLink) return null
  return (
    <View className="card" data-testid="study-materials">
      <Text className="card__title">学习材料</Text>
      {line ? (
        <Text className="study-reading" data-testid="study-reading">
          {line}
        </Text>
      ) : null}
      {fileID ? (
        <Button
          className="btn btn--ghost study-material"
          data-testid="study-open-document"
          loading={opening.pending?.[0] === 'document'}
          onClick={() => opening.submit('document')}
        >
          {`打开学习材料：${fileName ?? '学习材料'}`}
        </Button>
      ) : null}
      {link ? (
        <Button
          className="btn btn--ghost study-material"
          data-testid="study-open-article"
          loading={opening.pending?.[0] === 'article'}
          onClick={() =>
            linkOpensInApp(link, hosts) ? Taro.navigateTo({ url: articlePageUrl(task.id) }) : opening.submit('article')
          }
        >
          {linkOpensInApp(link, hosts) ? '阅读文章' : '复制文章链接'}
        </Button>
      ) : null}
      {videoLink && isVideoFile(videoLink) ? (
        <Video
          className="study-video"
          data-testid="study-video"
          src={videoLink}
          controls
          onPlay={() => (task.readingSince === null ? opening.submit('video', true) : undefined)}
        />
      ) : videoLink ? (
        <Button
          className="btn btn--ghost study-material"
          data-testid="study-copy-video"
          onClick={() => opening.submit('video')}
        >
          复制视频链接
        </Button>
      ) : null}
      {said ? (
        <Text className="field-hint" data-testid="study-link-copied">
          {said}
        </Text>
      ) : null}
      <FieldError message={opening.errors.general} testId="study-material-error" />
    </View>
  )
}
