import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { PageState } from '../../../../components/page-state'
import { useAction } from '../../../../hooks/use-action'
import { OverviewFigures } from '../../components/overview-figures'
import { TrendChart } from '../../components/trend-chart'
import { downloadExport } from '../../lib/download'
import { BUREAU } from '../../lib/labels'
import '../../components/bureau.css'

const LINKS = [
  { title: '三会一课落实情况', url: `${BUREAU}/matrix/index`, testId: 'link-matrix' },
  { title: '积分排行', url: `${BUREAU}/leaderboard/index`, testId: 'link-leaderboard' },
  { title: '学习参与', url: `${BUREAU}/study/index`, testId: 'link-study' },
]

/** 党建督导总览: this month's figures and the 12-month trend, with the ways into each view. */
export default function OverviewPage() {
  const overview = useAction('bureau', 'overview', {})
  const me = useAction('roster', 'me', {})
  const bureauStaff = me.state === 'ok' && me.data.roles.includes('bureau_staff')
  return (
    <View className="page">
      <PageState query={overview}>
        {(data) => (
          <View>
            <OverviewFigures data={data} />
            <View className="card">
              <Text className="card__title">近12个月趋势</Text>
              <TrendChart
                id="trend-rates"
                percent
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
          <View
            key={link.url}
            className="bureau-row"
            data-testid={link.testId}
            onClick={() => Taro.navigateTo({ url: link.url })}
          >
            <Text>{link.title}</Text>
            <Text className="muted">›</Text>
          </View>
        ))}
      </View>
      {bureauStaff ? (
        <View className="card">
          <View
            className="bureau-row"
            data-testid="link-checks"
            onClick={() => Taro.navigateTo({ url: `${BUREAU}/checks/index` })}
          >
            <Text>数据校对</Text>
            <Text className="muted">›</Text>
          </View>
        </View>
      ) : null}
      {bureauStaff ? (
        <Button
          className="btn btn--primary"
          data-testid="monthly-report"
          onClick={() => downloadExport('monthlyReport', {})}
        >
          生成本月党建工作月报（PDF）
        </Button>
      ) : null}
    </View>
  )
}
