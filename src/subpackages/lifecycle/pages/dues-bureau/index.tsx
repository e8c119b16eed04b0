import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { LinkRow } from '../../../../components/link-row'
import { ListItem } from '../../../../components/list-item'
import { Notice } from '../../../../components/notice'
import { Page } from '../../../../components/page'
import { PageState } from '../../../../components/page-state'
import { Pager } from '../../../../components/pager'
import { useAction } from '../../../../hooks/use-action'
import { DUES_SCHEDULE_PAGE, duesBranchPageUrl } from '../../../../lib/routes'
import { yearOf } from '../../../../lib/time'
import { YearChips } from '../../components/year-chips'
import { percent, yuan } from '../../lib/money'
import '../../components/lifecycle.css'

const PAGE_SIZE = 20

/**
 * 党费收缴率 for bureau staff: the county's rate for the year, each branch's
 * year and month by month, and the members at 6 months or more — a flag for
 * the branch to look into; nothing here changes anyone's standing.
 */
const monthName = (month: string) => `${Number(month.slice(5))}月`

/** The months the year's figures count: closed ones (the running month is still being collected). */
const closedMonths = (data: { months: string[]; closedThrough: string | null }) =>
  data.months.filter((month) => data.closedThrough !== null && month <= data.closedThrough)

export default function BureauDuesPage() {
  const [year, setYear] = useState(() => yearOf(Date.now()))
  const [page, setPage] = useState(1)
  const figures = useAction('lifecycle', 'duesCollection', { year, page, pageSize: PAGE_SIZE })
  const arrears = useAction('lifecycle', 'duesArrears', {})
  return (
    <Page>
      <YearChips
        year={year}
        onYear={(y) => {
          setYear(y)
          setPage(1)
        }}
      />
      <PageState query={figures}>
        {(data) => (
          <>
            {data.refreshing ? (
              <Notice
                testId="dues-refreshing"
                text="党费交纳标准已修改，全县收缴率和欠缴名单将在1小时内按新标准更新；各支部收缴表已按新标准显示。"
              />
            ) : null}
            <View className="stats" data-testid="dues-tenant">
              <View className="stat">
                <Text className="stat__value" data-testid="dues-tenant-rate">
                  {percent(data.tenant.rate)}
                </Text>
                <Text className="stat__label" data-testid="dues-tenant-through">
                  {data.closedThrough ? `全县收缴率（截至${monthName(data.closedThrough)}）` : '本年尚无已结束的月份'}
                </Text>
              </View>
              <View className="stat">
                <Text className="stat__value">{yuan(data.tenant.collectedFen)}</Text>
                <Text className="stat__label">{`已收（元），应收 ${yuan(data.tenant.owedFen)}`}</Text>
              </View>
              <View className="stat">
                <Text className="stat__value">{yuan(data.tenant.extraFen)}</Text>
                <Text className="stat__label">自愿多交（元）</Text>
              </View>
            </View>
            <View className="card" data-testid="dues-bureau-branches">
              <Text className="card__title">各支部</Text>
              {data.branches.map((branch) => (
                <ListItem
                  key={branch.branchId}
                  testId="dues-bureau-branch"
                  title={branch.name}
                  badges={
                    <Text className={`tag tag--${branch.year.rate === 1 ? 'ok' : 'warn'}`}>
                      {percent(branch.year.rate)}
                    </Text>
                  }
                  meta={[
                    closedMonths(data)
                      .map((month, i) => `${monthName(month)} ${percent(branch.months[i].rate)}`)
                      .join(' · ') || '本年尚无已结束的月份',
                  ]}
                  onClick={() => Taro.navigateTo({ url: duesBranchPageUrl(branch.branchId) })}
                />
              ))}
            </View>
            <Pager page={data.page} pageSize={PAGE_SIZE} total={data.total} onPage={setPage} noun="个支部" />
          </>
        )}
      </PageState>
      <View className="card" data-testid="dues-bureau-arrears">
        <Text className="card__title">连续6个月以上未交纳党费</Text>
        <PageState
          query={arrears}
          isEmpty={(data) => data.items.length === 0}
          empty={{ title: '没有连续6个月以上未交纳党费的党员' }}
        >
          {(data) =>
            data.items.map((item) => (
              <ListItem
                key={item.memberId}
                testId="dues-bureau-arrears-item"
                title={item.name}
                badges={<Text className="tag tag--warn">{`${item.arrears.months}个月`}</Text>}
                meta={[item.branchName, '请督促支部了解情况、按党章规定研究处理']}
              />
            ))
          }
        </PageState>
      </View>
      <View className="card">
        <LinkRow
          title="党费交纳标准"
          hint="按月工资收入分档的比例和固定金额"
          testId="dues-open-schedule"
          onClick={() => Taro.navigateTo({ url: DUES_SCHEDULE_PAGE })}
        />
      </View>
    </Page>
  )
}
