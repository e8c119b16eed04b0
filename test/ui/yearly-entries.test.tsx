import { fireEvent, render, screen } from '@testing-library/react'
import { MineView } from '../../src/pages/mine/mine-view'
import { yearlyEntriesFor } from '../../src/subpackages/yearly-cycle/lib/entries'
import type { Me } from '../../types/roster'
import { meOf, SHIYAN } from '../fixtures/me'

const me = (roles: Me['roles'], branchId: string | null = 'b_shiyan'): Me =>
  meOf({ name: '谢振华', roles, branch: branchId ? { ...SHIYAN, id: branchId } : null })

describe('我的 → 年度工作, by role', () => {
  test.each([
    [['member'], 'b_shiyan', ['talks', 'appraisal', 'org-life-mine', 'report'], null],
    [
      ['member', 'branch_committee'],
      'b_shiyan',
      ['talks', 'appraisal', 'org-life-mine', 'report', 'org-life'],
      'b_shiyan',
    ],
    [
      ['member', 'branch_secretary'],
      'b_shiyan',
      ['talks', 'appraisal', 'org-life-mine', 'report', 'org-life'],
      'b_shiyan',
    ],
    [['instructor'], null, ['year'], null],
    [['bureau_staff'], null, ['year', 'report-round', 'settings'], null],
  ] as const)('%j in %s sees %j, the branch pages addressed to %s', (roles, branchId, keys, ownBranch) => {
    const entries = yearlyEntriesFor(me([...roles], branchId))
    expect(entries.items.map((entry) => entry.key)).toEqual(keys)
    expect(entries.ownBranch).toBe(ownBranch)
  })

  test('every bound member reaches 年度工作 from 我的', () => {
    const onOpenEntry = jest.fn()
    render(<MineView me={me(['member'])} onOpenProfile={jest.fn()} onOpenEntry={onOpenEntry} />)
    fireEvent.click(screen.getByTestId('mine-open-yearly'))
    expect(onOpenEntry).toHaveBeenCalledWith('/subpackages/yearly-cycle/pages/index/index')
  })
})
