import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { ReactNode } from 'react'
import type { OutputOf } from '../../../types/api'
import { useAction } from '../../hooks/use-action'
import { useOnReturn } from '../../hooks/use-on-return'
import { BUREAU_LEADERBOARD_PAGE, BUREAU_STUDY_PAGE, MATRIX_PAGE } from '../../lib/routes'
import { periodName } from '../../lib/time'
import { BranchRows, percent } from '../leaderboard-rows'
import { LinkRow } from '../link-row'
import { PageState } from '../page-state'

/**
 * The oversight of the branches (教育局党委, 党建指导员) as 首页 and the 会议,
 * 学习 and 积分 tabs show it: each tab the part of the bureau's month that is
 * its own, every row opening the page where it is dealt with.
 */

type Overview = OutputOf<'bureau', 'overview'>

const open = (url: string) => () => Taro.navigateTo({ url })

/** The month's 三会一课 across the branches: who has not arranged this month's, who missed last month's. */
export function ComplianceRows({ data, idPrefix }: { data: Overview; idPrefix: string }) {
  const { thisMonth, lastMonth, unscheduled } = data.compliance
  // Not held as the evidence rules count it: missing, or a 党员大会 below quorum (the overview's figure too).
  const missed = lastMonth.missing + lastMonth.no_quorum
  return (
    <View>
      <Text className="card__title">{`${periodName(data.month)}三会一课`}</Text>
      <LinkRow
        testId={`${idPrefix}-behind`}
        title={unscheduled > 0 ? `${unscheduled} 个支部本月尚有会议未安排` : '各支部本月会议均已安排'}
        hint={`共 ${data.branches} 个支部，本月已开展 ${thisMonth.held + thisMonth.late} 个`}
        onClick={open(MATRIX_PAGE)}
      />
      <LinkRow
        testId={`${idPrefix}-remind`}
        title={missed > 0 ? `上月 ${missed} 个支部未按期开展，待提醒书记` : '上月各支部会议均已开展'}
        hint={
          lastMonth.awaiting > 0
            ? `另有 ${lastMonth.awaiting} 个支部待补记录；在落实情况表中提醒书记`
            : '在落实情况表中查看并提醒书记'
        }
        onClick={open(MATRIX_PAGE)}
      />
    </View>
  )
}

/** The month's study participation across the branches, opening 学习情况 by branch. */
export function StudyRow({ data, idPrefix }: { data: Overview; idPrefix: string }) {
  return (
    <LinkRow
      testId={`${idPrefix}-study`}
      title={
        data.study.targeted > 0
          ? `本月学习参与 ${percent(data.study.checkedIn / data.study.targeted)}`
          : '本月暂无学习任务'
      }
      hint={`${data.study.tasks} 项任务，${data.study.checkedIn} / ${data.study.targeted} 人次完成`}
      onClick={open(BUREAU_STUDY_PAGE)}
    />
  )
}

/** The bureau's overview, read once for a card and reloaded on return to the page. */
export function OverviewCard({ children }: { children: (data: Overview) => ReactNode }) {
  const overview = useAction('bureau', 'overview', {})
  useOnReturn(() => overview.reload())
  return (
    <View className="card">
      <PageState query={overview}>{children}</PageState>
    </View>
  )
}

/** 支部积分排名: the top branches by average points this year, and the way to the whole list. */
export function BranchRankingCard({ idPrefix, size }: { idPrefix: string; size: number }) {
  const board = useAction('bureau', 'leaderboard', { sort: 'average', page: 1, pageSize: size })
  useOnReturn(() => board.reload())
  return (
    <View className="card" data-testid={`${idPrefix}-ranking`}>
      <Text className="card__title">支部积分排名</Text>
      <PageState query={board} isEmpty={(data) => data.branches.length === 0} empty={{ title: '本期还没有积分记录' }}>
        {(data) => <BranchRows rows={data.branches} sort="average" />}
      </PageState>
      <LinkRow testId={`${idPrefix}-leaderboard`} title="查看全部排名" onClick={open(BUREAU_LEADERBOARD_PAGE)} />
    </View>
  )
}
