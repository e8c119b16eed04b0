// 党费 as a member and a secretary read it: each month's state in the words of the 党费证, only unpaid
// months with a base can be ticked for a payment, and the arrears notice names the run.
import { fireEvent, render, screen } from '@testing-library/react'
import {
  ArrearsNotice,
  DuesImportRowView,
  DuesMonths,
  monthState,
} from '../../src/subpackages/lifecycle/components/dues'
import type { DuesMonth } from '../../types/lifecycle'

const row = (month: string, patch: Partial<DuesMonth> = {}): DuesMonth => ({
  month,
  baseSet: true,
  scheduledFen: 4_500,
  owedFen: 4_500,
  paidFen: 0,
  extraFen: 0,
  settled: false,
  reduced: false,
  ...patch,
})

describe('a month’s state', () => {
  test.each<[string, DuesMonth, string]>([
    ['paid', row('2026-11', { paidFen: 4_500, settled: true }), '已交'],
    ['unpaid', row('2026-12'), '未交'],
    ['exempted by the branch', row('2026-10', { owedFen: 0, settled: true, reduced: true }), '免交'],
    ['no base for the year', row('2027-01', { baseSet: false, scheduledFen: 0, owedFen: 0 }), '基数未核定'],
  ])('%s → %s', (_case, month, text) => {
    expect(monthState(month).text).toBe(text)
  })
})

describe('the months of a year', () => {
  const months = [
    row('2026-11', { paidFen: 4_500, extraFen: 1_000, settled: true }),
    row('2026-12'),
    row('2027-01', { baseSet: false, owedFen: 0, scheduledFen: 0 }),
  ]

  test('shows 应交, 已交 and 自愿多交 in 元', () => {
    render(<DuesMonths months={months} />)
    expect(screen.getByTestId('dues-month-2026-11').textContent).toContain('应交 45.00 · 已交 45.00 · 自愿多交 10.00')
    expect(screen.getByTestId('dues-month-2026-12').textContent).toContain('未交')
  })

  test('the secretary ticks only an unpaid month with a base', () => {
    const onToggle = jest.fn()
    render(<DuesMonths months={months} selected={new Set(['2026-12'])} onToggle={onToggle} />)
    expect(screen.getByTestId('dues-month-2026-12').textContent).toContain('☑')
    fireEvent.click(screen.getByTestId('dues-month-2026-11'))
    fireEvent.click(screen.getByTestId('dues-month-2027-01'))
    expect(onToggle).not.toHaveBeenCalled()
    fireEvent.click(screen.getByTestId('dues-month-2026-12'))
    expect(onToggle).toHaveBeenCalledWith('2026-12')
  })
})

describe('the arrears notice', () => {
  test('nothing when paid up', () => {
    render(<ArrearsNotice arrears={{ months: 0, since: null, flag: 'none' }} whose="您" />)
    expect(screen.queryByTestId('dues-arrears-notice')).toBeNull()
  })
  test('three months or more: the run and whom to contact', () => {
    render(<ArrearsNotice arrears={{ months: 4, since: '2026-08', flag: 'secretary' }} whose="您" />)
    expect(screen.getByTestId('dues-arrears-notice').textContent).toContain(
      '您已连续 4 个月未交纳党费（自2026年8月起）',
    )
  })
})

describe('a row of the base import’s preview', () => {
  const base = { row: 3, name: '王芳', memberId: 'm1', category: 'employed' as const, baseFen: 612_345 }

  test('a base to set: the category, the base and the monthly amount in 元', () => {
    render(<DuesImportRowView row={{ ...base, monthlyFen: 9_185, status: 'set', message: '原基数 4500.00 元' }} />)
    const text = screen.getByTestId('dues-import-row').textContent
    expect(text).toContain('第 3 行 · 王芳')
    expect(text).toContain('设置')
    expect(text).toContain('在职（按税后月工资） · 基数 6123.45 元 · 每月 91.85 元')
    expect(text).toContain('原基数 4500.00 元')
  })

  test('a fixed amount shows no base; a refused row says why and nothing else', () => {
    const { unmount } = render(
      <DuesImportRowView
        row={{ ...base, category: 'student', baseFen: 0, monthlyFen: 20, status: 'unchanged', message: '' }}
      />,
    )
    expect(screen.getByTestId('dues-import-row').textContent).toContain('学生 · 每月 0.20 元')
    expect(screen.getByTestId('dues-import-row').textContent).toContain('未变')
    unmount()
    render(
      <DuesImportRowView
        row={{
          row: 7,
          name: '',
          memberId: null,
          category: null,
          baseFen: null,
          monthlyFen: null,
          status: 'error',
          message: '税后月工资不能为负数',
        }}
      />,
    )
    const text = screen.getByTestId('dues-import-row').textContent
    expect(text).toContain('第 7 行 · （无姓名）')
    expect(text).toContain('错误 · 不导入')
    expect(text).toContain('税后月工资不能为负数')
    expect(text).not.toContain('每月')
  })
})
