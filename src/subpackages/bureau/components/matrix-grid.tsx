import { ScrollView, Text, View } from '@tarojs/components'
import type { MatrixRow } from '../../../../types/bureau'
import { useCareMode } from '../../../lib/care-mode'
import { windowWidth } from '../../../lib/screen'
import {
  CELL_MARKS,
  CELL_STATE_HINTS,
  CELL_STATE_LABELS,
  ITEM_STATUS_LABELS,
  LEGEND_STATES,
  MEETING_TYPE_LABELS,
  periodLabel,
} from '../lib/labels'

interface Props {
  periods: string[]
  rows: MatrixRow[]
  /** The period to bring into view when the grid opens (this month, when the year is this year). */
  focus?: string | null
  onCell: (branchId: string, period: string) => void
}

/** Design widths (750 wide) of the fixed branch column and of one period column (a cell and its margins). */
const NAME_COLUMN = 220
const CELL_COLUMN = { normal: 92, care: 100 }
const PAGE_PADDING = 24 + 28

/**
 * How far to scroll so the focused period is the last column fully in view:
 * the recent months show at once, the older ones are a swipe to the left.
 */
export function openingScroll(focusIndex: number, windowWidth: number, care: boolean): number {
  if (focusIndex < 0) return 0
  const px = windowWidth / 750
  const visible = windowWidth - (2 * PAGE_PADDING + NAME_COLUMN) * px
  const cell = (care ? CELL_COLUMN.care : CELL_COLUMN.normal) * px
  return Math.max(0, Math.ceil((focusIndex + 1) * cell - visible))
}

/** The cell's tooltip-like caption: each required meeting and its status (for screen readers and long press). */
export function cellCaption(cell: MatrixRow['cells'][number]): string {
  if (cell.state === 'future') return CELL_STATE_LABELS.future
  if (cell.state === 'none') return '早于本局首条会议记录，不作统计'
  if (cell.state === 'not_required') return '本期没有到期的规定会议'
  return cell.items
    .map(
      (item) =>
        `${MEETING_TYPE_LABELS[item.type]}${item.groupName ? `（${item.groupName}）` : ''}${ITEM_STATUS_LABELS[item.status]}`,
    )
    .join('，')
}

/**
 * 三会一课落实情况: branches down, periods across, each cell coloured by its
 * state. The branch column stays put while the months scroll under it, and the
 * grid opens on the recent months.
 */
export function MatrixGrid({ periods, rows, focus = null, onCell }: Props) {
  const care = useCareMode()
  const scrollLeft = openingScroll(focus ? periods.indexOf(focus) : -1, windowWidth(), care)
  return (
    <ScrollView scrollX scrollLeft={scrollLeft} className="bureau-matrix" data-testid="matrix">
      <View className="bureau-matrix__row bureau-matrix__row--head">
        <Text className="bureau-matrix__name bureau-matrix__name--head">支部</Text>
        {periods.map((period) => (
          <Text key={period} className="bureau-matrix__cell bureau-matrix__cell--head">
            {periodLabel(period)}
          </Text>
        ))}
      </View>
      {rows.map((row) => (
        <View key={row.branchId} className="bureau-matrix__row" data-testid={`matrix-row-${row.branchId}`}>
          <Text className="bureau-matrix__name">{row.branchName}</Text>
          {row.cells.map((cell) => (
            <Text
              key={cell.period}
              className={`bureau-matrix__cell bureau-cell--${cell.state}`}
              data-testid={`cell-${row.branchId}-${cell.period}`}
              data-state={cell.state}
              aria-label={`${row.branchName}${periodLabel(cell.period)}：${CELL_STATE_LABELS[cell.state]}。${cellCaption(cell)}`}
              onClick={() =>
                cell.state === 'future' || cell.state === 'none' ? undefined : onCell(row.branchId, cell.period)
              }
            >
              {CELL_MARKS[cell.state]}
            </Text>
          ))}
        </View>
      ))}
    </ScrollView>
  )
}

/**
 * The key under the matrix: each state's mark, its name and what it means —
 * 已开展 needs attendance and minutes, not a scheduled meeting.
 */
export function MatrixLegend() {
  return (
    <View className="bureau-legend" data-testid="matrix-legend">
      {LEGEND_STATES.map((state) => (
        <View key={state} className="bureau-legend__item" data-testid={`legend-${state}`}>
          <Text className={`bureau-legend__swatch bureau-cell--${state}`}>{CELL_MARKS[state]}</Text>
          <View className="bureau-legend__text">
            <Text>{CELL_STATE_LABELS[state]}</Text>
            <Text className="bureau-legend__hint">{CELL_STATE_HINTS[state]}</Text>
          </View>
        </View>
      ))}
    </View>
  )
}
