import { fireEvent, render, screen } from '@testing-library/react'
import { CellMeetings } from '../../src/subpackages/bureau/components/cell-meetings'
import {
  cellCaption,
  MatrixGrid,
  MatrixLegend,
  openingScroll,
} from '../../src/subpackages/bureau/components/matrix-grid'
import { OverviewFigures } from '../../src/subpackages/bureau/components/overview-figures'
import { StudyBranchRows } from '../../src/subpackages/bureau/components/study-rows'
import { drawnRows } from '../../src/subpackages/bureau/lib/trend-rows'
import type { CellDetail, MatrixRow, Overview } from '../../types/bureau'

const row = (branchId: string, branchName: string, states: MatrixRow['cells']): MatrixRow => ({
  branchId,
  branchName,
  generalBranchName: null,
  schoolKind: 'primary',
  cells: states,
  missing: states.flatMap((cell) => cell.items).filter((item) => item.status === 'missing').length,
  remindedAt: null,
})

const PERIODS = ['2026-09', '2026-10', '2026-11', '2026-12']
const rows = [
  row('b_cg', '城关小学党支部', [
    { period: '2026-09', state: 'none', items: [] },
    {
      period: '2026-10',
      state: 'missing',
      items: [
        { type: 'committee_meeting', status: 'held' },
        { type: 'group_meeting', status: 'missing' },
      ],
    },
    { period: '2026-11', state: 'open', items: [{ type: 'group_meeting', status: 'planned' }] },
    { period: '2026-12', state: 'future', items: [] },
  ]),
  row('b_sy', '实验小学党支部', [
    { period: '2026-09', state: 'late', items: [{ type: 'group_meeting', status: 'held_late' }] },
    { period: '2026-10', state: 'held', items: [{ type: 'group_meeting', status: 'held' }] },
    { period: '2026-11', state: 'held', items: [{ type: 'group_meeting', status: 'held' }] },
    { period: '2026-12', state: 'future', items: [] },
  ]),
]

describe('三会一课 matrix', () => {
  test('each cell carries its state as colour class, mark and spoken label', () => {
    render(<MatrixGrid periods={PERIODS} rows={rows} onCell={jest.fn()} />)
    const missing = screen.getByTestId('cell-b_cg-2026-10')
    expect(missing.className).toContain('bureau-cell--missing')
    expect(missing.textContent).toBe('缺')
    expect(missing.getAttribute('aria-label')).toBe('城关小学党支部10月：缺开。支委会已召开，党小组会缺开')
    expect(screen.getByTestId('cell-b_cg-2026-11').className).toContain('bureau-cell--open')
    expect(screen.getByTestId('cell-b_sy-2026-09').textContent).toBe('补')
    expect(screen.getByTestId('cell-b_sy-2026-10').textContent).toBe('✓')
    expect(screen.getByTestId('cell-b_sy-2026-12').className).toContain('bureau-cell--future')
    expect(screen.getByText('12月')).toBeTruthy()
  })

  test('tapping a cell opens its period; a future cell does nothing', () => {
    const onCell = jest.fn()
    render(<MatrixGrid periods={PERIODS} rows={rows} onCell={onCell} />)
    fireEvent.click(screen.getByTestId('cell-b_cg-2026-10'))
    fireEvent.click(screen.getByTestId('cell-b_cg-2026-12'))
    expect(onCell).toHaveBeenCalledTimes(1)
    expect(onCell).toHaveBeenCalledWith('b_cg', '2026-10')
  })

  test('a future cell’s caption says 未到期', () => {
    expect(cellCaption({ period: '2026-12', state: 'future', items: [] })).toBe('未到期')
  })

  test('a month before the records begin reads 无记录, marked —, and opens nothing; the legend explains it', () => {
    const onCell = jest.fn()
    render(
      <>
        <MatrixGrid periods={PERIODS} rows={rows} onCell={onCell} />
        <MatrixLegend />
      </>,
    )
    const none = screen.getByTestId('cell-b_cg-2026-09')
    expect(none.className).toContain('bureau-cell--none')
    expect(none.textContent).toBe('—')
    expect(none.getAttribute('aria-label')).toBe('城关小学党支部9月：无记录。早于本局首条会议记录，不作统计')
    fireEvent.click(none)
    expect(onCell).not.toHaveBeenCalled()
    expect(screen.getByText('无记录')).toBeTruthy()
  })
})

const overview: Overview = {
  month: '2026-11',
  branches: 6,
  members: 56,
  compliance: { onTrack: 5, behind: 1, missedLastMonth: 1 },
  study: { tasks: 2, targeted: 66, checkedIn: 6 },
  points: { activeMembers: 27, entries: 31 },
  trend: [],
}

