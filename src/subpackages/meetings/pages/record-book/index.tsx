import { Button, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { PageState } from '../../../../components/page-state'
import { useAction } from '../../../../hooks/use-action'
import { call } from '../../../../services/call'
import { openDownload } from '../../../../services/cloud-files'
import { RecordBookEntries } from '../../components/record-book'
import { type PeriodKind, periodKey, periodName } from '../../lib/periods'
import '../../components/meetings.css'

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
  const [exporting, setExporting] = useState<'xlsx' | 'pdf' | null>(null)

  const exportBook = async () => {
    setExporting('xlsx')
    const result = await call('meetings', 'recordBook', { branchId, period, export: true })
    const opened =
      result.ok && result.data.fileUrl
        ? await openDownload(result.data.fileUrl, `三会一课记录本-${result.data.branchName}-${period}.xlsx`)
        : result
    setExporting(null)
    if (!opened.ok) Taro.showToast({ title: opened.error.message, icon: 'none' })
  }

  const printBook = async () => {
    setExporting('pdf')
    const result = await call('meetings', 'recordBookPdf', { branchId, period })
    const opened = result.ok ? await openDownload(result.data.fileUrl, result.data.fileName) : result
    setExporting(null)
    if (!opened.ok) Taro.showToast({ title: opened.error.message, icon: 'none' })
  }

  return (
    <View className="page">
      <View className="meet-tabs">
        {KINDS.map((item) => (
          <Text
            key={item.kind}
            className={`meet-tab ${kind === item.kind ? 'meet-tab--active' : ''}`}
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
            <View className="card__title" data-testid="record-book-title">
              {data.branchName} · {periodName(data.period)}
            </View>
            <Text className="muted" data-testid="record-book-summary">
              共 {data.entries.length} 次会议，其中已开展{' '}
              {data.entries.filter((entry) => entry.record === 'held').length} 次、待补记录{' '}
              {data.entries.filter((entry) => entry.record === 'awaiting_record').length} 次
            </Text>
            {data.entries.length === 0 ? (
              <View className="page-state" data-testid="page-state-empty">
                <Text className="page-state__title">本期还没有会议</Text>
                <Text className="page-state__text">安排的会议会按时间顺序记入记录本</Text>
              </View>
            ) : (
              <RecordBookEntries entries={data.entries} />
            )}
            <Button
              className="btn btn--primary meet-bar"
              data-testid="record-book-export"
              loading={exporting === 'xlsx'}
              disabled={exporting !== null || data.entries.length === 0 || undefined}
              onClick={exportBook}
            >
              导出记录本（Excel）
            </Button>
            <Button
              className="btn btn--ghost meet-bar"
              data-testid="record-book-pdf"
              loading={exporting === 'pdf'}
              disabled={exporting !== null || data.entries.length === 0 || undefined}
              onClick={printBook}
            >
              打印版（PDF，供调阅）
            </Button>
          </View>
        )}
      </PageState>
    </View>
  )
}
