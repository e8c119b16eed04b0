import { Button, Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { OutputOf } from '../../../../../types/api'
import { AttachmentsField, savedAttachments, useAttachments } from '../../../../components/attachments'
import { FieldError } from '../../../../components/field-error'
import { FormField, TextAreaField } from '../../../../components/form-field'
import { Page } from '../../../../components/page'
import { PageState } from '../../../../components/page-state'
import { useAction } from '../../../../hooks/use-action'
import { useSubmit } from '../../../../hooks/use-submit'
import { fullDateTime, yearOf } from '../../../../lib/time'
import { call } from '../../../../services/call'
import { RatingForm } from '../../components/rating-form'
import { ReportText } from '../../components/report-text'

type Mine = OutputOf<'yearly-cycle', 'myReport'>

/**
 * 书记述职 as the caller meets it: the branch secretary writes (and edits until rated) the 述职报告 and
 * its problems; the branch's members read and rate it anonymously when the round lets them.
 */
export default function ReportPage() {
  const year = yearOf(Date.now())
  const mine = useAction('yearly-cycle', 'myReport', { year })
  return (
    <Page>
      <PageState
        query={mine}
        isEmpty={(data) => data.round === null}
        empty={{ title: `${year}年度书记述职尚未开始`, hint: '教育局党组开始述职后，支部书记在这里提交述职报告' }}
      >
        {(data) => <Report data={data} onChanged={mine.reload} />}
      </PageState>
    </Page>
  )
}

function Report({ data, onChanged }: { data: Mine; onChanged: () => void }) {
  const { round, branch, report } = data
  if (!round || !branch) return null
  return (
    <View>
      <View className="card">
        <Text className="card__title">{`${round.year}年度书记抓党建述职`}</Text>
        <Text className="muted">
          {round.status === 'open'
            ? `提交截止：${fullDateTime(round.deadline)}`
            : '述职已结束，结果以教育局党组汇总为准'}
        </Text>
      </View>
      {data.mayWrite ? (
        <ReportForm roundId={round.id} branchId={branch.id} report={report} onSaved={onChanged} />
      ) : report ? (
        <ReportText report={report} />
      ) : (
        <View className="card">
          <Text className="muted">{`${branch.name}书记尚未提交述职报告`}</Text>
        </View>
      )}
      {data.mayRate && report ? <RatingForm reportId={report.id} asBureau={false} onRated={onChanged} /> : null}
      {data.rated ? (
        <Text className="tag tag--ok" data-testid="report-rated">
          您已评价
        </Text>
      ) : null}
    </View>
  )
}

function ReportForm(props: { roundId: string; branchId: string; report: Mine['report']; onSaved: () => void }) {
  const [text, setText] = useState(props.report?.text ?? '')
  const [problems, setProblems] = useState(props.report?.problems.join('\n') ?? '')
  const attachments = useAttachments(() => savedAttachments(props.report?.files), 'yearly')
  const saving = useSubmit(
    () =>
      call('yearly-cycle', 'submitSecretaryReport', {
        roundId: props.roundId,
        branchId: props.branchId,
        text,
        fileIds: attachments.fileIds,
        problems: problems
          .split('\n')
          .map((line) => line.trim())
          .filter(Boolean),
      }),
    {
      fields: ['text', 'problems'],
      toast: (saved) => (saved.late ? '述职报告已提交（逾期）' : '述职报告已提交'),
      onDone: props.onSaved,
    },
  )
  return (
    <View className="card" data-testid="report-form">
      <FormField label="述职报告" required hint="不少于200字；被评价前可修改" error={saving.errors.fields.text}>
        <TextAreaField value={text} onInput={setText} maxlength={20_000} testId="report-form-text" />
      </FormField>
      <FormField label="存在的问题" required hint="每行一条" error={saving.errors.fields.problems}>
        <TextAreaField value={problems} onInput={setProblems} maxlength={4000} testId="report-form-problems" />
      </FormField>
      <FormField label="述职报告附件" hint="可上传述职报告原文（PDF、Word）或相关照片">
        <AttachmentsField attachments={attachments} testId="report-form-files" />
      </FormField>
      <FieldError message={saving.errors.general} />
      <Button
        className="btn btn--primary"
        data-testid="report-form-submit"
        disabled={attachments.uploading || undefined}
        loading={saving.busy}
        onClick={() => saving.submit()}
      >
        {props.report ? '修改述职报告' : '提交述职报告'}
      </Button>
    </View>
  )
}
