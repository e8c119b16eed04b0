import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import { errorMessage } from '../../../../../types/errors'
import type { Me } from '../../../../../types/roster'
import type { ImportPreviewSummary, ImportStatus } from '../../../../../types/roster-import'
import { ConfirmDialog } from '../../../../components/confirm-dialog'
import { PageState } from '../../../../components/page-state'
import { useAction } from '../../../../hooks/use-action'
import { useSubmit } from '../../../../hooks/use-submit'
import { importUploadPath } from '../../../../lib/cloud-paths'
import { openMade } from '../../../../lib/download'
import { branchPageUrl, TREE_PAGE } from '../../../../lib/routes'
import { call } from '../../../../services/call'
import { type PickedFile, pickSpreadsheet, uploadToCloud } from '../../../../services/cloud-files'
import { ImportPreviewView } from '../../components/import-preview'
import { type ImportProgress, ImportProgressView } from '../../components/import-progress'
import { ImportBusy, ImportFileError, ImportStart, ImportSteps, LastImport } from '../../components/import-start'
import { fileSizeLabel } from '../../lib/import-issues'
import { IMPORT_MAX_BYTES, IMPORT_POLL_MS } from '../../lib/import-limits'
import { forgetImport, isSpreadsheetName, rememberedImport, rememberImport } from '../../lib/import-run'
import '../../components/import.css'
import { Page } from '../../../../components/page'

/**
 * 批量导入: ?branchId= imports into a branch the caller manages; without it bureau
 * staff import the branches the file names in 所在党支部.
 */
export default function ImportPage() {
  const branchId = useRouter().params.branchId || null
  const me = useAction('roster', 'me', {})
  return (
    <Page className="import-page">
      <PageState query={me}>
        {(caller) => (branchId ? <BranchImport me={caller} branchId={branchId} /> : <BureauImport me={caller} />)}
      </PageState>
    </Page>
  )
}

function BureauImport({ me }: { me: Me }) {
  if (!me.roles.includes('bureau_staff')) {
    return <Notice text="只有教育局党委可以导入全县名册；支部书记请从本支部党员名册进入批量导入。" />
  }
  return <Importer me={me} branchId={null} branchName={null} />
}

function BranchImport({ me, branchId }: { me: Me; branchId: string }) {
  // listMembers answers how far the caller reaches into the branch; one row is enough to ask.
  const access = useAction('roster', 'listMembers', { branchId, page: 1, pageSize: 1, includeInactive: false })
  const tree = useAction('roster', 'tree', {})
  const branchName =
    (tree.state === 'ok' ? tree.data.nodes.find((node) => node.id === branchId)?.name : undefined) ??
    (me.branch?.id === branchId ? me.branch.name : '本支部')
  return (
    <PageState query={access}>
      {({ access: reach }) =>
        reach === 'manage' ? (
          <Importer me={me} branchId={branchId} branchName={branchName} />
        ) : (
          <Notice text="只有本支部书记或上级党组织可以批量导入党员。" />
        )
      }
    </PageState>
  )
}

type Phase =
  | { kind: 'start' }
  | { kind: 'resuming' }
  | { kind: 'upload'; file: PickedFile }
  | { kind: 'check'; file: PickedFile }
  | { kind: 'fileError'; file: PickedFile; message: string }
  | { kind: 'preview'; file: PickedFile; summary: ImportPreviewSummary }
  | { kind: 'import'; importId: string; progress: ImportProgress }

/** How long a confirmed import may stay 'previewed' (the server re-checks the file before claiming it). */
const CLAIM_GRACE_MS = 30_000

const FINISHED: ReadonlySet<ImportStatus['status']> = new Set(['done', 'failed'])

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

function failedProgress(error: string): ImportProgress {
  return { status: 'failed', total: 0, done: 0, created: 0, updated: 0, unchanged: 0, error }
}

interface ImporterProps {
  me: Me
  branchId: string | null
  branchName: string | null
}

