import { Button, Picker, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { ScoreImportPreview, ScoreImportResult } from '../../../../../types/points'
import type { Me } from '../../../../../types/roster'
import { ConfirmDialog } from '../../../../components/confirm-dialog'
import { FieldError } from '../../../../components/field-error'
import { FormField, PickerField } from '../../../../components/form-field'
import { Notice } from '../../../../components/notice'
import { PageState } from '../../../../components/page-state'
import { ResultView } from '../../../../components/result-view'
import { useAction } from '../../../../hooks/use-action'
import { uploadPath } from '../../../../lib/cloud-paths'
import { CONVERSIONS_PAGE, POINTS_TAB } from '../../../../lib/routes'
import { call } from '../../../../services/call'
import { type PickedFile, pickSpreadsheet, uploadToCloud } from '../../../../services/cloud-files'
import { ScoreImportDone, ScoreImportPreviewView } from '../../components/score-import-preview'
import '../../components/points.css'
import { Page } from '../../../../components/page'

type Phase =
  | { kind: 'start'; error: string | null }
  | { kind: 'busy'; text: string }
  | { kind: 'preview'; file: PickedFile; preview: ScoreImportPreview }
  | { kind: 'done'; result: ScoreImportResult }

/** 导入外部积分: a secretary turns scores kept elsewhere (学习强国…) into points by the county's conversion. */
export default function ScoreImportPage() {
  const me = useAction('roster', 'me', {})
  const conversions = useAction('points', 'scoreConversions', {})
  return (
    <Page>
      <PageState query={me}>
        {(caller) =>
          caller.branch ? (
            <>
              <PageState
                query={conversions}
                isEmpty={(data) => data.items.length === 0}
                empty={{
                  title: '尚未设置外部积分折算',
                  hint: '教育局党委设置折算比例（如学习强国积分每10分折1分）后即可导入',
                }}
              >
                {(data) => <Importer me={caller} branchId={caller.branch?.id ?? ''} conversions={data.items} />}
              </PageState>
              {caller.roles.includes('bureau_staff') ? <ConversionsLink /> : null}
            </>
          ) : (
            <>
              <Notice testId="score-notice" text="外部积分由各支部书记导入本支部。" />
              {caller.roles.includes('bureau_staff') ? <ConversionsLink /> : null}
            </>
          )
        }
      </PageState>
    </Page>
  )
}

/** Bureau staff set the conversions the import uses (外部积分折算). */
function ConversionsLink() {
  return (
    <Button
      className="btn btn--ghost points-bar"
      data-testid="score-conversions-link"
      onClick={() => Taro.navigateTo({ url: CONVERSIONS_PAGE })}
    >
      设置折算比例
    </Button>
  )
}

interface Conversion {
  ruleKey: string
  ruleName: string
  source: string
  factor: number
}

function Importer({ me, branchId, conversions }: { me: Me; branchId: string; conversions: Conversion[] }) {
  const [index, setIndex] = useState(0)
  const [phase, setPhase] = useState<Phase>({ kind: 'start', error: null })
  const [confirming, setConfirming] = useState(false)
  // The month the scores are for, chosen by the secretary: each member is paid once per item and month.
  const [period, setPeriod] = useState('')
  const conversion = conversions[index]

  const choose = async () => {
    if (!period) return
    const file = await pickSpreadsheet()
    if (!file) return
    setPhase({ kind: 'busy', text: '正在上传…' })
    const uploaded = await uploadToCloud(uploadPath(['points', me.tenant.id, me.memberId], file.name, Date.now()), file)
    if (!uploaded.ok) return setPhase({ kind: 'start', error: uploaded.error.message })
    setPhase({ kind: 'busy', text: '正在逐行核对…' })
    const preview = await call('points', 'previewScoreImport', {
      fileID: uploaded.data.fileID,
      branchId,
      ruleKey: conversion.ruleKey,
      period,
    })
    setPhase(
      preview.ok ? { kind: 'preview', file, preview: preview.data } : { kind: 'start', error: preview.error.message },
    )
  }

  const confirm = async (preview: ScoreImportPreview) => {
    setConfirming(false)
    setPhase({ kind: 'busy', text: '正在计分…' })
    const result = await call('points', 'confirmScoreImport', { importId: preview.importId })
    setPhase(result.ok ? { kind: 'done', result: result.data } : { kind: 'start', error: result.error.message })
  }

  if (phase.kind === 'busy') {
    return <ResultView tone="busy" title={phase.text} testId="score-busy" />
  }
  if (phase.kind === 'done')
    return (
      <ScoreImportDone
        result={phase.result}
        onAnother={() => setPhase({ kind: 'start', error: null })}
        onDone={() => Taro.switchTab({ url: POINTS_TAB })}
      />
    )
  if (phase.kind === 'preview') {
    return (
      <>
        <ScoreImportPreviewView
          preview={phase.preview}
          fileName={phase.file.name}
          onConfirm={() => setConfirming(true)}
          onRechoose={choose}
        />
        <ConfirmDialog
          visible={confirming}
          title="确认导入"
          message={`将为 ${phase.preview.totals.pay} 名党员计入${period}“${phase.preview.ruleName}”共 ${phase.preview.totals.points} 分（超出上限的部分不计）。同一月份再次导入不会重复计分。`}
          confirmLabel="确认导入"
          onConfirm={() => confirm(phase.preview)}
          onCancel={() => setConfirming(false)}
        />
      </>
    )
  }
  return (
    <View data-testid="score-start">
      <View className="card">
        <FormField
          label="积分来源"
          hint={`每 1 分${conversion.source}积分折算 ${conversion.factor} 分，四舍五入到整数`}
        >
          <PickerField
            testId="score-conversion"
            range={conversions.map((c) => `${c.source} → ${c.ruleName}`)}
            index={index}
            text={`${conversion.source} → ${conversion.ruleName}`}
            onPick={setIndex}
          />
        </FormField>
        <FormField label="积分月份" required>
          <Picker mode="date" fields="month" value={period} onChange={(e) => setPeriod(e.detail.value)}>
            <Text className="field-input" data-testid="score-period">
              {period || '请选择这些积分所属的月份'}
            </Text>
          </Picker>
        </FormField>
      </View>
      <View className="card">
        <Text className="card__title">文件要求</Text>
        <Text className="field-hint">· 表头须有“姓名”和“积分”，可加“手机号码”区分同名党员；首行可以是标题</Text>
        <Text className="field-hint">· 支持 .xlsx 和 .csv；只导入本支部的党员</Text>
        <Text className="field-hint">· 先预览后确认；每名党员每月每个项目只计一次，再次导入不会重复计分</Text>
        <Text className="field-hint">· 本人的积分由支部其他管理人员或教育局党委导入</Text>
      </View>
      <FieldError message={phase.error} testId="score-error" />
      <Button
        className="btn btn--primary points-bar"
        data-testid="score-choose"
        disabled={!period || undefined}
        onClick={choose}
      >
        选择文件
      </Button>
    </View>
  )
}
