import { Button, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import type { OutputOf } from '../../../../../types/api'
import { ORG_LIFE_STEP_LABELS } from '../../../../../types/yearly-cycle-labels'
import { AttachmentsField, useAttachments } from '../../../../components/attachments'
import { FieldError } from '../../../../components/field-error'
import { FormField, PickerField, TextAreaField } from '../../../../components/form-field'
import { Page } from '../../../../components/page'
import { PageState } from '../../../../components/page-state'
import { useAction } from '../../../../hooks/use-action'
import { useSubmit } from '../../../../hooks/use-submit'
import { rectifyPageUrl } from '../../../../lib/routes'
import { fullDateTime, monthDayTime, yearOf } from '../../../../lib/time'
import { call } from '../../../../services/call'
import { OpinionList, PublicOpinionForm } from '../../components/opinions'

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
      {data.orgLifeId !== null ? <Manage data={data} branchId={branchId} year={year} onChanged={onChanged} /> : null}
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

/** The steps run from here: the opinions gathered (and 群众意见 the secretary records), which meeting is the 组织生活会, 整改清单, 情况报告. */
function Manage({
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
  const orgLifeId = data.orgLifeId ?? ''
  const opinions = useAction('yearly-cycle', 'listOpinions', { orgLifeId, page: 1, pageSize: 20 })
  const meetings = useAction('meetings', 'listBranch', { branchId, period: String(year) })
  const candidates = meetings.state === 'ok' ? meetings.data.items.filter((m) => m.type === 'org_life') : []
  const [picked, setPicked] = useState<number | null>(null)
  const [report, setReport] = useState('')
  // The 情况报告 may carry the signed document the bureau asks for, beside its text.
  const reportFiles = useAttachments(() => [], 'yearly')
  const linking = useSubmit(
    (meetingId: string) => call('yearly-cycle', 'linkOrgLifeMeeting', { orgLifeId, meetingId }),
    { toast: '已关联组织生活会会议', onDone: onChanged },
  )
  const reporting = useSubmit(
    () => call('yearly-cycle', 'submitOrgLifeReport', { orgLifeId, text: report, fileIds: reportFiles.fileIds }),
    {
      fields: ['text'],
      toast: '情况报告已报送教育局党组',
      onDone: onChanged,
    },
  )
  const meetingHeld = data.progress.steps.some((s) => s.step === 'meeting' && s.status === 'done')
  const opinionsOpen = data.progress.steps.some((s) => s.step === 'opinions' && s.status !== 'done')
  return (
    <View>
      <PageState query={opinions}>{(list) => <OpinionList list={list} />}</PageState>
      {data.mayManage && opinionsOpen ? <PublicOpinionForm orgLifeId={orgLifeId} onRecorded={opinions.reload} /> : null}
      {data.mayManage ? (
        <View className="card">
          <Text className="card__title">组织生活会会议</Text>
          {data.meetingId ? (
            <Text className="muted">已关联会议；签到和会议记录完成后此步完成</Text>
          ) : candidates.length === 0 ? (
            <Text className="muted">请先在“会议”中安排一次类型为“组织生活会”的会议（民主评议可在同一会议进行）</Text>
          ) : (
            <View>
              <FormField label="选择会议">
                <PickerField
                  range={candidates.map((m) => `${monthDayTime(m.startsAt)} ${m.title}`)}
                  index={picked ?? 0}
                  text={picked === null ? null : candidates[picked].title}
                  placeholder="本年度的组织生活会"
                  onPick={setPicked}
                />
              </FormField>
              <Button
                className="btn btn--ghost"
                disabled={picked === null}
                loading={linking.busy}
                onClick={() => picked !== null && linking.submit(candidates[picked].id)}
              >
                关联会议
              </Button>
            </View>
          )}
        </View>
      ) : null}
      <View className="card">
        <Button className="btn btn--ghost" onClick={() => Taro.navigateTo({ url: rectifyPageUrl(orgLifeId) })}>
          整改清单
        </Button>
      </View>
      {data.mayManage && meetingHeld ? (
        <View className="card">
          <Text className="card__title">情况报告</Text>
          {data.report ? (
            <Text className="muted">{`已于${fullDateTime(data.report.at)}报送`}</Text>
          ) : (
            <View>
              <FormField label="组织生活会情况报告" required hint="不少于50字" error={reporting.errors.fields.text}>
                <TextAreaField testId="org-life-report-text" value={report} onInput={setReport} maxlength={5000} />
              </FormField>
              <AttachmentsField attachments={reportFiles} testId="org-life-report-files" />
              <FieldError message={reporting.errors.general} />
              <Button
                className="btn btn--primary"
                data-testid="org-life-report-submit"
                loading={reporting.busy}
                onClick={() => reporting.submit()}
              >
                报送教育局党组
              </Button>
            </View>
          )}
        </View>
      ) : null}
    </View>
  )
}
