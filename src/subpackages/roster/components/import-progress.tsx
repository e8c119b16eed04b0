import { Button, Text, View } from '@tarojs/components'
import type { ImportStatus } from '../../../../types/roster-import'
import './import.css'

/** The figures the progress view needs; a confirmed import not yet claimed by the server reads as running. */
export type ImportProgress = Pick<
  ImportStatus,
  'status' | 'total' | 'done' | 'created' | 'updated' | 'unchanged' | 'error'
> &
  Partial<Pick<ImportStatus, 'skipped'>>

interface ImportProgressViewProps {
  progress: ImportProgress
  onBackToRoster: () => void
  onImportAnother: () => void
  /** After a failure: pick a corrected file straight away. */
  onRechoose: () => void
  /** Rows were skipped: take them away as an error sheet. */
  onDownloadErrors?: () => void
  downloadingErrors?: boolean
}

export function progressPercent({ done, total }: Pick<ImportProgress, 'done' | 'total'>): number {
  if (total <= 0) return 0
  return Math.min(100, Math.round((done / total) * 100))
}

/** 正在导入 with a bar of done/total; then 导入完成 with the counts, or why it stopped. */
export function ImportProgressView({
  progress,
  onBackToRoster,
  onImportAnother,
  onRechoose,
  onDownloadErrors,
  downloadingErrors,
}: ImportProgressViewProps) {
  if (progress.status === 'done') {
    const nothingChanged = progress.created === 0 && progress.updated === 0
    return (
      <View className="card import-outcome" data-testid="import-done">
        <Text className="import-outcome__icon">✓</Text>
        <Text className="import-outcome__title">导入完成</Text>
        <View className="import-outcome__counts" data-testid="import-done-summary">
          <Text>{`新增 ${progress.created} 人`}</Text>
          <Text>{`更新 ${progress.updated} 人`}</Text>
          <Text>{`未变 ${progress.unchanged} 人`}</Text>
        </View>
        <Text className="import-outcome__text">
          {nothingChanged ? '文件与名册一致，名册没有任何改动。' : '每一处改动都已记入操作日志。'}
        </Text>
        {progress.skipped ? (
          <View className="import-outcome__skipped" data-testid="import-done-skipped">
            <Text className="import-outcome__text">{`有错误的 ${progress.skipped} 行未导入：下载错误行，按错误原因修改后再导入。`}</Text>
            {onDownloadErrors ? (
              <Button
                className="btn btn--primary import-outcome__action"
                data-testid="import-done-error-sheet"
                loading={downloadingErrors}
                disabled={downloadingErrors || undefined}
                onClick={onDownloadErrors}
              >
                下载错误行
              </Button>
            ) : null}
          </View>
        ) : null}
        <Button
          className="btn btn--primary import-outcome__action"
          data-testid="import-back-to-roster"
          onClick={onBackToRoster}
        >
          返回名册
        </Button>
        <Button
          className="btn btn--ghost import-outcome__action"
          data-testid="import-another"
          onClick={onImportAnother}
        >
          导入其他文件
        </Button>
      </View>
    )
  }

  if (progress.status === 'failed') {
    const written = progress.created + progress.updated
    return (
      <View className="card import-outcome" data-testid="import-failed">
        <Text className="import-outcome__icon import-outcome__icon--warn">!</Text>
        <Text className="import-outcome__title">导入未完成</Text>
        <Text className="import-outcome__text" data-testid="import-failed-message">
          {progress.error ?? '写入中断，请重新导入'}
        </Text>
        <Text className="muted import-outcome__note">
          {written > 0
            ? `已写入的 ${written} 人保留。重新导入同一文件时，已写入的不会重复。`
            : '名册没有改动，可修改后重新导入。'}
        </Text>
        <Button className="btn btn--primary import-outcome__action" data-testid="import-rechoose" onClick={onRechoose}>
          重新选择文件
        </Button>
        <Button
          className="btn btn--ghost import-outcome__action"
          data-testid="import-back-to-roster"
          onClick={onBackToRoster}
        >
          返回名册
        </Button>
      </View>
    )
  }

  const percent = progressPercent(progress)
  const started = progress.status === 'running'
  return (
    <View className="card import-running" data-testid="import-running">
      <Text className="import-busy__title">{started ? '正在导入…' : '正在核对文件…'}</Text>
      <View className="progress" data-testid="import-progress-bar" data-percent={percent}>
        <View className="progress__bar" style={{ width: `${percent}%` }} />
      </View>
      <View className="import-running__figures">
        <Text data-testid="import-progress-count">
          {started ? `已写入 ${progress.done} / ${progress.total} 人` : '确认前再核对一遍名册'}
        </Text>
        <Text>{started ? `${percent}%` : ''}</Text>
      </View>
      <Text className="muted import-running__note">离开本页不会中断导入；回到批量导入页面可查看进度和结果。</Text>
    </View>
  )
}
