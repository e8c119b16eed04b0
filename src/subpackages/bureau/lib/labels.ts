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
export { periodLabel } from '../../../lib/time'

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
