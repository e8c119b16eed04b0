import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { BranchRows, percent } from '../../components/leaderboard-rows'
import { LinkRow } from '../../components/link-row'
import { PageState } from '../../components/page-state'
import { useAction } from '../../hooks/use-action'
import { useOnReturn } from '../../hooks/use-on-return'
import { BUREAU_LEADERBOARD_PAGE, BUREAU_STUDY_PAGE, MATRIX_PAGE, OVERVIEW_PAGE } from '../../lib/routes'
import { periodName } from '../../lib/time'

const open = (url: string) => () => Taro.navigateTo({ url })

/**
 * 督导今日: the bureau's (or a 党建指导员's branches') month at a glance — the
 * branches behind on 三会一课, those that missed a meeting last month and are
 * to be reminded (from the matrix, where 提醒书记 is), study participation,
 * and the top of the branch rankings.
 */
export function BureauToday() {
  const overview = useAction('bureau', 'overview', {})
  const board = useAction('bureau', 'leaderboard', { sort: 'average', page: 1, pageSize: 3 })
  useOnReturn(() => {
    overview.reload()
    board.reload()
  })
  return (
    <View data-testid="home-bureau">
      <View className="card">
        <PageState query={overview}>
          {(data) => {
            const { thisMonth, lastMonth, unscheduled } = data.compliance
            // Not held as the evidence rules count it: missing, or a 党员大会 below quorum (the overview's figure too).
            const missed = lastMonth.missing + lastMonth.no_quorum
            return (
              <View>
                <Text className="card__title">{`${periodName(data.month)}三会一课`}</Text>
                <LinkRow
                  testId="home-bureau-behind"
                  title={unscheduled > 0 ? `${unscheduled} 个支部本月尚有会议未安排` : '各支部本月会议均已安排'}
                  hint={`共 ${data.branches} 个支部，本月已开展 ${thisMonth.held + thisMonth.late} 个`}
                  onClick={open(MATRIX_PAGE)}
                />
                <LinkRow
                  testId="home-bureau-remind"
                  title={missed > 0 ? `上月 ${missed} 个支部未按期开展，待提醒书记` : '上月各支部会议均已开展'}
                  hint={
                    lastMonth.awaiting > 0
                      ? `另有 ${lastMonth.awaiting} 个支部待补记录；在落实情况表中提醒书记`
                      : '在落实情况表中查看并提醒书记'
                  }
                  onClick={open(MATRIX_PAGE)}
                />
                <LinkRow
                  testId="home-bureau-study"
                  title={
                    data.study.targeted > 0
                      ? `本月学习参与 ${percent(data.study.checkedIn / data.study.targeted)}`
                      : '本月暂无学习任务'
                  }
                  hint={`${data.study.tasks} 项任务，${data.study.checkedIn} / ${data.study.targeted} 人次完成`}
                  onClick={open(BUREAU_STUDY_PAGE)}
                />
                <LinkRow
                  testId="home-bureau-overview"
                  title="党建督导总览"
                  hint="党员人数、积分与近12个月趋势"
                  onClick={open(OVERVIEW_PAGE)}
                />
              </View>
            )
          }}
        </PageState>
      </View>
      <View className="card" data-testid="home-bureau-ranking">
        <Text className="card__title">支部积分排名</Text>
        <PageState query={board} isEmpty={(data) => data.branches.length === 0} empty={{ title: '本期还没有积分记录' }}>
          {(data) => <BranchRows rows={data.branches} sort="average" />}
        </PageState>
        <LinkRow testId="home-bureau-leaderboard" title="查看全部排名" onClick={open(BUREAU_LEADERBOARD_PAGE)} />
      </View>
    </View>
  )
}
