import type { CellState } from '../../../../types/bureau'

export {
  CELL_STATE_LABELS,
  ITEM_STATUS_LABELS,
  SCHOOL_KIND_LABELS,
} from '../../../../types/bureau'
export { MEETING_TYPE_LABELS, meetingHeading } from '../../../lib/meeting-labels'
export { periodLabel } from '../../../lib/time'

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
