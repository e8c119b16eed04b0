import { Text, View } from '@tarojs/components'
import type { Overview } from '../../../../types/bureau'
import { percent, periodLabel } from '../lib/labels'

function Figure({
  label,
  value,
  tone,
  testId,
}: {
  label: string
  value: string
  tone?: 'bad' | 'good'
  testId: string
}) {
  return (
    // bureau-figure--<tone> names the tone for readers of the page (and its tests) beside the stat style.
    <View className={`stat${tone ? ` stat--${tone} bureau-figure--${tone}` : ''}`} data-testid={testId}>
      <Text className="stat__value">{value}</Text>
      <Text className="stat__label">{label}</Text>
    </View>
  )
}

/** 督导总览 figures: the counts and this month's 三会一课, study and points at a glance. */
export function OverviewFigures({ data }: { data: Overview }) {
  const study = data.study.targeted ? data.study.checkedIn / data.study.targeted : null
  // The matrix's own states of this month (running: 进行中) and last month, branch by branch.
  const { thisMonth, lastMonth } = data.compliance
  return (
    <View className="card">
      <Text className="card__title">{`${periodLabel(data.month)}概况`}</Text>
      <View className="stats">
        <Figure label="党支部" value={String(data.branches)} testId="figure-branches" />
        <Figure label="党员" value={String(data.members)} testId="figure-members" />
        <Figure
          label="本月三会一课已开展"
          value={String(thisMonth.held + thisMonth.late)}
          tone="good"
          testId="figure-month-held"
        />
        <Figure label="本月进行中" value={String(thisMonth.open)} testId="figure-month-open" />
        <Figure
          label="本月尚有会议未安排"
          value={String(data.compliance.unscheduled)}
          tone={data.compliance.unscheduled ? 'bad' : undefined}
          testId="figure-unscheduled"
        />
        <Figure
          label="上月未按期开展"
          value={String(lastMonth.missing + lastMonth.no_quorum)}
          tone={lastMonth.missing + lastMonth.no_quorum ? 'bad' : undefined}
          testId="figure-missed"
        />
        <Figure
          label="上月待补记录"
          value={String(lastMonth.awaiting)}
          tone={lastMonth.awaiting ? 'bad' : undefined}
          testId="figure-awaiting"
        />
        <Figure label={`学习参与率（${data.study.tasks}项）`} value={percent(study)} testId="figure-study" />
        <Figure label="本月获积分党员" value={String(data.points.activeMembers)} testId="figure-points" />
      </View>
    </View>
  )
}
