import { Button, Picker, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { YearFilter, YearRow } from '../../../../../types/yearly-cycle'
import {
  APPRAISAL_PHASE_LABELS,
  ORG_LIFE_STEP_LABELS,
  REPORT_STATUS_LABELS,
} from '../../../../../types/yearly-cycle-labels'
import { ConfirmDialog } from '../../../../components/confirm-dialog'
import { Page } from '../../../../components/page'
import { PageState } from '../../../../components/page-state'
import { Pager } from '../../../../components/pager'
import { useAction } from '../../../../hooks/use-action'
import { useSubmit } from '../../../../hooks/use-submit'
import { openMade } from '../../../../lib/download'
import { appraisalPageUrl, orgLifePageUrl, talksPageUrl } from '../../../../lib/routes'
import { yearOf } from '../../../../lib/time'
import { call } from '../../../../services/call'
import '../../components/yearly.css'

const PAGE_SIZE = 30
const FILTERS: { key: YearFilter; label: string }[] = [
  { key: 'all', label: '全部' },
  { key: 'incomplete', label: '未完成' },
  { key: 'talks', label: '谈心谈话未覆盖' },
  { key: 'org_life', label: '组织生活会未完成' },
  { key: 'appraisal', label: '民主评议未完成' },
  { key: 'report', label: '述职未提交' },
]
type Item = 'talks' | 'org_life' | 'appraisal' | 'report'
const ITEM_LABELS: Record<Item, string> = {
  talks: '谈心谈话',
  org_life: '组织生活会',
  appraisal: '民主评议',
  report: '书记述职',
}

/** What a branch's year still owes, in the order the year runs. */
function owed(row: YearRow): Item[] {
  const items: Item[] = []
  if (row.talks.share === null || row.talks.share < 1) items.push('talks')
  if (row.orgLife.done < row.orgLife.of || row.orgLife.of === 0) items.push('org_life')
  if (row.appraisal.phase !== 'decided') items.push('appraisal')
  if (row.report.status === 'missing') items.push('report')
  return items
}

/**
 * 年度工作总览: branches × the year's items, filtered and paged; 调阅 opens the branch's own pages,
 * 提醒书记 reminds its secretary of one item (once a day), 导出 the view as .xlsx.
 */
export default function YearViewPage() {
  const [year, setYear] = useState(() => yearOf(Date.now()))
  const [filter, setFilter] = useState<YearFilter>('all')
  const [orgId, setOrgId] = useState<string | null>(null)
  const [page, setPage] = useState(1)
  const [reminding, setReminding] = useState<{ row: YearRow; item: Item } | null>(null)
  const view = useAction('yearly-cycle', 'yearOverview', { year, filter, orgId, page, pageSize: PAGE_SIZE })
  const exporting = useSubmit(async () =>
    openMade(await call('yearly-cycle', 'exportYearOverview', { year, orgId }), (made) => made),
  )
  const remind = useSubmit(
    (row: YearRow, item: Item) => call('yearly-cycle', 'remindYearItem', { branchId: row.branchId, year, item }),
    { toast: (_, row, item) => `已提醒${row.name}书记：${ITEM_LABELS[item]}` },
  )
  const refilter = (change: () => void) => {
    change()
    setPage(1)
  }
  const chip = (on: boolean) => (on ? 'chip chip--on' : 'chip')
  return (
    <Page>
      <View className="chips">
        <Text className="chip" onClick={() => refilter(() => setYear(year - 1))}>
          ‹ 上一年
        </Text>
        <Text className="chip chip--on">{`${year}年`}</Text>
        <Text className="chip" onClick={() => refilter(() => setYear(year + 1))}>
          下一年 ›
        </Text>
      </View>
      <View className="chips">
        {FILTERS.map((f) => (
          <Text
            key={f.key}
            className={chip(filter === f.key)}
            data-testid={`year-filter-${f.key}`}
            onClick={() => refilter(() => setFilter(f.key))}
          >
            {f.label}
          </Text>
        ))}
        {view.state === 'ok' && view.data.generalBranches.length > 0 ? (
          <Picker
            mode="selector"
            range={['全部党组织', ...view.data.generalBranches.map((org) => org.name)]}
            onChange={(event) => {
              const index = Number(event.detail.value)
              refilter(() => setOrgId(index === 0 ? null : view.data.generalBranches[index - 1].id))
            }}
          >
            <Text className={chip(orgId !== null)}>
              {`${view.data.generalBranches.find((org) => org.id === orgId)?.name ?? '全部党组织'} ▾`}
            </Text>
          </Picker>
        ) : null}
      </View>
      <PageState
        query={view}
        isEmpty={(data) => data.total === 0}
        empty={{ title: filter === 'all' ? '没有可查看的支部' : '没有符合条件的支部' }}
      >
        {(data) => (
          <View>
            <Text
              className="muted"
              data-testid="year-complete"
            >{`${data.branches} 个支部，${data.complete} 个已完成全年工作`}</Text>
            {data.items.map((row) => (
              <View className="card" key={row.branchId} data-testid="year-row" data-branch={row.branchId}>
                <View className="list-item__head">
                  <Text className="card__title">{row.name}</Text>
                  {row.complete ? <Text className="tag tag--ok">已完成</Text> : null}
                </View>
                <View className="yearly-counts">
                  <Text>{`谈心谈话 ${row.talks.share === null ? '—' : `${Math.round(row.talks.share * 100)}%`}`}</Text>
                  <Text>
                    {`组织生活会 ${row.orgLife.done}/${row.orgLife.of}${row.orgLife.current ? `（${ORG_LIFE_STEP_LABELS[row.orgLife.current]}）` : ''}`}
                  </Text>
                  <Text data-testid="year-appraisal">{`民主评议 ${row.appraisal.phase ? APPRAISAL_PHASE_LABELS[row.appraisal.phase] : '未开始'}`}</Text>
                  <Text>{`述职 ${REPORT_STATUS_LABELS[row.report.status]}`}</Text>
                </View>
                <View className="chips">
                  <Text className="chip" onClick={() => Taro.navigateTo({ url: talksPageUrl(row.branchId) })}>
                    调阅谈话
                  </Text>
                  <Text className="chip" onClick={() => Taro.navigateTo({ url: orgLifePageUrl(row.branchId) })}>
                    调阅生活会
                  </Text>
                  <Text
                    className="chip"
                    data-testid="year-open-appraisal"
                    onClick={() => Taro.navigateTo({ url: appraisalPageUrl(row.branchId) })}
                  >
                    调阅评议
                  </Text>
                  {owed(row).length > 0 ? (
                    <Text
                      className="chip"
                      data-testid="year-remind"
                      onClick={() => setReminding({ row, item: owed(row)[0] })}
                    >
                      提醒书记
                    </Text>
                  ) : null}
                </View>
              </View>
            ))}
            <Pager page={page} pageSize={PAGE_SIZE} total={data.total} onPage={setPage} noun="个支部" />
          </View>
        )}
      </PageState>
      <ConfirmDialog
        visible={reminding !== null}
        title="提醒书记"
        message={reminding ? `向${reminding.row.name}书记发送提醒（每项每天一次）：` : ''}
        confirmLabel="发送提醒"
        onConfirm={() => {
          if (reminding) remind.submit(reminding.row, reminding.item)
          setReminding(null)
        }}
        onCancel={() => setReminding(null)}
      >
        {reminding ? (
          <View className="chips">
            {owed(reminding.row).map((item) => (
              <Text
                key={item}
                className={chip(reminding.item === item)}
                onClick={() => setReminding({ ...reminding, item })}
              >
                {ITEM_LABELS[item]}
              </Text>
            ))}
          </View>
        ) : null}
      </ConfirmDialog>
      <Button
        className="btn btn--primary"
        data-testid="year-export"
        loading={exporting.busy}
        onClick={() => exporting.submit()}
      >
        导出 Excel
      </Button>
    </Page>
  )
}
