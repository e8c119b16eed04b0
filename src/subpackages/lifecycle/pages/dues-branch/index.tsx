import { Button, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { ListItem } from '../../../../components/list-item'
import { Page } from '../../../../components/page'
import { PageState } from '../../../../components/page-state'
import { Pager } from '../../../../components/pager'
import { useAction } from '../../../../hooks/use-action'
import { useOnReturn } from '../../../../hooks/use-on-return'
import { useSubmit } from '../../../../hooks/use-submit'
import { openMade } from '../../../../lib/download'
import { duesImportPageUrl, duesMemberPageUrl } from '../../../../lib/routes'
import { periodKey, periodName } from '../../../../lib/time'
import { call } from '../../../../services/call'
import { CATEGORY_NAMES } from '../../components/dues'
import { percent, yuan } from '../../lib/money'
import '../../components/lifecycle.css'

const PAGE_SIZE = 20

/**
 * 党费收缴 of a branch (?branchId=): the month's sheet member by member with the
 * branch's rate, the members 3 months or more behind (for those who keep the
 * dues), and the sheet as .xlsx. A member opens their page to record a payment.
 */
export default function BranchDuesPage() {
  const branchId = useRouter().params.branchId ?? ''
  const [month, setMonth] = useState(() => periodKey(Date.now(), 'month'))
  const [page, setPage] = useState(1)
  const sheet = useAction('lifecycle', 'branchDuesSheet', { branchId, month, page, pageSize: PAGE_SIZE })
  useOnReturn(sheet.reload)
  const exporting = useSubmit(async () =>
    openMade(await call('lifecycle', 'exportDuesSheet', { of: 'branch_month', branchId, month }), (made) => made),
  )
  const move = (by: number) => {
    setMonth(periodKey(Date.parse(`${month}-15T12:00:00+08:00`), 'month', by))
    setPage(1)
  }
  const year = Number(month.slice(0, 4))
  return (
    <Page>
      <View className="chips">
        <Text className="chip" data-testid="dues-month-prev" onClick={() => move(-1)}>
          上月
        </Text>
        <Text className="chip chip--on" data-testid="dues-month-current">
          {periodName(month)}
        </Text>
        <Text className="chip" data-testid="dues-month-next" onClick={() => move(1)}>
          下月
        </Text>
      </View>
      {sheet.data?.canManage ? <BranchArrears branchId={branchId} year={year} /> : null}
      <PageState
        query={sheet}
        isEmpty={(data) => data.total === 0}
        empty={{ title: '本月没有需要交纳党费的党员', hint: '党员名册中的党员按入党时间起交纳党费' }}
      >
        {(data) => (
          <>
            <View className="stats" data-testid="dues-branch-stats">
              <View className="stat">
                <Text className="stat__value" data-testid="dues-branch-rate">
                  {percent(data.collection.rate)}
                </Text>
                <Text className="stat__label">收缴率</Text>
              </View>
              <View className="stat">
                <Text className="stat__value">{`${data.collection.settledMonths}/${data.collection.owedMonths}`}</Text>
                <Text className="stat__label">已交/应交人数</Text>
              </View>
              <View className="stat">
                <Text className="stat__value">{yuan(data.collection.collectedFen)}</Text>
                <Text className="stat__label">{`已收（元），应收 ${yuan(data.collection.owedFen)}`}</Text>
              </View>
            </View>
            <View className="card" data-testid="dues-branch-members">
              {data.items.map((item) => (
                <ListItem
                  key={item.memberId}
                  testId={`dues-member-${item.memberId}`}
                  title={item.name}
                  badges={
                    <Text className={`tag tag--${item.settled ? 'ok' : 'warn'}`}>
                      {item.settled ? (item.owedFen === 0 && item.category ? '免交' : '已交') : '未交'}
                    </Text>
                  }
                  meta={[
                    item.category
                      ? `${CATEGORY_NAMES[item.category]} · 应交 ${yuan(item.owedFen)} 元 · 已交 ${yuan(item.paidFen)} 元`
                      : '本年度党费基数未核定',
                    ...(item.arrears.months >= 3 ? [`已连续 ${item.arrears.months} 个月未交`] : []),
                  ]}
                  onClick={() => Taro.navigateTo({ url: duesMemberPageUrl(item.memberId, year) })}
                />
              ))}
            </View>
            <Pager page={data.page} pageSize={PAGE_SIZE} total={data.total} onPage={setPage} noun="名党员" />
            <View className="btn-stack">
              <Button
                className="btn btn--ghost"
                data-testid="dues-export-branch"
                loading={exporting.busy}
                disabled={exporting.busy || undefined}
                onClick={() => exporting.submit()}
              >
                导出本月党费收缴表（.xlsx）
              </Button>
              {data.canManage ? (
                <Button
                  className="btn btn--ghost"
                  data-testid="dues-import-link"
                  onClick={() => Taro.navigateTo({ url: duesImportPageUrl(branchId) })}
                >
                  导入党费基数（.xlsx）
                </Button>
              ) : null}
            </View>
          </>
        )}
      </PageState>
    </Page>
  )
}

/** Who is 3 months or more behind: only for those who keep the branch's dues (committee members read the sheet). */
function BranchArrears({ branchId, year }: { branchId: string; year: number }) {
  const arrears = useAction('lifecycle', 'duesArrears', { branchId })
  useOnReturn(arrears.reload)
  if (!arrears.data || arrears.data.items.length === 0) return null
  return (
    <View className="card" data-testid="dues-arrears">
      <Text className="card__title">连续3个月以上未交纳</Text>
      {arrears.data.items.map((item) => (
        <ListItem
          key={item.memberId}
          testId="dues-arrears-item"
          title={item.name}
          badges={<Text className="tag tag--warn">{`${item.arrears.months}个月`}</Text>}
          meta={[
            `自${periodName(item.arrears.since ?? '')}起未交，请了解情况（党章：无正当理由连续6个月不交纳党费的，视为自行脱党，由支部研究）`,
          ]}
          onClick={() => Taro.navigateTo({ url: duesMemberPageUrl(item.memberId, year) })}
        />
      ))}
    </View>
  )
}
