import type { CellState } from '../../../../types/compliance'

export { SCHOOL_KIND_LABELS } from '../../../../types/bureau'
export {
  CELL_STATE_HINTS,
  CELL_STATE_LABELS,
  ITEM_STATUS_LABELS,
  MEETING_RECORD_LABELS,
  MEETING_TYPE_LABELS,
  meetingHeading,
} from '../../../../types/labels'

/** The cell's short mark inside the matrix: one character reads at a glance on a phone. */
export const CELL_MARKS: Record<CellState, string> = {
  held: '✓',
  late: '补',
  awaiting: '待',
  no_quorum: '数',
  missing: '缺',
  not_required: '无',
  open: '…',
  future: '',
  none: '—',
}

/** The legend's order: what was done, what is pending, what is wrong, what is not judged. */
export const LEGEND_STATES: readonly CellState[] = [
  'held',
  'late',
  'awaiting',
  'no_quorum',
  'missing',
  'not_required',
  'open',
  'none',
]

export const percent = (share: number | null) => (share === null ? '—' : `${Math.round(share * 1000) / 10}%`)

/** '2026-04' → '4月', '2026-Q2' → '二季度', '2026-H1' → '上半年', '2026' → '2026年', a term → its dates. */
export function periodLabel(period: string): string {
  if (period.includes('~')) return `${period.slice(5, 10)}至${period.slice(16)}学期`
  if (period.includes('Q')) return `${'一二三四'[Number(period.slice(6)) - 1]}季度`
  if (period.includes('H')) return period.endsWith('1') ? '上半年' : '下半年'
  if (period.length === 4) return `${period}年`
  return `${Number(period.slice(5, 7))}月`
}

export const BUREAU = '/subpackages/bureau/pages'
