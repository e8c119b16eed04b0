import { Text, View } from '@tarojs/components'
import type { OutputOf } from '../../../../types/api'
import { REPORT_STATUS_LABELS } from '../../../../types/yearly-cycle-labels'
import { AttachmentList, savedAttachments } from '../../../components/attachments'
import { fullDateTime } from '../../../lib/time'

type Report = NonNullable<OutputOf<'yearly-cycle', 'myReport'>['report']>

/** A 述职报告 as it reads: who, when (逾期 flagged), the text, 存在的问题, attached files (a tap opens one). */
export function ReportText({ report }: { report: Report }) {
  return (
    <View className="card" data-testid="report-text">
      <Text className="card__title">{`${report.branchName} ${report.secretaryName}述职报告`}</Text>
      <Text className="muted">{`${fullDateTime(report.submittedAt)} ${REPORT_STATUS_LABELS[report.status]}`}</Text>
      <Text>{report.text}</Text>
      <Text className="field-label">存在的问题</Text>
      {report.problems.map((problem, index) => (
        <Text key={problem} className="muted">{`${index + 1}. ${problem}`}</Text>
      ))}
      <AttachmentList files={savedAttachments(report.files)} testId="report-file" />
    </View>
  )
}
