import { Button, Image, Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import type { OutputOf } from '../../../../../types/api'
import { AttachmentList, IMAGE } from '../../../../components/attachments'
import { ConfirmDialog } from '../../../../components/confirm-dialog'
import { Notice } from '../../../../components/notice'
import { Page } from '../../../../components/page'
import { PageState } from '../../../../components/page-state'
import { useAction } from '../../../../hooks/use-action'
import { useSubmit } from '../../../../hooks/use-submit'
import { openMade } from '../../../../lib/download'
import { fullDateTime, yearOf } from '../../../../lib/time'
import { call } from '../../../../services/call'
import { ScoreForm } from '../../components/score-form'
import { SelfForm } from '../../components/self-form'
import { SCORE_STATE_LABELS, scoreOfMax, starsText } from '../../lib/labels'
import '../../components/assessment.css'

type BranchScoreView = OutputOf<'assessment', 'branchScore'>
type Entry = BranchScoreView['entries'][number]

/**
 * 支部得分: a branch's score in the year's round — each indicator's figure,
 * score and why points were lost; the branch writes its self-assessments and
 * submits; bureau staff score what was submitted.
 */
export default function BranchScorePage() {
  const params = useRouter().params
  const year = yearOf(Date.now())
  const me = useAction('roster', 'me', {})
  const round = useAction('assessment', 'getRound', { year })
  return (
    <Page>
      <PageState query={me}>
        {(caller) => (
          <PageState query={round}>
            {(data) => {
              const branchId = params.branchId ?? caller.branch?.id ?? data.branches[0]?.id
              if (!data.round) return <Notice testId="round-none" text={`${year}年度考核尚未开始。`} />
              if (!branchId) return <Notice testId="branch-none" text="您不在任何支部，没有支部得分可看。" />
              return (
                <BranchScore
                  roundId={data.round.id}
                  branchId={branchId}
                  bureau={caller.roles.includes('bureau_staff')}
                />
              )
            }}
          </PageState>
        )}
      </PageState>
    </Page>
  )
}

function BranchScore({ roundId, branchId, bureau }: { roundId: string; branchId: string; bureau: boolean }) {
  const score = useAction('assessment', 'branchScore', { roundId, branchId })
  const [confirming, setConfirming] = useState(false)
  const submitting = useSubmit(() => call('assessment', 'submitBranch', { roundId, branchId }), {
    toast: '自评已提交',
    onDone: () => {
      setConfirming(false)
      score.reload()
    },
    onRefused: () => setConfirming(false),
  })
  const exporting = useSubmit(async () =>
    openMade(await call('assessment', 'exportResults', { roundId, branchId }), (made) => made),
  )
  return (
    <PageState query={score}>
      {(data) => (
        <View>
          <Summary data={data} />
          {data.score.areas.map((area) => (
            <View key={area.key} className="card" data-testid={`area-${area.key}`}>
              <Text className="card__title">{`${area.name}　${scoreOfMax(area.score, area.maxScore)}`}</Text>
              {area.indicators.map((indicator) => (
                <Indicator
                  key={indicator.key}
                  indicator={indicator}
                  entry={data.entries.find((entry) => entry.indicatorKey === indicator.key) ?? null}
                  data={data}
                  onSaved={score.reload}
                />
              ))}
            </View>
          ))}
          {data.canEdit ? (
            <Button
              className="btn btn--primary assessment-bar"
              data-testid="submit-branch"
              onClick={() => setConfirming(true)}
            >
              提交自评
            </Button>
          ) : null}
          {bureau ? (
            <Button
              className="btn btn--ghost assessment-bar"
              data-testid="export-branch-pdf"
              loading={exporting.busy}
              onClick={() => exporting.submit()}
            >
              导出考核得分表（PDF）
            </Button>
          ) : null}
          <ConfirmDialog
            visible={confirming}
            title="提交自评"
            message="提交后不能再修改自评材料，由教育局党委评分。请确认每项自评都已填写并上传佐证材料。"
            confirmLabel="确认提交"
            busy={submitting.busy}
            onConfirm={() => submitting.submit()}
            onCancel={() => setConfirming(false)}
          />
        </View>
      )}
    </PageState>
  )
}

const STATUS_TEXT: Record<BranchScoreView['status'], string> = {
  open: '未提交',
  submitted: '已提交，待评分',
  published: '结果已发布',
}

function Summary({ data }: { data: BranchScoreView }) {
  const { score } = data
  return (
    <View className="card" data-testid="branch-summary">
      <Text className="card__title">{`${data.branchName} · ${data.year}年度`}</Text>
      <View className="assessment-total">
        <Text className="assessment-total__score" data-testid="branch-total">{`${score.total} 分`}</Text>
        <Text className="muted">{`满分 ${score.maxScore}`}</Text>
        <Text className={score.stars > 0 ? 'tag tag--ok' : 'tag tag--plain'} data-testid="branch-stars">
          {starsText(score.stars)}
        </Text>
      </View>
      <Text className="card__meta" data-testid="branch-status">
        {data.status === 'published'
          ? STATUS_TEXT.published
          : `${STATUS_TEXT[data.status]}；暂定得分，数据项随本年数据实时计算。提交截止：${fullDateTime(data.deadline)}`}
      </Text>
    </View>
  )
}

interface IndicatorProps {
  indicator: BranchScoreView['score']['areas'][number]['indicators'][number]
  entry: Entry | null
  data: BranchScoreView
  onSaved: () => void
}

function Indicator({ indicator, entry, data, onSaved }: IndicatorProps) {
  const [editing, setEditing] = useState(false)
  return (
    <View className="assessment-indicator" data-testid={`indicator-${indicator.key}`}>
      <View className="list-item__head">
        <Text className="list-item__title">{indicator.name}</Text>
        <View className="list-item__badges">
          <Text className="tag tag--plain" data-testid={`indicator-score-${indicator.key}`}>
            {scoreOfMax(indicator.score, indicator.maxScore)}
          </Text>
          <Text className="tag tag--info">{SCORE_STATE_LABELS[indicator.state]}</Text>
        </View>
      </View>
      {indicator.figure ? <Text className="assessment-indicator__reason">{indicator.figure.text}</Text> : null}
      <Text className="assessment-indicator__reason" data-testid={`indicator-reason-${indicator.key}`}>
        {indicator.lost > 0 ? `失分原因：${indicator.reason}` : indicator.reason}
      </Text>
      {entry ? (
        <View>
          <Text className="assessment-indicator__text" data-testid={`entry-text-${indicator.key}`}>
            {entry.text}
          </Text>
          {entry.files.length > 0 ? (
            <View>
              <View className="assessment-photos">
                {entry.files
                  .filter((file) => IMAGE.test(file.fileID))
                  .map((file) => (
                    <Image key={file.fileID} className="assessment-photos__item" src={file.url} mode="aspectFill" />
                  ))}
              </View>
              <AttachmentList
                files={entry.files
                  .filter((file) => !IMAGE.test(file.fileID))
                  .map((file) => ({ fileId: file.fileID, url: file.url, name: null }))}
                testId={`entry-document-${indicator.key}`}
              />
            </View>
          ) : (
            <Text className="assessment-indicator__reason">未上传佐证材料</Text>
          )}
        </View>
      ) : null}
      {indicator.kind === 'self' && data.canEdit ? (
        editing ? (
          <SelfForm
            roundId={data.roundId}
            branchId={data.branchId}
            indicatorKey={indicator.key}
            maxScore={indicator.maxScore}
            entry={entry}
            onDone={() => {
              setEditing(false)
              onSaved()
            }}
            onCancel={() => setEditing(false)}
          />
        ) : (
          <Button className="btn btn--ghost" data-testid={`edit-${indicator.key}`} onClick={() => setEditing(true)}>
            {entry ? '修改自评' : '填写自评'}
          </Button>
        )
      ) : null}
      {indicator.kind === 'self' && data.canScore && entry ? (
        <ScoreForm
          roundId={data.roundId}
          branchId={data.branchId}
          indicatorKey={indicator.key}
          maxScore={indicator.maxScore}
          scored={entry.score}
          onDone={onSaved}
        />
      ) : null}
    </View>
  )
}
