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
  return (
    <View className="card">
      <Text className="card__title">{`${periodLabel(data.month)}概况`}</Text>
      <View className="stats">
        <Figure label="党支部" value={String(data.branches)} testId="figure-branches" />
        <Figure label="党员" value={String(data.members)} testId="figure-members" />
        <Figure label="三会一课按进度" value={String(data.compliance.onTrack)} tone="good" testId="figure-on-track" />
        <Figure
          label="三会一课滞后"
          value={String(data.compliance.behind)}
          tone={data.compliance.behind ? 'bad' : undefined}
          testId="figure-behind"
        />
        <Figure
          label="上月缺开支部"
          value={String(data.compliance.missedLastMonth)}
          tone={data.compliance.missedLastMonth ? 'bad' : undefined}
          testId="figure-missed"
        />
        <Figure label={`学习参与率（${data.study.tasks}项）`} value={percent(study)} testId="figure-study" />
        <Figure label="本月获积分党员" value={String(data.points.activeMembers)} testId="figure-points" />
      </View>
    </View>
  )
}
