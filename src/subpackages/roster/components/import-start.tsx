import { Button, Text, View } from '@tarojs/components'
import type { ImportStatus } from '../../../../types/roster-import'
import { fullDateTime } from '../../../lib/time'
import { fileSizeLabel } from '../lib/import-issues'
import { IMPORT_MAX_BYTES } from '../lib/import-limits'
import './import.css'

/** 1 选择文件 → 2 检查预览 → 3 导入: where the secretary is in the import. */
export function ImportSteps({ current }: { current: 1 | 2 | 3 }) {
  const steps = ['选择文件', '检查预览', '确认导入']
  return (
    <View className="import-steps" data-testid="import-steps">
      {steps.map((label, index) => {
        const step = index + 1
        const state = step < current ? 'done' : step === current ? 'on' : 'todo'
        return (
          <View key={label} className={`import-step import-step--${state}`}>
            <Text className="import-step__dot">{step < current ? '✓' : step}</Text>
            <Text className="import-step__label">{label}</Text>
          </View>
        )
      })}
    </View>
  )
}

interface ImportStartProps {
  /** The branch the file goes into, or null when bureau staff import the branches the file names. */
  branchName: string | null
  downloading: boolean
  onDownloadTemplate: () => void
  onChoose: () => void
}

/** Before a file is chosen: the template, what the file may contain, and the privacy promise. */
export function ImportStart({ branchName, downloading, onDownloadTemplate, onChoose }: ImportStartProps) {
  return (
    <View data-testid="import-start">
      <View className="card">
        <Text className="card__title roster-title">导入到</Text>
        <Text className="import-scope" data-testid="import-scope">
          {branchName ?? '全县各党支部（按文件中的“所在党支部”列）'}
        </Text>
      </View>

      <View className="card">
        <View className="import-template">
          <View className="import-template__main">
            <Text className="import-template__title">党员花名册模板</Text>
            <Text className="muted">按模板填写最省事，也可直接上传已有的花名册</Text>
          </View>
          <Button
            className="btn btn--ghost import-template__button"
            data-testid="import-template"
            disabled={downloading || undefined}
            onClick={onDownloadTemplate}
          >
            {downloading ? '下载中…' : '下载模板'}
          </Button>
        </View>
        <View className="import-guide">
          <Text className="import-guide__item">
            {`· 表头：姓名（必填）、${branchName ? '' : '所在党支部（必填）、'}党小组、人员类别、入党日期、转正日期、职务、手机号码；也可用“入党时间”“联系电话”“所在支部”等常见写法`}
          </Text>
          {branchName ? (
            <Text className="import-guide__item">· “所在党支部”列可不填，填写时须为{branchName}</Text>
          ) : null}
          <Text className="import-guide__item">· 日期可写 2019-07-01、2019.07.01、2019/7/1 或 2019年7月1日</Text>
          <Text className="import-guide__item">· 预备党员请填写转正日期；人员类别填“正式党员”或“预备党员”</Text>
          <Text className="import-guide__item">
            · 支持 .xlsx 和 .csv，不超过 {fileSizeLabel(IMPORT_MAX_BYTES)}、10000 人；首行可以是标题
          </Text>
        </View>
      </View>

      <View className="import-privacy" data-testid="import-privacy">
        <Text className="import-privacy__title">个人信息保护</Text>
        <Text className="import-privacy__text">
          身份证号等证件号码列不会被读取或保存；性别、出生日期等名册不需要的列也会被忽略。导入前会先预览，确认后才写入名册。
        </Text>
      </View>

      <View className="import-bar">
        <Button className="btn btn--primary import-bar__main" data-testid="import-choose" onClick={onChoose}>
          选择文件
        </Button>
      </View>
    </View>
  )
}

interface ImportBusyProps {
  stage: 'upload' | 'check'
  fileName: string
  size: number
}

/** Uploading the file, then checking it row by row: no progress figure is known, so the bar runs. */
export function ImportBusy({ stage, fileName, size }: ImportBusyProps) {
  return (
    <View className="card import-busy" data-testid="import-busy" data-stage={stage}>
      <Text className="import-busy__title">{stage === 'upload' ? '正在上传文件…' : '正在逐行检查…'}</Text>
      <Text className="import-file">
        {fileName}（{fileSizeLabel(size)}）
      </Text>
      <View className="progress progress--running">
        <View className="progress__bar progress__bar--indeterminate" />
      </View>
      <Text className="muted">
        {stage === 'upload' ? '上传后会先检查每一行，不会直接写入名册' : '检查完成后显示预览，确认后才写入名册'}
      </Text>
    </View>
  )
}

interface ImportFileErrorProps {
  fileName: string
  message: string
  onRechoose: () => void
}

/** The whole file was refused (unreadable, too large, no rows, wrong headers): say why and offer another file. */
export function ImportFileError({ fileName, message, onRechoose }: ImportFileErrorProps) {
  return (
    <View className="card import-outcome" data-testid="import-file-error">
      <Text className="import-outcome__icon import-outcome__icon--warn">!</Text>
      <Text className="import-outcome__title">无法导入该文件</Text>
      <Text className="import-file">{fileName}</Text>
      <Text className="import-outcome__text" data-testid="import-file-error-message">
        {message}
      </Text>
      <Button className="btn btn--primary import-outcome__action" data-testid="import-rechoose" onClick={onRechoose}>
        重新选择文件
      </Button>
    </View>
  )
}

/** 上次导入: when the caller last imported here, and what it wrote (a finished or failed run; a previewed one was never confirmed). */
export function LastImport({ status }: { status: ImportStatus }) {
  if (status.status === 'previewed') return null
  const failed = status.status === 'failed'
  const figures = [
    `新增 ${status.created} 人`,
    `更新 ${status.updated} 人`,
    ...(status.unchanged > 0 ? [`未变 ${status.unchanged} 人`] : []),
    ...(status.skipped > 0 ? [`跳过 ${status.skipped} 行`] : []),
  ].join('、')
  return (
    <View className="card" data-testid="import-last">
      <Text className="card__title">上次导入</Text>
      <Text data-testid="import-last-summary">
        {`${fullDateTime(status.updatedAt)} ${failed ? '未完成' : '已完成'}：${figures}`}
      </Text>
      {failed && status.error ? <Text className="muted">{status.error}</Text> : null}
    </View>
  )
}
