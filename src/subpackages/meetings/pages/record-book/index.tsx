import { Button, Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { EmptyState, PageState } from '../../../../components/page-state'
import { useAction } from '../../../../hooks/use-action'
import { useSubmit } from '../../../../hooks/use-submit'
import { openMade } from '../../../../lib/download'
import { type PeriodKind, periodKey, periodName } from '../../../../lib/time'
import { call } from '../../../../services/call'
import { RecordBookEntries } from '../../components/record-book'
import '../../components/meetings.css'
import { Page } from '../../../../components/page'

const KINDS: { kind: PeriodKind; label: string }[] = [
  { kind: 'year', label: '本年度' },
  { kind: 'quarter', label: '本季度' },
  { kind: 'month', label: '本月' },
]

/** 三会一课记录本: a branch's meetings of a period in order, exported as .xlsx or a printable PDF for inspection (调阅). */
export default function RecordBookPage() {
  const branchId = useRouter().params.branchId ?? ''
  const [kind, setKind] = useState<PeriodKind>('year')
  const period = periodKey(Date.now(), kind)
  const book = useAction('meetings', 'recordBook', { branchId, period, export: false })
  const exporting = useSubmit(async () =>
    openMade(await call('meetings', 'recordBook', { branchId, period, export: true }), (made) => ({
      url: made.fileUrl,
      fileName: `三会一课记录本-${made.branchName}-${period}.xlsx`,
    })),
  )
  const printing = useSubmit(async () =>
    openMade(await call('meetings', 'recordBookPdf', { branchId, period }), (made) => ({
      url: made.fileUrl,
      fileName: made.fileName,
    })),
  )
  const busy = exporting.busy || printing.busy

  return (
    <Page>
      <View className="chips">
        {KINDS.map((item) => (
          <Text
            key={item.kind}
            className={`chip${kind === item.kind ? ' chip--on' : ''}`}
            data-testid={`record-period-${item.kind}`}
            onClick={() => setKind(item.kind)}
          >
            {item.label}
          </Text>
        ))}
      </View>
      <PageState query={book}>
        {(data) => (
          <View className="card">
            <Text className="card__title" data-testid="record-book-title">
              {data.branchName} · {periodName(data.period)}
            </Text>
            <Text className="muted" data-testid="record-book-summary">
              共 {data.entries.length} 次会议，其中已开展{' '}
              {data.entries.filter((entry) => entry.record === 'held').length} 次、待补记录{' '}
              {data.entries.filter((entry) => entry.record === 'awaiting_record').length} 次
            </Text>
            {data.entries.length === 0 ? (
              <EmptyState title="本期还没有会议" hint="安排的会议会按时间顺序记入记录本" />
            ) : (
              <RecordBookEntries entries={data.entries} />
            )}
            <Button
              className="btn btn--primary meet-bar"
              data-testid="record-book-export"
              loading={exporting.busy}
              disabled={busy || data.entries.length === 0 || undefined}
              onClick={() => exporting.submit()}
            >
              导出记录本（Excel）
            </Button>
            <Button
              className="btn btn--ghost meet-bar"
              data-testid="record-book-pdf"
              loading={printing.busy}
              disabled={busy || data.entries.length === 0 || undefined}
              onClick={() => printing.submit()}
            >
              打印版（PDF，供调阅）
            </Button>
          </View>
        )}
      </PageState>
    </Page>
  )
}
