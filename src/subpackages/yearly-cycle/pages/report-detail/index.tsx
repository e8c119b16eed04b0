import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import type { OutputOf } from '../../../../../types/api'
import { REPORT_RATING_LABELS } from '../../../../../types/yearly-cycle-labels'
import { Page } from '../../../../components/page'
import { PageState } from '../../../../components/page-state'
import { useAction } from '../../../../hooks/use-action'
import { monthDayTime } from '../../../../lib/time'
import { RatingForm } from '../../components/rating-form'
import { ReportText } from '../../components/report-text'

type Summary = NonNullable<OutputOf<'yearly-cycle', 'getSecretaryReport'>['bureau']>

/** One 述职报告 for those who read it: the text, the bureau's named ratings and both summaries; 评价 once. */
export default function ReportDetailPage() {
  const reportId = useRouter().params.reportId ?? ''
  const report = useAction('yearly-cycle', 'getSecretaryReport', { reportId })
  return (
    <Page>
      <PageState query={report}>
        {(data) => (
          <View>
            <ReportText report={data} />
            {data.bureau ? <SummaryCard title="教育局党组评价" summary={data.bureau} /> : null}
            {data.members ? <SummaryCard title="党员评价（不记名）" summary={data.members} /> : null}
            {data.bureauRatings && data.bureauRatings.length > 0 ? (
              <View className="card" data-testid="report-bureau-ratings">
                {data.bureauRatings.map((rating) => (
                  <View className="row" key={`${rating.raterName}${rating.at}`}>
                    <Text className="row__label">{`${rating.raterName} ${monthDayTime(rating.at)}`}</Text>
                    <Text className="row__value">
                      {`${REPORT_RATING_LABELS[rating.rating]}${rating.comment ? `：${rating.comment}` : ''}`}
                    </Text>
                  </View>
                ))}
              </View>
            ) : null}
            {data.mayRate ? (
              <RatingForm reportId={data.id} asBureau={data.ratesAsBureau} onRated={report.reload} />
            ) : data.rated ? (
              <Text className="tag tag--ok" data-testid="report-rated">
                您已评价
              </Text>
            ) : null}
          </View>
        )}
      </PageState>
    </Page>
  )
}

function SummaryCard({ title, summary }: { title: string; summary: Summary }) {
  return (
    <View className="card">
      <Text className="card__title">{title}</Text>
      <Text className="muted">
        {summary.total === 0
          ? '尚无评价'
          : `${(Object.keys(REPORT_RATING_LABELS) as (keyof typeof REPORT_RATING_LABELS)[])
              .map((key) => `${REPORT_RATING_LABELS[key]} ${summary.counts[key] ?? 0}`)
              .join('  ')}；好和较好占 ${Math.round((summary.goodShare ?? 0) * 100)}%`}
      </Text>
    </View>
  )
}