function Importer({ me, branchId, branchName }: ImporterProps) {
  const [phase, setPhase] = useState<Phase>(() =>
    rememberedImport(branchId) ? { kind: 'resuming' } : { kind: 'start' },
  )
  const downloading = useSubmit(async () =>
    openMade(await call('roster', 'importTemplate', {}), (template) => template),
  )
  const [confirming, setConfirming] = useState(false)
  /** The caller's last finished import here (上次导入), shown while they start another. */
  const [last, setLast] = useState<ImportStatus | null>(null)
  const alive = useRef(true)
  // Each follow() loop owns one generation; starting another or finishing ends the older loop.
  const generation = useRef(0)

  const downloadingErrors = useSubmit(async (importId: string) =>
    openMade(await call('roster', 'importErrors', { importId }), (sheet) => sheet),
  )

  const finish = (importId: string, progress: ImportProgress) => {
    generation.current++
    // The outcome has been seen: reopening the page starts afresh.
    forgetImport(branchId)
    setPhase({ kind: 'import', importId, progress })
  }

  /** Asks roster.importStatus every ~800 ms until the import is done or failed. */
  const follow = async (importId: string, confirmedAt: number) => {
    const mine = ++generation.current
    while (alive.current && mine === generation.current) {
      const result = await call('roster', 'importStatus', { importId })
      if (!alive.current || mine !== generation.current) return
      if (result.ok) {
        const status = result.data
        if (FINISHED.has(status.status)) return finish(importId, status)
        if (status.status === 'previewed' && Date.now() - confirmedAt > CLAIM_GRACE_MS) {
          return finish(importId, failedProgress('导入没有开始，请重新上传文件后再确认'))
        }
        setPhase({ kind: 'import', importId, progress: status })
      } else if (result.error.code === 'ROSTER.NOT_FOUND' || result.error.code === 'AUTH.FORBIDDEN') {
        // Another WeChat identity, or an import that no longer exists: nothing to resume.
        generation.current++
        forgetImport(branchId)
        setPhase({ kind: 'start' })
        return
      }
      // A failed poll (network) is retried: the import goes on in the cloud regardless.
      await sleep(IMPORT_POLL_MS)
    }
  }

  // biome-ignore lint/correctness/useExhaustiveDependencies: resumes once, on mount
  useEffect(() => {
    alive.current = true
    const remembered = rememberedImport(branchId)
    if (remembered) follow(remembered.importId, remembered.confirmedAt)
    else {
      // Confirmed on another phone (or before this one's storage was cleared): the server knows the latest run.
      call('roster', 'latestImport', { branchId }).then((result) => {
        const latest = result.ok ? result.data.latest : null
        if (!alive.current || !latest) return
        if (latest.status !== 'running') return setLast(latest)
        setPhase({ kind: 'import', importId: latest.importId, progress: latest })
        follow(latest.importId, latest.updatedAt)
      })
    }
    return () => {
      alive.current = false
      generation.current++
    }
  }, [])

  const refuseFile = (file: PickedFile, message: string) => setPhase({ kind: 'fileError', file, message })

  const choose = async () => {
    // No await before the picker: on H5 it must open within the tap.
    const file = await pickSpreadsheet()
    if (!file || !alive.current) return
    if (!isSpreadsheetName(file.name)) return refuseFile(file, errorMessage('ROSTER.IMPORT_UNREADABLE'))
    if (file.size > IMPORT_MAX_BYTES) {
      return refuseFile(
        file,
        `文件大小为 ${fileSizeLabel(file.size)}，超过 ${fileSizeLabel(IMPORT_MAX_BYTES)} 的上限。请删去不需要的列，或分成几个文件上传。`,
      )
    }
    if (file.size === 0) return refuseFile(file, errorMessage('ROSTER.IMPORT_NO_ROWS'))

    setPhase({ kind: 'upload', file })
    const uploaded = await uploadToCloud(importUploadPath(me.tenant.id, me.memberId, file.name, Date.now()), file)
    if (!alive.current) return
    if (!uploaded.ok) return refuseFile(file, uploaded.error.message)

    setPhase({ kind: 'check', file })
    const preview = await call('roster', 'previewImport', { fileID: uploaded.data.fileID, branchId })
    if (!alive.current) return
    if (!preview.ok) return refuseFile(file, preview.error.message)
    setPhase({ kind: 'preview', file, summary: preview.data })
  }

  const confirm = (summary: ImportPreviewSummary) => {
    setConfirming(false)
    const { importId, plan } = summary
    const confirmedAt = Date.now()
    rememberImport(branchId, { importId, confirmedAt })
    setPhase({
      kind: 'import',
      importId,
      progress: {
        status: 'previewed',
        total: plan.create + plan.update,
        done: 0,
        created: 0,
        updated: 0,
        unchanged: plan.unchanged,
        skipped: summary.totals.invalidRows,
        error: null,
      },
    })
    // With rows in error, what the dialog said is what the server must still find: so many written, so many skipped.
    const accept =
      summary.totals.invalidRows > 0
        ? { write: plan.create + plan.update, skip: summary.totals.invalidRows }
        : undefined
    // Not awaited: the write may outlast the call's patience; progress comes from importStatus.
    call('roster', 'confirmImport', { importId, ...(accept ? { accept } : {}) }).then((result) => {
      if (!alive.current) return
      if (result.ok) {
        if (FINISHED.has(result.data.status)) finish(importId, result.data)
        return
      }
      const { code, message } = result.error
      // A lost reply or a timed-out call says nothing about the write: keep polling.
      if (code.startsWith('SYSTEM.') || code === 'ROSTER.IMPORT_ALREADY_CONFIRMED') return
      finish(importId, failedProgress(message))
    })
    follow(importId, confirmedAt)
  }

  const backToRoster = () => {
    if (Taro.getCurrentPages().length > 1) Taro.navigateBack()
    else Taro.redirectTo({ url: branchId ? branchPageUrl(branchId) : TREE_PAGE })
  }

  const step = phase.kind === 'import' ? 3 : phase.kind === 'check' || phase.kind === 'preview' ? 2 : 1

  return (
    <View data-testid="import-page">
      <ImportSteps current={step} />
      {phase.kind === 'start' ? (
        <ImportStart
          branchName={branchName}
          downloading={downloading.busy}
          onDownloadTemplate={() => downloading.submit()}
          onChoose={choose}
        />
      ) : null}
      {phase.kind === 'start' && last ? <LastImport status={last} /> : null}
      {phase.kind === 'resuming' ? (
        <View className="card import-busy" data-testid="import-resuming">
          <Text className="import-busy__title">正在查询导入进度…</Text>
          <View className="progress">
            <View className="progress__bar progress__bar--indeterminate" />
          </View>
        </View>
      ) : null}
      {phase.kind === 'upload' || phase.kind === 'check' ? (
        <ImportBusy stage={phase.kind} fileName={phase.file.name} size={phase.file.size} />
      ) : null}
      {phase.kind === 'fileError' ? (
        <ImportFileError fileName={phase.file.name} message={phase.message} onRechoose={choose} />
      ) : null}
      {phase.kind === 'preview' ? (
        <>
          <ImportPreviewView
            summary={phase.summary}
            fileName={phase.file.name}
            showBranch={branchId === null}
            onConfirm={() => setConfirming(true)}
            onRechoose={choose}
            onDownloadErrors={() => downloadingErrors.submit(phase.summary.importId)}
            downloadingErrors={downloadingErrors.busy}
          />
          <ConfirmDialog
            visible={confirming}
            title="确认导入"
            message={confirmMessage(phase.summary)}
            confirmLabel="确认导入"
            onConfirm={() => confirm(phase.summary)}
            onCancel={() => setConfirming(false)}
          />
        </>
      ) : null}
      {phase.kind === 'import' ? (
        <ImportProgressView
          progress={phase.progress}
          onBackToRoster={backToRoster}
          onImportAnother={() => setPhase({ kind: 'start' })}
          onRechoose={choose}
          onDownloadErrors={() => downloadingErrors.submit(phase.importId)}
          downloadingErrors={downloadingErrors.busy}
        />
      ) : null}
    </View>
  )
}

function confirmMessage({ plan, totals }: ImportPreviewSummary): string {
  const skipped =
    totals.invalidRows > 0 ? `有错误的 ${totals.invalidRows} 行将跳过，不会导入，可下载错误行修改后再导入。` : ''
  if (plan.create === 0 && plan.update === 0) {
    return `文件中的 ${plan.unchanged} 名党员与名册一致，确认后不会写入任何数据。${skipped}`
  }
  const unchanged = plan.unchanged > 0 ? `，其余 ${plan.unchanged} 人未变` : ''
  return `将新增 ${plan.create} 人、更新 ${plan.update} 人${unchanged}。${skipped}导入在后台进行，离开本页不会中断。`
}

function Notice({ text }: { text: string }) {
  return (
    <View className="card" data-testid="import-notice">
      <Text>{text}</Text>
    </View>
  )
}
