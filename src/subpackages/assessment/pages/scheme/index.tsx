import { Button, Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { Scheme } from '../../../../../types/assessment'
import type { Me } from '../../../../../types/roster'
import { FieldError } from '../../../../components/field-error'
import { Notice } from '../../../../components/notice'
import { Page } from '../../../../components/page'
import { PageState } from '../../../../components/page-state'
import { ResultView } from '../../../../components/result-view'
import { useAction } from '../../../../hooks/use-action'
import { useSubmit } from '../../../../hooks/use-submit'
import { importUploadPath } from '../../../../lib/cloud-paths'
import { openMade } from '../../../../lib/download'
import { yearOf } from '../../../../lib/time'
import { call } from '../../../../services/call'
import { pickSpreadsheet, uploadToCloud } from '../../../../services/cloud-files'
import { starsText } from '../../lib/labels'
import '../../components/assessment.css'

type Phase =
  | { kind: 'view'; error: string | null }
  | { kind: 'busy'; text: string }
  | { kind: 'preview'; scheme: Scheme | null; problems: { row: number; message: string }[] }

/** 考核细则: the year's areas, indicators and star lines; imported from and exported to .xlsx. */
export default function SchemePage() {
  const year = yearOf(Date.now())
  const me = useAction('roster', 'me', {})
  return (
    <Page>
      <PageState query={me}>{(caller) => <SchemeView me={caller} year={year} />}</PageState>
    </Page>
  )
}

function SchemeView({ me, year }: { me: Me; year: number }) {
  const scheme = useAction('assessment', 'getScheme', { year })
  const sources = useAction('assessment', 'offeredSources', {})
  const [phase, setPhase] = useState<Phase>({ kind: 'view', error: null })
  const exporting = useSubmit(async () => openMade(await call('assessment', 'exportScheme', { year }), (made) => made))
  const saving = useSubmit((next: Scheme) => call('assessment', 'saveScheme', next), {
    toast: '考核细则已保存',
    onDone: () => {
      setPhase({ kind: 'view', error: null })
      scheme.reload()
    },
  })

  const importFile = async () => {
    const file = await pickSpreadsheet()
    if (!file) return
    setPhase({ kind: 'busy', text: '正在上传…' })
    const uploaded = await uploadToCloud(importUploadPath(me.tenant.id, me.memberId, file.name, Date.now()), file)
    if (!uploaded.ok) return setPhase({ kind: 'view', error: uploaded.error.message })
    setPhase({ kind: 'busy', text: '正在逐行核对…' })
    const preview = await call('assessment', 'previewSchemeImport', { fileID: uploaded.data.fileID, year })
    setPhase(preview.ok ? { kind: 'preview', ...preview.data } : { kind: 'view', error: preview.error.message })
  }

  if (phase.kind === 'busy') return <ResultView tone="busy" title={phase.text} testId="scheme-busy" />
  if (phase.kind === 'preview')
    return (
      <View data-testid="scheme-preview">
        {phase.problems.length > 0 ? (
          <View className="card" data-testid="scheme-problems">
            <Text className="card__title">{`表格有 ${phase.problems.length} 处问题，请改正后重新导入`}</Text>
            {phase.problems.map((problem) => (
              <Text key={`${problem.row}-${problem.message}`} className="card__meta">
                {problem.message}
              </Text>
            ))}
          </View>
        ) : null}
        {phase.scheme ? <SchemeCards scheme={phase.scheme} /> : null}
        <View className="btn-stack assessment-bar">
          {phase.scheme ? (
            <Button
              className="btn btn--primary"
              data-testid="scheme-save"
              loading={saving.busy}
              onClick={() => phase.scheme && saving.submit(phase.scheme)}
            >
              保存为本年度考核细则
            </Button>
          ) : null}
          <Button
            className="btn btn--ghost"
            data-testid="scheme-preview-cancel"
            onClick={() => setPhase({ kind: 'view', error: null })}
          >
            返回
          </Button>
        </View>
      </View>
    )
  return (
    <View>
      <PageState query={scheme}>
        {(data) =>
          data.scheme ? (
            <SchemeCards scheme={data.scheme} />
          ) : (
            <Notice testId="scheme-none" text={`${year}年度的考核细则尚未制定：导入Excel表格即可开始。`} />
          )
        }
      </PageState>
      <PageState query={sources}>
        {(data) => (
          <View className="card" data-testid="scheme-sources">
            <Text className="card__title">可用的数据来源</Text>
            <Text className="card__meta">
              {`“评分方式”为“数据”的指标由系统按本年数据计算，“数据来源”可填：${data.sources.map((item) => item.name).join('、')}。其他指标为“自评”，由支部填写并上传佐证材料。`}
            </Text>
          </View>
        )}
      </PageState>
      {phase.error ? <FieldError message={phase.error} testId="scheme-error" /> : null}
      <View className="btn-stack assessment-bar">
        <Button className="btn btn--primary" data-testid="scheme-import" onClick={importFile}>
          导入考核细则（Excel）
        </Button>
        {scheme.state === 'ok' && scheme.data.scheme ? (
          <Button
            className="btn btn--ghost"
            data-testid="scheme-export"
            loading={exporting.busy}
            onClick={() => exporting.submit()}
          >
            导出考核细则（Excel）
          </Button>
        ) : null}
      </View>
    </View>
  )
}

const METHOD_TEXT = { ratio: '按比例', per_unit: '按项计分', per_miss: '缺项扣分' } as const

/** The scheme as the bureau reads it: each area with its indicators, then the star lines. */
function SchemeCards({ scheme }: { scheme: Scheme }) {
  const total = scheme.areas.flatMap((area) => area.indicators).reduce((sum, item) => sum + item.maxScore * 10, 0) / 10
  return (
    <View data-testid="scheme-cards">
      <View className="card">
        <Text className="card__title">{scheme.name}</Text>
        <Text className="card__meta">{`${scheme.areas.length} 个方面，总分 ${total} 分`}</Text>
      </View>
      {scheme.areas.map((area) => (
        <View key={area.key} className="card" data-testid={`scheme-area-${area.key}`}>
          <Text className="card__title">{area.name}</Text>
          {area.indicators.map((item) => (
            <View key={item.key} className="assessment-indicator">
              <View className="list-item__head">
                <Text className="list-item__title">{item.name}</Text>
                <View className="list-item__badges">
                  <Text className="tag tag--plain">{`${item.maxScore} 分`}</Text>
                  <Text className="tag tag--info">{item.kind === 'computed' ? '数据' : '自评'}</Text>
                </View>
              </View>
              <Text className="assessment-indicator__reason">
                {item.kind === 'computed'
                  ? METHOD_TEXT[item.scoring.method]
                  : item.evidenceRequired
                    ? '需上传佐证材料'
                    : '佐证材料选填'}
                {item.guidance ? `：${item.guidance}` : ''}
              </Text>
            </View>
          ))}
        </View>
      ))}
      <View className="card" data-testid="scheme-stars">
        <Text className="card__title">星级评定</Text>
        {scheme.stars.map((line) => (
          <Text key={line.stars} className="card__meta">{`${starsText(line.stars)}：${line.minScore} 分及以上`}</Text>
        ))}
      </View>
    </View>
  )
}
