import { fireEvent, render, screen } from '@testing-library/react'
import { MineView } from '../../src/pages/mine/mine-view'
import type { Me } from '../../types/roster'

const secretary: Me = {
  memberId: 'm-001',
  name: '王建国',
  tenant: { id: 't-demo', name: '示例县教育局党委' },
  branch: { id: 'b-01', name: '城关片区学校联合支部', joint: true },
  group: { id: 'g-01', name: '第一党小组' },
  memberType: 'formal',
  committeePosition: 'secretary',
  roles: ['member', 'branch_secretary'],
  preferences: { careMode: false },
}

const probationer: Me = {
  memberId: 'm-002',
  name: '李晓雨',
  tenant: { id: 't-demo', name: '示例县教育局党委' },
  branch: { id: 'b-02', name: '实验小学党支部', joint: false },
  group: null,
  memberType: 'probationary',
  committeePosition: null,
  roles: ['member'],
  preferences: { careMode: false },
}

describe('我的', () => {
  test('shows who the member is: name, tenant, branch and party group', () => {
    render(<MineView me={secretary} onOpenProfile={jest.fn()} />)
    expect(screen.getByTestId('mine-name').textContent).toBe('王建国')
    expect(screen.getByText('示例县教育局党委')).toBeTruthy()
    expect(screen.getByText('城关片区学校联合支部')).toBeTruthy()
    expect(screen.getByText('第一党小组')).toBeTruthy()
  })

  test('a joint branch carries the 联合支部 tag; a school branch does not', () => {
    const { unmount } = render(<MineView me={secretary} onOpenProfile={jest.fn()} />)
    expect(screen.getByTestId('mine-branch').textContent).toContain('联合支部')
    unmount()
    render(<MineView me={probationer} onOpenProfile={jest.fn()} />)
    expect(screen.getByTestId('mine-branch').textContent).toBe('实验小学党支部')
  })

  test('member type and committee position read as the branch says them', () => {
    const { unmount } = render(<MineView me={secretary} onOpenProfile={jest.fn()} />)
    expect(screen.getByTestId('mine-member-type').textContent).toBe('正式党员')
    expect(screen.getByText('支委会职务')).toBeTruthy()
    expect(screen.getByText('书记')).toBeTruthy()
    unmount()
    render(<MineView me={probationer} onOpenProfile={jest.fn()} />)
    expect(screen.getByTestId('mine-member-type').textContent).toBe('预备党员')
    expect(screen.queryByText('支委会职务')).toBeNull()
    expect(screen.getByText('未编入党小组')).toBeTruthy()
  })

  test('each role is a tag', () => {
    render(<MineView me={secretary} onOpenProfile={jest.fn()} />)
    const tags = Array.from(screen.getByTestId('mine-roles').children).map((tag) => tag.textContent)
    expect(tags).toEqual(['党员', '支部书记'])
  })

  test('tapping 个人资料 opens the profile', () => {
    const onOpenProfile = jest.fn()
    render(<MineView me={probationer} onOpenProfile={onOpenProfile} />)
    fireEvent.click(screen.getByTestId('mine-open-profile'))
    expect(onOpenProfile).toHaveBeenCalledTimes(1)
  })
})
