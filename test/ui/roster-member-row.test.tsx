import { fireEvent, render, screen } from '@testing-library/react'
import { MemberRowView } from '../../src/subpackages/roster/components/member-row'
import type { MemberRow } from '../../types/roster'

const base: MemberRow = {
  id: 'm_shiyan_02',
  name: '宋敏',
  branchId: 'org_b_shiyan',
  groupId: 'org_b_shiyan_g2',
  memberType: 'formal',
  probationEndsOn: null,
  joinedOn: '2005-07-01',
  committeePosition: null,
  phone: '138****8000',
  status: 'active',
  bound: true,
}

const text = (testId: string) => screen.getByTestId(testId).textContent

describe('党员名册 row', () => {
  test('shows the phone exactly as the server sent it (masked for non-managers)', () => {
    render(<MemberRowView member={base} groupName="高年级党小组" onOpen={jest.fn()} />)
    expect(text('member-row-name')).toBe('宋敏')
    expect(text('member-row-phone')).toBe('138****8000')
    expect(screen.getByText('高年级党小组')).toBeTruthy()
  })

  test.each([
    ['formal', null, '正式', null],
    ['probationary', null, '预备', null],
    ['formal', 'organization', '正式', '组织委员'],
    ['formal', 'secretary', '正式', '书记'],
  ] as const)('%s member with position %s reads %s / %s', (memberType, committeePosition, typeTag, positionTag) => {
    render(<MemberRowView member={{ ...base, memberType, committeePosition }} groupName={null} onOpen={jest.fn()} />)
    expect(text('member-row-type')).toBe(typeTag)
    if (positionTag) expect(text('member-row-position')).toBe(positionTag)
    else expect(screen.queryByTestId('member-row-position')).toBeNull()
  })

  test('bound and unbound members are told apart', () => {
    const { unmount } = render(<MemberRowView member={base} groupName={null} onOpen={jest.fn()} />)
    expect(text('member-row-bound')).toBe('已绑定微信')
    unmount()
    render(<MemberRowView member={{ ...base, bound: false }} groupName={null} onOpen={jest.fn()} />)
    expect(text('member-row-bound')).toBe('未绑定')
  })

  test('no group, no phone and a deactivated member each say so', () => {
    render(
      <MemberRowView
        member={{ ...base, phone: null, groupId: null, status: 'inactive' }}
        groupName={null}
        onOpen={jest.fn()}
      />,
    )
    expect(text('member-row-phone')).toBe('未登记手机')
    expect(screen.getByText('未编入党小组')).toBeTruthy()
    expect(text('member-row-inactive')).toBe('已停用')
  })

  test('an invitation locked by wrong names is flagged for the secretary', () => {
    const { unmount } = render(<MemberRowView member={base} groupName={null} onOpen={jest.fn()} />)
    expect(screen.queryByTestId('member-row-invitation-locked')).toBeNull()
    unmount()
    render(<MemberRowView member={{ ...base, invitationLocked: true }} groupName={null} onOpen={jest.fn()} />)
    expect(text('member-row-invitation-locked')).toBe('邀请已锁定')
  })

  test('tapping a row opens that member', () => {
    const onOpen = jest.fn()
    render(<MemberRowView member={base} groupName={null} onOpen={onOpen} />)
    fireEvent.click(screen.getByTestId('member-row'))
    expect(onOpen).toHaveBeenCalledWith('m_shiyan_02')
  })
})

describe('流动党员 badge', () => {
  test('a member away shows 流动党员 and where; a member at home shows none', () => {
    const { unmount } = render(
      <MemberRowView
        member={{ ...base, floating: { whereabouts: '广东省深圳市', hostOrg: null } }}
        groupName={null}
        onOpen={jest.fn()}
      />,
    )
    expect(text('member-row-floating')).toBe('流动党员 · 广东省深圳市')
    unmount()
    render(<MemberRowView member={base} groupName={null} onOpen={jest.fn()} />)
    expect(screen.queryByTestId('member-row-floating')).toBeNull()
  })
})
