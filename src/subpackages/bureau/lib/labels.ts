import type { CellState } from '../../../../types/bureau'

export {
  CELL_STATE_LABELS,
  ITEM_STATUS_LABELS,
  SCHOOL_KIND_LABELS,
} from '../../../../types/bureau'
export { MEETING_TYPE_LABELS, meetingHeading } from '../../../../types/labels'

/** The cell's short mark inside the matrix: one character reads at a glance on a phone. */
export const CELL_MARKS: Record<CellState, string> = {
  held: '✓',
  late: '补',
  open: '…',
  missing: '缺',
  future: '',
  none: '—',
}

export const percent = (share: number | null) => (share === null ? '—' : `${Math.round(share * 1000) / 10}%`)

/** '2026-04' → '4月', '2026-Q2' → '二季度'. */
export function periodLabel(period: string): string {
  if (period.includes('Q')) return `${'一二三四'[Number(period.slice(6)) - 1]}季度`
  return `${Number(period.slice(5, 7))}月`
}

export const BUREAU = '/subpackages/bureau/pages'
