import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { LinkRow } from '../../components/link-row'
import { BranchRankingCard, ComplianceRows, OverviewCard, StudyRow } from '../../components/oversight'
import { OVERVIEW_PAGE } from '../../lib/routes'

/**
 * 督导今日: the bureau's (or a 党建指导员's branches') month at a glance — the
 * branches behind on 三会一课, those that missed a meeting last month and are
 * to be reminded (from the matrix, where 提醒书记 is), study participation,
 * and the top of the branch rankings.
 */
export function BureauToday() {
  return (
    <View data-testid="home-bureau">
      <OverviewCard>
        {(data) => (
          <View>
            <ComplianceRows data={data} idPrefix="home-bureau" />
            <StudyRow data={data} idPrefix="home-bureau" />
            <LinkRow
              testId="home-bureau-overview"
              title="党建督导总览"
              hint="党员人数、积分与近12个月趋势"
              onClick={() => Taro.navigateTo({ url: OVERVIEW_PAGE })}
            />
          </View>
        )}
      </OverviewCard>
      <BranchRankingCard idPrefix="home-bureau" size={3} />
    </View>
  )
}
