import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { LinkRow } from '../../../../components/link-row'
import { PageState } from '../../../../components/page-state'
import { useAction } from '../../../../hooks/use-action'
import {
  BUREAU_LEADERBOARD_PAGE,
  BUREAU_STUDY_PAGE,
  CHECKS_PAGE,
  MATRIX_PAGE,
  YEAR_VIEW_PAGE,
} from '../../../../lib/routes'
import { OverviewFigures } from '../../components/overview-figures'
import { TrendChart } from '../../components/trend-chart'
import { useBureauExport } from '../../lib/download'
import '../../components/bureau.css'
import { Page } from '../../../../components/page'

const LINKS = [
  { title: '三会一课落实情况', hint: '各支部逐月召开情况，可调阅会议记录', url: MATRIX_PAGE, testId: 'link-matrix' },
  { title: '积分排行', hint: '支部人均、参与率与党员排名', url: BUREAU_LEADERBOARD_PAGE, testId: 'link-leaderboard' },
  { title: '学习参与', hint: '各学习任务的完成情况', url: BUREAU_STUDY_PAGE, testId: 'link-study' },
  { title: '年度工作', hint: '谈心谈话、组织生活会、民主评议和述职', url: YEAR_VIEW_PAGE, testId: 'link-year' },
]

/** 党建督导总览: this month's figures and the 12-month trend, with the ways into each view. */
export default function OverviewPage() {
  const overview = useAction('bureau', 'overview', {})
  const me = useAction('roster', 'me', {})
  const bureauStaff = me.state === 'ok' && me.data.roles.includes('bureau_staff')
  const reporting = useBureauExport('monthlyReport')
  return (
    <Page>
      <PageState query={overview}>
        {(data) => (
          <View>
            <OverviewFigures data={data} />
            <View className="card">
              <Text className="card__title">近12个月趋势</Text>
              <TrendChart
                id="trend-rates"
                percent
                partialPeriod={data.month}
                rows={data.trend.flatMap((point) => [
                  ...(point.compliance === null
                    ? []
                    : [{ period: point.period, series: '三会一课完成率', value: point.compliance }]),
                  ...(point.study === null ? [] : [{ period: point.period, series: '学习参与率', value: point.study }]),
                ])}
              />
              {data.trend.some((point) => point.running) ? (
                <Text className="muted" data-testid="trend-running">
                  {`${Number(data.month.slice(5, 7))}月尚未结束（进行中），不计入三会一课完成率`}
                </Text>
              ) : null}
              <TrendChart
                id="trend-points"
                height={180}
                partialPeriod={data.month}
                rows={data.trend.map((point) => ({
                  period: point.period,
                  series: '获积分党员',
                  value: point.pointsActive,
                }))}
              />
            </View>
          </View>
        )}
      </PageState>
      <View className="card">
        {LINKS.map((link) => (
          <LinkRow
            key={link.url}
            title={link.title}
            hint={link.hint}
            testId={link.testId}
            onClick={() => Taro.navigateTo({ url: link.url })}
          />
        ))}
        {bureauStaff ? (
          <LinkRow
            title="数据校对"
            hint="重算积分合计、重建会议摘要"
            testId="link-checks"
            onClick={() => Taro.navigateTo({ url: CHECKS_PAGE })}
          />
        ) : null}
      </View>
      {bureauStaff ? (
        <Button
          className="btn btn--primary bureau-bar"
          data-testid="monthly-report"
          loading={reporting.busy}
          onClick={() => reporting.submit({})}
        >
          生成本月党建工作月报（PDF）
        </Button>
      ) : null}
    </Page>
  )
}
