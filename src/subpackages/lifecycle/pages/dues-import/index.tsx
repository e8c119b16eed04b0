import { Button, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import type { InputOf, OutputOf } from '../../../../../types/api'
import type { Me } from '../../../../../types/roster'
import { ConfirmDialog } from '../../../../components/confirm-dialog'
import { FieldError } from '../../../../components/field-error'
import { Notice } from '../../../../components/notice'
import { Page } from '../../../../components/page'
import { PageState } from '../../../../components/page-state'
import { ResultView } from '../../../../components/result-view'
import { useAction } from '../../../../hooks/use-action'
import { useSubmit } from '../../../../hooks/use-submit'
import { importUploadPath } from '../../../../lib/cloud-paths'
import { openMade } from '../../../../lib/download'
import { periodKey } from '../../../../lib/time'
import { call } from '../../../../services/call'
import { type PickedFile, pickSpreadsheet, uploadToCloud } from '../../../../services/cloud-files'
import { DuesImportRowView } from '../../components/dues'
import '../../components/lifecycle.css'

type Preview = OutputOf<'lifecycle', 'previewDuesBaseImport'>
type Outcome = OutputOf<'lifecycle', 'confirmDuesBaseImport'>
type PreviewInput = InputOf<'lifecycle', 'previewDuesBaseImport'>

type Phase =
  | { kind: 'start'; error: string | null }
  | { kind: 'busy'; text: string }
  | { kind: 'preview'; file: PickedFile; year: number; preview: Preview }
  | { kind: 'done'; year: number; outcome: Outcome }

/** Roles that keep a branch's dues (the server checks the branch itself). */
const KEEPERS = ['branch_secretary', 'general_branch_secretary', 'bureau_staff'] as const

/**
 * 导入党费基数 (?branchId=): the secretary's yearly .xlsx of wages — pick the year, download the template,
 * choose the file, read the preview row by row, confirm. Reached from the branch's 党费收缴 page.
 */
export default function DuesImportPage() {
  const branchId = useRouter().params.branchId ?? ''
  const me = useAction('roster', 'me', {})
  return (
    <Page>
      <PageState query={me}>
        {(caller) =>
          caller.roles.some((role) => (KEEPERS as readonly string[]).includes(role)) ? (
            <Importer me={caller} branchId={branchId} />
          ) : (
            <Notice testId="dues-import-notice" text="党费基数由支部书记或教育局党委导入。" />
          )
        }
      </PageState>
    </Page>
  )
}

function Importer({ me, branchId }: { me: Me; branchId: string }) {
  const thisYear = Number(periodKey(Date.now(), 'month').slice(0, 4))
  const [year, setYear] = useState(thisYear)
  const [phase, setPhase] = useState<Phase>({ kind: 'start', error: null })
  const [confirming, setConfirming] = useState(false)
  const template = useSubmit(async () => openMade(await call('lifecycle', 'duesBaseTemplate', {}), (made) => made))
  const confirm = useSubmit(async (importId: string) => call('lifecycle', 'confirmDuesBaseImport', { importId }), {
    onDone: (outcome) => setPhase((now) => ({ kind: 'done', year: 'year' in now ? now.year : year, outcome })),
    onRefused: (error) => setPhase({ kind: 'start', error: error.message }),
  })

  const choose = async () => {
    const file = await pickSpreadsheet()
    if (!file) return
    setPhase({ kind: 'busy', text: '正在上传…' })
    const uploaded = await uploadToCloud(importUploadPath(me.tenant.id, me.memberId, file.name, Date.now()), file)
    if (!uploaded.ok) return setPhase({ kind: 'start', error: uploaded.error.message })
    setPhase({ kind: 'busy', text: '正在逐行核对…' })
    const input: PreviewInput = { fileID: uploaded.data.fileID, branchId, year }
    const preview = await call('lifecycle', 'previewDuesBaseImport', input)
    setPhase(
      preview.ok
        ? { kind: 'preview', file, year, preview: preview.data }
        : { kind: 'start', error: preview.error.message },
    )
  }

  if (phase.kind === 'busy') return <ResultView tone="busy" title={phase.text} testId="dues-import-busy" />
  if (phase.kind === 'done') {
    const { outcome } = phase
    return (
      <ResultView
        tone="ok"
        title="导入完成"
        testId="dues-import-done"
        text={[
          `已核定 ${phase.year} 年党费基数 ${outcome.set} 人，未变 ${outcome.unchanged} 人`,
          outcome.skipped > 0 ? `${outcome.skipped} 人预览后已不在本支部，未导入` : '',
        ]
          .filter(Boolean)
          .join('；')}
      >
        <Button className="btn btn--primary" data-testid="dues-import-back" onClick={() => Taro.navigateBack()}>
          返回党费收缴
        </Button>
        <Button
          className="btn btn--ghost"
          data-testid="dues-import-another"
          onClick={() => setPhase({ kind: 'start', error: null })}
        >
          导入其他文件
        </Button>
      </ResultView>
    )
  }
  if (phase.kind === 'preview') {
    const { preview } = phase
    const { totals } = preview
    return (
      <View data-testid="dues-import-preview">
        <View className="card">
          <Text className="card__title">{`${phase.year} 年党费基数 · ${phase.file.name}`}</Text>
          <Text className="field-label" data-testid="dues-import-totals">
            {`将设置 ${totals.set} 人，未变 ${totals.unchanged} 人，错误 ${totals.error} 行`}
          </Text>
          {totals.error > 0 ? <Text className="field-hint">有错误的行不会导入，可在文件中改正后重新上传</Text> : null}
        </View>
        <View className="card">
          {preview.rows.map((row) => (
            <DuesImportRowView key={row.row} row={row} />
          ))}
        </View>
        <View className="btn-stack">
          <Button className="btn btn--ghost" data-testid="dues-import-rechoose" onClick={choose}>
            重新选择文件
          </Button>
          <Button
            className="btn btn--primary"
            data-testid="dues-import-confirm"
            loading={confirm.busy}
            disabled={totals.set === 0 || confirm.busy || undefined}
            onClick={() => setConfirming(true)}
          >
            {totals.set === 0 ? '没有需要设置的基数' : '确认导入'}
          </Button>
        </View>
        <ConfirmDialog
          visible={confirming}
          title="确认导入"
          message={`将核定 ${totals.set} 名党员 ${phase.year} 年的党费基数，每月应交金额随之更新${totals.error > 0 ? `；有错误的 ${totals.error} 行不导入` : ''}。`}
          confirmLabel="确认导入"
          onConfirm={() => {
            setConfirming(false)
            confirm.submit(preview.importId)
          }}
          onCancel={() => setConfirming(false)}
        />
      </View>
    )
  }
  return (
    <View data-testid="dues-import-start">
      <View className="card">
        <Text className="card__title">基数年度</Text>
        <View className="chips">
          {[thisYear, thisYear + 1].map((option) => (
            <Text
              key={option}
              className={`chip${option === year ? ' chip--on' : ''}`}
              data-testid={`dues-import-year-${option}`}
              onClick={() => setYear(option)}
            >
              {`${option}年`}
            </Text>
          ))}
        </View>
      </View>
      <View className="card">
        <Text className="card__title">文件要求</Text>
        <Text className="field-hint">· 表头为“姓名”“手机号码”“类别”“税后月工资”，请使用模板填写；首行可以是标题</Text>
        <Text className="field-hint">
          · 类别：在职、离退休、学生、失业 或 低保，不填视为在职；工资以元为单位，最多两位小数
        </Text>
        <Text className="field-hint">· 只导入本支部的党员；同名党员请填写手机号码</Text>
        <Text className="field-hint">· 先预览后确认；上传的文件读取后即删除</Text>
      </View>
      <FieldError message={phase.error} testId="dues-import-error" />
      <View className="btn-stack">
        <Button
          className="btn btn--ghost"
          data-testid="dues-import-template"
          loading={template.busy}
          disabled={template.busy || undefined}
          onClick={() => template.submit()}
        >
          下载模板（.xlsx）
        </Button>
        <Button className="btn btn--primary" data-testid="dues-import-choose" onClick={choose}>
          {`选择 ${year} 年的文件`}
        </Button>
      </View>
    </View>
  )
}
