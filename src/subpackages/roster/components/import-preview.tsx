import { Button, Text, View } from '@tarojs/components'
import type { ImportPreviewSummary } from '../../../../types/roster-import'
import { issueLocation, issuesByRow } from '../lib/import-issues'
import './import.css'

const ACTION_LABELS = { create: '新增', update: '更新', unchanged: '未变' } as const

interface ImportPreviewViewProps {
  summary: ImportPreviewSummary
  fileName: string
  /** Bureau imports span branches: the sample then names each row's branch. */
  showBranch: boolean
  onConfirm: () => void
  onRechoose: () => void
  /** 下载错误行: the refused rows as .xlsx with 错误原因, to fix and import again. */
  onDownloadErrors?: () => void
  downloadingErrors?: boolean
}

/** 确认后写入 N 行（新增 a、更新 b），跳过有错误的 M 行: what confirming writes and what it leaves out. */
export function writeAndSkipLine({ totals, plan }: Pick<ImportPreviewSummary, 'totals' | 'plan'>): string {
  const write = plan.create + plan.update
  const parts = [`确认后写入 ${write} 行（新增 ${plan.create}、更新 ${plan.update}）`]
  if (totals.invalidRows > 0) parts.push(`跳过有错误的 ${totals.invalidRows} 行`)
  if (totals.duplicateRows > 0) parts.push(`重复的 ${totals.duplicateRows} 行只导入一次`)
  return parts.join('，')
}

/**
 * 导入预览: what confirming would do — the rows it writes and the rows it
 * skips — every problem by row, the columns left out. Rows with errors do not
 * stop the others: the secretary confirms knowing both numbers, and takes the
 * refused rows away as an error sheet to fix and import again.
 */