test('overview figures: counts, on track / behind, last month’s gap, study rate', () => {
  render(<OverviewFigures data={overview} />)
  expect(screen.getByTestId('figure-branches').textContent).toBe('6党支部')
  expect(screen.getByTestId('figure-members').textContent).toBe('56党员')
  expect(screen.getByTestId('figure-on-track').textContent).toBe('5三会一课按进度')
  expect(screen.getByTestId('figure-behind').className).toContain('bureau-figure--bad')
  expect(screen.getByTestId('figure-missed').textContent).toBe('1上月缺开支部')
  expect(screen.getByTestId('figure-study').textContent).toBe('9.1%学习参与率（2项）')
  expect(screen.getByText('11月概况')).toBeTruthy()
})

test('cell 调阅: statuses per required meeting and each meeting’s roll and minutes', () => {
  const detail: CellDetail = {
    branchId: 'b_cg',
    branchName: '城关小学党支部',
    period: '2026-10',
    state: 'missing',
    items: [
      { type: 'committee_meeting', status: 'held' },
      { type: 'group_meeting', status: 'missing' },
    ],
    meetings: [
      {
        id: 'mt1',
        type: 'committee_meeting',
        title: '支委会：研究本月党建工作',
        startsAt: Date.UTC(2026, 9, 3, 7),
        place: '城关小学会议室',
        status: 'scheduled',
        expected: 5,
        attended: 4,
        leave: 1,
        absent: 0,
        minutes: '研究部署了本月工作。',
      },
    ],
  }
  render(<CellMeetings detail={detail} />)
  expect(screen.getByTestId('cell-state').textContent).toBe('缺开')
  expect(screen.getByTestId('item-group_meeting').textContent).toBe('党小组会缺开')
  expect(screen.getByTestId('meeting-mt1').textContent).toContain('10月3日 15:00')
  expect(screen.getByTestId('meeting-mt1').textContent).toContain('应到5人，实到4人，请假1人，缺席0人')
  expect(screen.getByTestId('meeting-mt1').textContent).toContain('会议记录：研究部署了本月工作。')
})

test('study by branch: counts and rate, low rates flagged', () => {
  render(
    <StudyBranchRows
      rows={[
        { branchId: 'b1', branchName: '城关小学党支部', targeted: 10, checkedIn: 3, rate: 0.3 },
        { branchId: 'b2', branchName: '实验小学党支部', targeted: 12, checkedIn: 12, rate: 1 },
      ]}
    />,
  )
  expect(screen.getByTestId('study-branch-b1').textContent).toBe('城关小学党支部3/10（30%）')
  expect(screen.getByTestId('study-branch-b1').innerHTML).toContain('bureau-status--missing')
  expect(screen.getByTestId('study-branch-b2').textContent).toBe('实验小学党支部12/12（100%）')
})

describe('the matrix at 375 px', () => {
  test('opens with the focused month as the last column in view, nothing scrolled for the first months', () => {
    // 375 px: 52 design px of padding each side and the 220 px branch column leave 191 px; a column is 46 px.
    expect(openingScroll(10, 375, false)).toBe(Math.ceil(11 * 46 - (375 - (2 * 52 + 220) / 2)))
    expect(openingScroll(2, 375, false)).toBe(0)
    expect(openingScroll(-1, 375, false)).toBe(0)
    // 关怀模式's wider columns scroll further to show the same month.
    expect(openingScroll(10, 375, true)).toBeGreaterThan(openingScroll(10, 375, false))
  })
})

describe('trend rows', () => {
  const rows = [
    { period: '2026-09', series: '三会一课完成率', value: 1 },
    { period: '2026-10', series: '三会一课完成率', value: 0.8 },
    { period: '2026-11', series: '三会一课完成率', value: 0.5 },
    { period: '2026-11', series: '学习参与率', value: 0.1 },
  ]

  test('finished months are solid; the month under way is hollow, reached by a dashed segment from the last finished value', () => {
    const drawn = drawnRows(rows, '2026-11')
    expect(drawn.filter((row) => row.segment === 'done').map((row) => row.period)).toEqual(['2026-09', '2026-10'])
    expect(drawn.filter((row) => row.segment === 'open').map((row) => [row.series, row.period, row.kind])).toEqual([
      ['三会一课完成率', '2026-10', 'done'],
      ['三会一课完成率', '2026-11', 'open'],
      ['学习参与率', '2026-11', 'open'],
    ])
  })

  test('without a month under way every value is solid', () => {
    expect(drawnRows(rows, null).every((row) => row.segment === 'done' && row.kind === 'done')).toBe(true)
  })
})
