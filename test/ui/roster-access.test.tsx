import { fireEvent, render, screen } from '@testing-library/react'
import { manageEntriesFor } from '../../src/pages/mine/manage-entries'
import { MineView } from '../../src/pages/mine/mine-view'
import { type AuditEntry, AuditItem } from '../../src/subpackages/roster/components/audit-item'
import { type BranchAccess, RosterToolbar } from '../../src/subpackages/roster/components/roster-toolbar'
import { memberManagement } from '../../src/subpackages/roster/lib/member-management'
import type { Me } from '../../types/roster'
import { meOf, SHIYAN } from '../fixtures/me'

const me = (roles: Me['roles'], branchId: string | null = 'b_shiyan'): Me =>
  meOf({ name: '谢振华', roles, branch: branchId ? { ...SHIYAN, id: branchId } : null })

// Who manages a branch is the server's answer (`access` on listMembers and getMember);
// the pages only lay out what it said.
describe("a branch roster's actions follow listMembers.access", () => {
  const toolbar = (access: BranchAccess | null, scope: 'branch' | 'bureau' = 'branch') =>
    render(
      <RosterToolbar
        scope={scope}
        access={access}
        exporting={false}
        onExport={jest.fn()}
        onImport={jest.fn()}
        onAdd={scope === 'branch' ? jest.fn() : undefined}
      />,
    )
  const buttons = () => screen.queryAllByRole('button').map((button) => button.textContent)

  test.each([
    ['manage', ['导出名册', '批量导入', '新增党员']],
    ['read', ['导出名册']],
  ] as const)('%s → %j', (access, expected) => {
    toolbar(access)
    expect(buttons()).toEqual(expected)
  })

  test('nothing shows until the server has answered', () => {
    toolbar(null)
    expect(screen.queryByTestId('roster-toolbar')).toBeNull()
  })

  test('bureau staff on the tree export everything and import for the whole bureau', () => {
    toolbar('manage', 'bureau')
    expect(buttons()).toEqual(['导出全部名册', '批量导入（全县）'])
  })

  test('while the export is generated the button says so and cannot be tapped again', () => {
    const onExport = jest.fn()
    render(<RosterToolbar scope="branch" access="read" exporting onExport={onExport} onImport={jest.fn()} />)
    const button = screen.getByTestId('roster-export')
    expect(button.textContent).toBe('正在生成…')
    expect(button.hasAttribute('disabled')).toBe(true)
  })
})

describe('the member page follows getMember.access', () => {
  test.each([
    ['manage', 'active', false, { editable: true, invites: true, unbinds: false }],
    ['manage', 'active', true, { editable: true, invites: false, unbinds: true }],
    ['manage', 'inactive', false, { editable: false, invites: false, unbinds: false }],
    ['manage', 'inactive', true, { editable: false, invites: false, unbinds: false }],
    ['read', 'active', false, { editable: false, invites: false, unbinds: false }],
    ['read', 'active', true, { editable: false, invites: false, unbinds: false }],
  ] as const)('%s, %s, bound=%s → %j', (access, status, bound, expected) => {
    expect(memberManagement({ access, status, bound })).toEqual(expected)
  })
})

describe('我的 → 管理', () => {
  const keys = (roles: Me['roles']) => manageEntriesFor(me(roles)).map((entry) => entry.key)

  test.each([
    [['member'], []],
    [
      ['member', 'branch_committee'],
      ['branch-roster', 'development', 'dues', 'transfers', 'assessment'],
    ],
    [
      ['member', 'branch_secretary'],
      ['branch-roster', 'development', 'dues', 'transfers', 'assessment'],
    ],
    [
      ['member', 'branch_secretary', 'general_branch_secretary'],
      [
        'branch-roster',
        'development',
        'dues',
        'transfers',
        'org-tree',
        'assessment',
        'pipeline',
        'dues-overseen',
        'transfers-overseen',
      ],
    ],
    [['instructor'], ['org-tree', 'bureau', 'assessment', 'pipeline', 'dues-overseen', 'transfers-overseen']],
    [['bureau_staff'], ['org-tree', 'bureau', 'assessment', 'pipeline', 'dues-bureau', 'transfers', 'audit-log']],
  ] as const)('%j sees %j', (roles, expected) => {
    expect(keys([...roles])).toEqual(expected)
  })

  test('a 总支书记 and an instructor open 所辖支部 for 党费 and for 组织关系转接', () => {
    for (const roles of [['general_branch_secretary'], ['instructor']] as const) {
      const onOpenEntry = jest.fn()
      const { unmount } = render(<MineView me={me([...roles])} onOpenProfile={jest.fn()} onOpenEntry={onOpenEntry} />)
      fireEvent.click(screen.getByTestId('mine-entry-dues-overseen'))
      fireEvent.click(screen.getByTestId('mine-entry-transfers-overseen'))
      expect(onOpenEntry.mock.calls).toEqual([
        ['/subpackages/lifecycle/pages/branches/index?to=dues'],
        ['/subpackages/lifecycle/pages/branches/index?to=transfers'],
      ])
      unmount()
    }
  })

  test('a plain member has no 管理 section', () => {
    render(<MineView me={me(['member'])} onOpenProfile={jest.fn()} onOpenEntry={jest.fn()} />)
    expect(screen.queryByTestId('mine-manage')).toBeNull()
  })

  test('a secretary opens their own branch roster', () => {
    const onOpenEntry = jest.fn()
    render(<MineView me={me(['member', 'branch_secretary'])} onOpenProfile={jest.fn()} onOpenEntry={onOpenEntry} />)
    fireEvent.click(screen.getByTestId('mine-entry-branch-roster'))
    expect(onOpenEntry).toHaveBeenCalledWith('/subpackages/roster/pages/branch/index?branchId=b_shiyan')
  })
})

describe('操作日志 entry', () => {
  const entry: AuditEntry = {
    id: 'a1',
    at: Date.UTC(2026, 10, 24, 2, 5),
    actorName: '谢振华',
    action: 'roster.updateMember',
    targetId: 'm2',
    summary: '修改党员信息 宋敏',
    before: { name: '宋敏', memberType: 'probationary', groupId: 'g1', phone: null, updatedAt: 1 },
    after: { name: '宋敏', memberType: 'formal', groupId: 'g2', phone: '13800138000', updatedAt: 2 },
  }

  test('collapsed: time (Asia/Shanghai), who and summary', () => {
    render(<AuditItem entry={entry} expanded={false} onToggle={jest.fn()} />)
    expect(screen.getByText('2026-11-24 10:05')).toBeTruthy()
    expect(screen.getByText('谢振华')).toBeTruthy()
    expect(screen.queryByTestId('audit-diff')).toBeNull()
  })

  test('expanded: only the changed fields, in the domain words, before → after', () => {
    const names = new Map([
      ['g1', '低年级党小组'],
      ['g2', '高年级党小组'],
    ])
    render(<AuditItem entry={entry} expanded orgNames={names} onToggle={jest.fn()} />)
    const rows = Array.from(screen.getByTestId('audit-diff').children).map((row) => row.textContent)
    expect(rows).toEqual(['党员类型预备党员→正式党员', '党小组低年级党小组→高年级党小组', '手机号码—→13800138000'])
  })
})
