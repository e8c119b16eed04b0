import { Button, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { Page } from '../../../../components/page'
import { PageState } from '../../../../components/page-state'
import { useAction } from '../../../../hooks/use-action'
import { useSubmit } from '../../../../hooks/use-submit'
import { openMade } from '../../../../lib/download'
import { yearOf } from '../../../../lib/time'
import { call } from '../../../../services/call'
import { ArrearsNotice, CATEGORY_NAMES, DuesMonths } from '../../components/dues'
import { YearChips } from '../../components/year-chips'
import { yuan } from '../../lib/money'
import '../../components/lifecycle.css'

/** 我的党费: the caller's own year month by month, arrears, and the 党费证-style statement as .xlsx. */
export default function MyDuesPage() {
  const [year, setYear] = useState(() => yearOf(Date.now()))
  const dues = useAction('lifecycle', 'myDues', { year })
  const exporting = useSubmit(async () => {
    // The statement names the member; the caller's own id comes from the server, never from the page's state.
    const me = await call('roster', 'me', {})
    if (!me.ok) return me
    return openMade(
      await call('lifecycle', 'exportDuesSheet', { of: 'member_year', memberId: me.data.memberId, year }),
      (made) => made,
    )
  })
  return (
    <Page>
      <YearChips year={year} onYear={setYear} />
      <PageState query={dues}>
        {(data) => {
          const paidFen = data.months.reduce((sum, row) => sum + row.paidFen, 0)
          const extraFen = data.months.reduce((sum, row) => sum + row.extraFen, 0)
          return (
            <>
              <ArrearsNotice arrears={data.arrears} whose="您" />
              <View className="card" data-testid="dues-summary">
                <View className="row">
                  <Text className="row__label">类别</Text>
                  <Text className="row__value">{data.category ? CATEGORY_NAMES[data.category] : '尚未核定'}</Text>
                </View>
                {data.baseFen ? (
                  <View className="row">
                    <Text className="row__label">核定基数</Text>
                    <Text className="row__value">{`${yuan(data.baseFen)} 元/月`}</Text>
                  </View>
                ) : null}
                <View className="row">
                  <Text className="row__label">每月应交</Text>
                  <Text className="row__value" data-testid="dues-monthly">
                    {data.monthlyFen === null ? '待支部核定' : `${yuan(data.monthlyFen)} 元`}
                  </Text>
                </View>
                <View className="row">
                  <Text className="row__label">{`${year}年已交`}</Text>
                  <Text className="row__value">
                    {`${yuan(paidFen)} 元${extraFen > 0 ? `（另自愿多交 ${yuan(extraFen)} 元）` : ''}`}
                  </Text>
                </View>
              </View>
              {data.months.length > 0 ? (
                <DuesMonths months={data.months} />
              ) : (
                <View className="card">
                  <Text className="card__title">{`${year}年无需交纳党费`}</Text>
                </View>
              )}
              <View className="btn-stack">
                <Button
                  className="btn btn--ghost"
                  data-testid="dues-export-mine"
                  loading={exporting.busy}
                  disabled={exporting.busy || undefined}
                  onClick={() => exporting.submit()}
                >
                  导出党费交纳明细（党费证）
                </Button>
              </View>
            </>
          )
        }}
      </PageState>
    </Page>
  )
}
