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
  hasCommittee: true,
  remindedAt: null,
})
const item = (
  type: MatrixRow['cells'][number]['items'][number]['type'],
  status: MatrixRow['cells'][number]['items'][number]['status'],
  period: string,
  groupName: string | null = null,
) => ({ type, status, period, groupName })

const PERIODS = ['2026-09', '2026-10', '2026-11', '2026-12']
const rows = [
  row('b_cg', '城关小学党支部', [
    { period: '2026-09', state: 'none', items: [] },
    {
      period: '2026-10',
      state: 'missing',
      items: [
        item('committee_meeting', 'held', '2026-10'),
        item('group_meeting', 'held', '2026-10', '第二党小组'),
        item('group_meeting', 'missing', '2026-10', '第一党小组'),
      ],
    },
    { period: '2026-11', state: 'open', items: [item('group_meeting', 'planned', '2026-11', '第一党小组')] },
    { period: '2026-12', state: 'future', items: [] },
  ]),
  row('b_sy', '实验小学党支部', [
    { period: '2026-09', state: 'late', items: [item('group_meeting', 'held_late', '2026-09')] },
    { period: '2026-10', state: 'awaiting', items: [item('theme_day', 'awaiting_record', '2026-10')] },
    { period: '2026-11', state: 'held', items: [item('group_meeting', 'held', '2026-11')] },
    { period: '2026-12', state: 'future', items: [] },
  ]),
  row('b_zz', '职业中学党支部', [
    { period: '2026-09', state: 'no_quorum', items: [item('general_meeting', 'no_quorum', '2026-Q3')] },
    { period: '2026-10', state: 'not_required', items: [] },
    { period: '2026-11', state: 'open', items: [item('study', 'due', '2026-11')] },
    { period: '2026-12', state: 'future', items: [] },
  ]),
]

describe('三会一课 matrix', () => {
  test('each cell carries its state as colour class, mark and spoken label', () => {
    render(<MatrixGrid periods={PERIODS} rows={rows} onCell={jest.fn()} />)
    const missing = screen.getByTestId('cell-b_cg-2026-10')
    expect(missing.className).toContain('bureau-cell--missing')
    expect(missing.textContent).toBe('缺')
    expect(missing.getAttribute('aria-label')).toBe(
      '城关小学党支部10月：未开展。支委会已开展，党小组会（第二党小组）已开展，党小组会（第一党小组）未开展',
    )
    expect(screen.getByTestId('cell-b_cg-2026-11').className).toContain('bureau-cell--open')
    expect(screen.getByTestId('cell-b_sy-2026-09').textContent).toBe('补')
    expect(screen.getByTestId('cell-b_sy-2026-10').textContent).toBe('待')
    expect(screen.getByTestId('cell-b_sy-2026-11').textContent).toBe('✓')
    expect(screen.getByTestId('cell-b_zz-2026-09').getAttribute('aria-label')).toBe(
      '职业中学党支部9月：未达法定人数。支部党员大会未达法定人数',
    )
    expect(screen.getByTestId('cell-b_zz-2026-10').textContent).toBe('无')
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

  test('the legend names every state a cell can show and what it means', () => {
    render(<MatrixLegend />)
    for (const [state, label] of [
      ['held', '已开展'],
      ['late', '已补开'],
      ['awaiting', '待补记录'],
      ['no_quorum', '未达法定人数'],
      ['missing', '未开展'],
      ['not_required', '无需'],
      ['open', '进行中'],
    ]) {
      expect(screen.getByTestId(`legend-${state}`).textContent).toContain(label)
    }
    expect(screen.getByTestId('legend-held').textContent).toContain('考勤和会议记录齐全')
  })
})

const overview: Overview = {
  month: '2026-11',
  branches: 6,
  members: 56,
  compliance: {
    thisMonth: {
      held: 2,
      late: 0,
      awaiting: 0,
      no_quorum: 0,
      missing: 0,
      not_required: 0,
      open: 4,
      future: 0,
      none: 0,
    },
    lastMonth: {
      held: 3,
      late: 1,
      awaiting: 1,
      no_quorum: 0,
      missing: 1,
      not_required: 0,
      open: 0,
      future: 0,
      none: 0,
    },
    unscheduled: 1,
  },
  study: { tasks: 2, targeted: 66, checkedIn: 6 },
  points: { activeMembers: 27, entries: 31 },
  trend: [],
}

test('overview figures: counts, this month by the matrix’s states, last month’s gaps, study rate', () => {
  render(<OverviewFigures data={overview} />)
  expect(screen.getByTestId('figure-branches').textContent).toBe('6党支部')
  expect(screen.getByTestId('figure-members').textContent).toBe('56党员')
  expect(screen.getByTestId('figure-month-held').textContent).toBe('2本月三会一课已开展')
  expect(screen.getByTestId('figure-month-open').textContent).toBe('4本月进行中')
  expect(screen.getByTestId('figure-unscheduled').className).toContain('bureau-figure--bad')
  expect(screen.getByTestId('figure-missed').textContent).toBe('1上月未按期开展')
  expect(screen.getByTestId('figure-awaiting').textContent).toBe('1上月待补记录')
  expect(screen.getByTestId('figure-study').textContent).toBe('9.1%学习参与率（2项）')
  expect(screen.getByText('11月概况')).toBeTruthy()
})

test('cell 调阅: each requirement (per 党小组) and each meeting’s record, roll and minutes, which opens it', () => {
  const detail: CellDetail = {
    branchId: 'b_cg',
    branchName: '城关小学党支部',
    period: '2026-10',
    state: 'missing',
    hasCommittee: false,
    items: [item('group_meeting', 'missing', '2026-10', '第一党小组'), item('general_meeting', 'held', '2026-Q4')],
    meetings: [
      {
        id: 'mt1',
        type: 'general_meeting',
        alsoCounts: ['lecture'],
        title: '党员大会暨书记讲党课',
        startsAt: Date.UTC(2026, 9, 3, 7),
        place: '城关小学会议室',
        status: 'scheduled',
        record: 'held',
        backfilled: true,
        expected: 9,
        attended: 8,
        leave: 1,
        absent: 0,
        unmarked: 0,
        minutes: '研究部署了本月工作。',
      },
    ],
  }
  const onOpen = jest.fn()
  render(<CellMeetings detail={detail} onOpen={onOpen} />)
  expect(screen.getByTestId('cell-state').textContent).toBe('未开展')
  expect(screen.getByTestId('item-group_meeting').textContent).toBe('党小组会（第一党小组）未开展')
  expect(screen.getByTestId('item-general_meeting').textContent).toBe('支部党员大会 · 四季度已开展')
  expect(screen.getByTestId('cell-no-committee')).toBeTruthy()
  const meeting = screen.getByTestId('meeting-mt1')
  expect(meeting.textContent).toContain('【支部党员大会·党课】党员大会暨书记讲党课')
  expect(meeting.textContent).toContain('10月3日 15:00')
  expect(meeting.textContent).toContain('已开展（补录）')
  expect(meeting.textContent).toContain('应到9人，实到8人，请假1人，缺席0人')
  expect(meeting.textContent).toContain('会议记录：研究部署了本月工作。')
  fireEvent.click(meeting)
  expect(onOpen).toHaveBeenCalledWith('mt1')
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