export function ImportPreviewView({
  summary,
  fileName,
  showBranch,
  onConfirm,
  onRechoose,
  onDownloadErrors,
  downloadingErrors,
}: ImportPreviewViewProps) {
  const { totals, plan } = summary
  const hasErrors = totals.invalidRows > 0
  const nothingValid = totals.validRows === 0
  const allUnchanged = !hasErrors && !nothingValid && plan.create === 0 && plan.update === 0
  const rows = issuesByRow(summary.issues)
  return (
    <View className="import-preview" data-testid="import-preview">
      <View className="card">
        <Text className="import-file">{fileName}</Text>
        <View className="import-totals" data-testid="import-totals">
          <Text className="import-totals__lead">
            共 {totals.dataRows} 行：可导入 {totals.validRows} 行
          </Text>
          <View className="import-totals__chips">
            <Text className="import-chip import-chip--create" data-testid="import-plan-create">
              新增 {plan.create}
            </Text>
            <Text className="import-chip import-chip--update" data-testid="import-plan-update">
              更新 {plan.update}
            </Text>
            <Text className="import-chip import-chip--unchanged" data-testid="import-plan-unchanged">
              未变 {plan.unchanged}
            </Text>
            <Text
              className={`import-chip${hasErrors ? ' import-chip--error' : ' import-chip--unchanged'}`}
              data-testid="import-invalid-rows"
            >
              有问题 {totals.invalidRows} 行
            </Text>
          </View>
        </View>
        {nothingValid ? null : (
          <Text className="import-write-skip" data-testid="import-write-skip">
            {writeAndSkipLine(summary)}
          </Text>
        )}
        {hasErrors && onDownloadErrors ? (
          <Button
            className="btn btn--ghost"
            data-testid="import-error-sheet"
            loading={downloadingErrors}
            disabled={downloadingErrors || undefined}
            onClick={onDownloadErrors}
          >
            下载错误行（.xlsx，含错误原因）
          </Button>
        ) : null}
      </View>

      {allUnchanged ? (
        <View className="import-notice import-notice--ok" data-testid="import-all-unchanged">
          <Text className="import-notice__title">全部未变</Text>
          <Text className="import-notice__text">
            {`文件中的 ${plan.unchanged} 名党员与名册完全一致，确认导入不会修改任何数据。`}
          </Text>
        </View>
      ) : null}

      {summary.droppedColumns.length > 0 ? (
        <View className="import-notice import-notice--privacy" data-testid="import-dropped">
          <Text className="import-notice__title">{`已忽略${summary.droppedColumns.join('、')}列，未保存`}</Text>
          <Text className="import-notice__text">为保护个人信息，证件号码既不读取也不保存。</Text>
        </View>
      ) : null}

      {summary.ignoredColumns.length > 0 ? (
        <View className="import-notice" data-testid="import-ignored">
          <Text className="import-notice__title">以下列不导入</Text>
          <Text className="import-notice__text">{summary.ignoredColumns.join('、')}</Text>
        </View>
      ) : null}

      {rows.length > 0 ? (
        <View className="card" data-testid="import-issues">
          <Text className="card__title roster-title">{hasErrors ? '需要修改的问题' : '请留意'}</Text>
          <Text className="muted import-issues__legend">
            {hasErrors
              ? '标“错误”的行不会导入：下载错误行，按错误原因修改后再导入即可；“提醒”不影响导入。'
              : '以下提醒不影响导入。'}
          </Text>
          {rows.map((group) => (
            <View
              key={group.row}
              className={`import-issue-row import-issue-row--${group.severity}`}
              data-testid="import-issue-row"
              data-row={group.row}
              data-severity={group.severity}
            >
              <View className="import-issue-row__head">
                <Text className="import-issue-row__where">{issueLocation(group.row, '')}</Text>
                <Text className={`import-issue__tag import-issue__tag--${group.severity}`}>
                  {group.severity === 'error' ? '错误 · 不导入' : '提醒'}
                </Text>
              </View>
              {group.issues.map((issue) => (
                <Text
                  key={`${issue.code}|${issue.column}|${issue.message}`}
                  className={`import-issue import-issue--${issue.severity}`}
                  data-testid="import-issue"
                  data-severity={issue.severity}
                >
                  {issue.column ? `${issue.column}：${issue.message}` : issue.message}
                </Text>
              ))}
            </View>
          ))}
          {summary.issueCount > summary.issues.length ? (
            <Text className="list-footer" data-testid="import-issues-more">
              {`仅显示前 ${summary.issues.length} 条，共 ${summary.issueCount} 条问题`}
            </Text>
          ) : null}
        </View>
      ) : null}

      {summary.sample.length > 0 ? (
        <View className="card" data-testid="import-sample">
          <Text className="card__title roster-title">
            {summary.sample.length < totals.validRows ? `可导入的前 ${summary.sample.length} 行` : '可导入的行'}
          </Text>
          {summary.sample.map((row) => (
            <View key={row.row} className="import-sample divided" data-testid="import-sample-row">
              <Text className="import-sample__row">第 {row.row} 行</Text>
              <View className="import-sample__main">
                <Text className="import-sample__name">{row.name}</Text>
                {showBranch ? <Text className="muted">{row.branchName}</Text> : null}
              </View>
              <Text className={`import-chip import-chip--${row.action}`} data-testid="import-sample-action">
                {ACTION_LABELS[row.action]}
              </Text>
            </View>
          ))}
        </View>
      ) : null}

      <View className="import-bar import-bar--fixed" data-testid="import-actions">
        {hasErrors || nothingValid ? (
          <Text className="import-bar__hint" data-testid="import-confirm-hint">
            {nothingValid ? '文件中没有可导入的党员，请修改后重新上传' : `有错误的 ${totals.invalidRows} 行将跳过`}
          </Text>
        ) : null}
        <View className="import-bar__buttons">
          <Button className="btn btn--ghost import-bar__side" data-testid="import-rechoose" onClick={onRechoose}>
            重新选择文件
          </Button>
          <Button
            className="btn btn--primary import-bar__main"
            data-testid="import-confirm"
            // H5 renders disabled={false} as a [disabled] attribute: omit it instead.
            disabled={nothingValid || undefined}
            onClick={nothingValid ? undefined : onConfirm}
          >
            {hasErrors ? `导入其余 ${totals.validRows} 行` : '确认导入'}
          </Button>
        </View>
      </View>
    </View>
  )
}
