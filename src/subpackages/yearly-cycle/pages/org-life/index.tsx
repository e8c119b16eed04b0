import { Button, Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import type { OutputOf } from '../../../../../types/api'
import { ORG_LIFE_STEP_LABELS } from '../../../../../types/yearly-cycle-labels'
import { Page } from '../../../../components/page'
import { PageState } from '../../../../components/page-state'
import { useAction } from '../../../../hooks/use-action'
import { useSubmit } from '../../../../hooks/use-submit'
import { yearOf } from '../../../../lib/time'
import { call } from '../../../../services/call'

const STATUS_LABELS = { done: '已完成', in_progress: '进行中', not_started: '未开始' } as const
const STATUS_TAGS = { done: 'tag tag--ok', in_progress: 'tag tag--warn', not_started: 'tag tag--plain' } as const
type Progress = OutputOf<'yearly-cycle', 'orgLifeProgress'>

/**
 * 组织生活会: the seven steps of a branch's year with their status and figures; the secretary
 * starts it under the bureau's theme and closes 征求意见. The meeting itself is a 三会一课 meeting
 * of type 组织生活会 (scheduled in 会议), so it counts for compliance.
 */
export default function OrgLifePage() {
  const branchId = useRouter().params.branchId ?? ''
  const year = yearOf(Date.now())
  const progress = useAction('yearly-cycle', 'orgLifeProgress', { branchId, year })
  return (
    <Page>
      <PageState query={progress}>
        {(data) => <Steps data={data} branchId={branchId} year={year} onChanged={progress.reload} />}
      </PageState>
    </Page>
  )
}

function Steps({
  data,
  branchId,
  year,
  onChanged,
}: {
  data: Progress
  branchId: string
  year: number
  onChanged: () => void
}) {
  const opening = useSubmit(() => call('yearly-cycle', 'openOrgLife', { branchId, year }), {
    toast: (opened) => `已开始组织生活会：${opened.theme}`,
    onDone: onChanged,
  })
  const closing = useSubmit(() => call('yearly-cycle', 'closeOpinions', { orgLifeId: data.orgLifeId ?? '' }), {
    toast: (closed) => `征求意见已结束，共${closed.opinions}条`,
    onDone: onChanged,
  })
  const opinionsOpen = data.progress.steps.some((s) => s.step === 'opinions' && s.status !== 'done')
  return (
    <View>
      <View className="card" data-testid="org-life">
        <Text className="card__title">{`${data.branchName}${year}年度组织生活会`}</Text>
        <Text className="muted" data-testid="org-life-theme">
          {data.theme
            ? `主题：${data.theme}`
            : data.bureauTheme
              ? `教育局党组主题：${data.bureauTheme.theme}`
              : '教育局党组尚未发布主题'}
        </Text>
        <Text className="muted">{`已完成 ${data.progress.done}/${data.progress.of} 步`}</Text>
      </View>
      <View className="card">
        {data.progress.steps.map((step) => (
          <View className="row" key={step.step} data-testid="org-life-step">
            <Text className="row__label">{ORG_LIFE_STEP_LABELS[step.step]}</Text>
            <View className="row__value">
              {step.of > 0 ? <Text className="muted--inline">{`${step.done}/${step.of}`}</Text> : null}
              <Text className={STATUS_TAGS[step.status]}>{STATUS_LABELS[step.status]}</Text>
            </View>
          </View>
        ))}
      </View>
      {data.mayManage && data.orgLifeId === null ? (
        <Button
          className="btn btn--primary"
          data-testid="org-life-open"
          disabled={!data.bureauTheme}
          loading={opening.busy}
          onClick={() => opening.submit()}
        >
          按教育局党组主题开始组织生活会
        </Button>
      ) : null}
      {data.mayManage && data.orgLifeId !== null && opinionsOpen ? (
        <Button
          className="btn btn--ghost"
          data-testid="org-life-close-opinions"
          loading={closing.busy}
          onClick={() => closing.submit()}
        >
          结束会前征求意见
        </Button>
      ) : null}
    </View>
  )
}
