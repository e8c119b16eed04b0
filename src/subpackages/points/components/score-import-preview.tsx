import { Button, Text, View } from '@tarojs/components'
import type { ScoreImportPreview, ScoreImportResult, ScoreImportRow } from '../../../../types/points'
import { ResultView } from '../../../components/result-view'
import './points.css'

const STATUS_LABELS: Record<ScoreImportRow['status'], string> = {
  pay: '计分',
  paid: '已导入过',
  skip: '不计分',
  error: '错误 · 不导入',
}

interface ScoreImportPreviewViewProps {
  preview: ScoreImportPreview
  fileName: string
  onConfirm: () => void
  onRechoose: () => void
}

/** 导入预览: row by row who gets how many points; rows already paid or with errors are not paid. */
export function ScoreImportPreviewView({ preview, fileName, onConfirm, onRechoose }: ScoreImportPreviewViewProps) {
  const { totals } = preview
  const nothing = totals.pay === 0
  return (
    <View data-testid="score-preview">
      <View className="card">
        <Text className="card__title">{fileName}</Text>
        <Text className="field-hint">
          {`${preview.source}积分 × ${preview.factor} 折算为“${preview.ruleName}”，超出上限的部分不计`}
        </Text>
        <Text className="field-label" data-testid="score-totals">
          {`共 ${totals.dataRows} 行：计分 ${totals.pay} 行（合计 ${totals.points} 分），已导入过 ${totals.paid} 行，不计分 ${totals.skip} 行，有错误 ${totals.error} 行`}
        </Text>
      </View>
      <View className="card">
        {preview.rows.map((row) => (
          <View key={row.row} className="claim-card divided" data-testid="score-row" data-status={row.status}>
            <View className="claim-card__head">
              <Text>
                第 {row.row} 行 · {row.name || '（无姓名）'}
              </Text>
              <Text
                className={`claim-status--${row.status === 'error' ? 'rejected' : row.status === 'pay' ? 'approved' : 'pending'}`}
              >
                {row.status === 'pay' ? `+${row.points} 分` : STATUS_LABELS[row.status]}
              </Text>
            </View>
            <Text className="field-hint">
              {row.score === null ? '' : `${preview.source}积分 ${row.score}`}
              {row.message ? `${row.score === null ? '' : ' · '}${row.message}` : ''}
            </Text>
          </View>
        ))}
      </View>
      <View className="btn-stack">
        {nothing ? (
          <Text className="field-hint" data-testid="score-nothing">
            没有需要计分的行
          </Text>
        ) : null}
        <Button className="btn btn--ghost" data-testid="score-rechoose" onClick={onRechoose}>
          重新选择文件
        </Button>
        <Button
          className="btn btn--primary"
          data-testid="score-confirm"
          disabled={nothing || undefined}
          onClick={nothing ? undefined : onConfirm}
        >
          确认导入
        </Button>
      </View>
    </View>
  )
}

/** 导入完成: what was paid, what had been paid before, what the caps cut. */
export function ScoreImportDone({
  result,
  onAnother,
  onDone,
}: {
  result: ScoreImportResult
  onAnother: () => void
  /** Back to the 积分 tab: the result leads somewhere. */
  onDone: () => void
}) {
  return (
    <ResultView
      tone="ok"
      title="导入完成"
      testId="score-done"
      text={[
        `计分 ${result.paid} 人，合计 ${result.points} 分`,
        result.capped > 0 ? `其中 ${result.capped} 人达到上限，只计上限内的分数` : '',
        result.alreadyPaid > 0 ? `${result.alreadyPaid} 行此前已导入，未重复计分` : '',
      ]
        .filter(Boolean)
        .join('；')}
    >
      <Button className="btn btn--primary" data-testid="score-done-points" onClick={onDone}>
        返回积分
      </Button>
      <Button className="btn btn--ghost" data-testid="score-another" onClick={onAnother}>
        导入其他文件
      </Button>
    </ResultView>
  )
}
