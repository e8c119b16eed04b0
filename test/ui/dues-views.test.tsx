// 党费 as a member and a secretary read it: each month's state in the words of the 党费证, only unpaid
// months with a base can be ticked for a payment, and the arrears notice names the run.
import { fireEvent, render, screen } from '@testing-library/react'
import { ArrearsNotice, DuesMonths, monthState } from '../../src/subpackages/lifecycle/components/dues'
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
