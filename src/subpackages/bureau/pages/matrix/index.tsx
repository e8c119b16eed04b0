import { Button, Picker, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { type MatrixGranularity, SCHOOL_KINDS, type SchoolKind } from '../../../../../types/bureau'
import { PageState } from '../../../../components/page-state'
import { Pager } from '../../../../components/pager'
import { useAction } from '../../../../hooks/use-action'
import { cellPageUrl } from '../../../../lib/routes'
import { periodKey, yearOf } from '../../../../lib/time'
import { MatrixGrid, MatrixLegend } from '../../components/matrix-grid'
import { useBureauExport } from '../../lib/download'
import { SCHOOL_KIND_LABELS } from '../../lib/labels'
import '../../components/bureau.css'
import { Page } from '../../../../components/page'

const PAGE_SIZE = 30

/** 三会一课落实情况: branches × months (or quarters) of a year, filtered, paged; tap a cell to 调阅. */
export default function MatrixPage() {
  const [year, setYear] = useState(() => yearOf(Date.now()))
  const [granularity, setGranularity] = useState<MatrixGranularity>('month')
  const [generalBranchId, setGeneralBranchId] = useState<string | null>(null)
  const [schoolKind, setSchoolKind] = useState<SchoolKind | null>(null)
  const [behindOnly, setBehindOnly] = useState(false)
  const [page, setPage] = useState(1)
  const filter = { year, granularity, generalBranchId, schoolKind, behindOnly }
  const matrix = useAction('bureau', 'complianceMatrix', { ...filter, page, pageSize: PAGE_SIZE })
  const exporting = useBureauExport('exportSheet')
  const chip = (on: boolean) => (on ? 'chip chip--on' : 'chip')
  const refilter = (change: () => void) => {
    change()
    setPage(1)
  }
  return (
    <Page>
      <View className="chips">
        <Text className="chip" data-testid="year-prev" onClick={() => refilter(() => setYear(year - 1))}>
          ‹ 上一年
        </Text>
        <Text className="chip chip--on" data-testid="year-current">{`${year}年`}</Text>
        <Text className="chip" data-testid="year-next" onClick={() => refilter(() => setYear(year + 1))}>
          下一年 ›
        </Text>
      </View>
      <View className="chips">
        <Text className={chip(granularity === 'month')} onClick={() => refilter(() => setGranularity('month'))}>
          按月
        </Text>
        <Text
          className={chip(granularity === 'quarter')}
          data-testid="granularity-quarter"
          onClick={() => refilter(() => setGranularity('quarter'))}
        >
          按季度
        </Text>
        <Text
          className={chip(behindOnly)}
          data-testid="behind-only"
          onClick={() => refilter(() => setBehindOnly(!behindOnly))}
        >
          只看未按期开展的支部
        </Text>
      </View>
      <View className="chips">
        <Picker
          mode="selector"
          range={['全部学校类型', ...SCHOOL_KINDS.map((kind) => SCHOOL_KIND_LABELS[kind])]}
          onChange={(event) => {
            const index = Number(event.detail.value)
            refilter(() => setSchoolKind(index === 0 ? null : SCHOOL_KINDS[index - 1]))
          }}
        >
          <Text
            className={chip(schoolKind !== null)}
          >{`${schoolKind ? SCHOOL_KIND_LABELS[schoolKind] : '全部学校类型'} ▾`}</Text>
        </Picker>
        {matrix.state === 'ok' && matrix.data.generalBranches.length > 0 ? (
          <Picker
            mode="selector"
            range={['全部党总支', ...matrix.data.generalBranches.map((org) => org.name)]}
            onChange={(event) => {
              const index = Number(event.detail.value)
              refilter(() => setGeneralBranchId(index === 0 ? null : matrix.data.generalBranches[index - 1].id))
            }}
          >
            <Text className={chip(generalBranchId !== null)}>
              {`${matrix.data.generalBranches.find((org) => org.id === generalBranchId)?.name ?? '全部党总支'} ▾`}
            </Text>
          </Picker>
        ) : null}
      </View>
      <MatrixLegend />
      <PageState
        query={matrix}
        isEmpty={(data) => data.total === 0}
        empty={{ title: behindOnly ? '没有未按期开展的支部' : '没有可查看的支部' }}
      >
        {(data) => (
          <View>
            <Text className="muted" data-testid="matrix-total">{`共 ${data.total} 个支部`}</Text>
            <MatrixGrid
              periods={data.periods}
              rows={data.rows}
              focus={year === yearOf(Date.now()) ? periodKey(Date.now(), granularity) : null}
              onCell={(branchId, period) => Taro.navigateTo({ url: cellPageUrl(branchId, period) })}
            />
            <Pager page={page} pageSize={PAGE_SIZE} total={data.total} onPage={setPage} noun="个支部" />
          </View>
        )}
      </PageState>
      <Button
        className="btn btn--primary bureau-bar"
        data-testid="export-matrix"
        loading={exporting.busy}
        onClick={() => exporting.submit({ view: 'matrix', ...filter })}
      >
        导出 Excel
      </Button>
    </Page>
  )
}
