import { fireEvent, render, screen } from '@testing-library/react'
import { manageEntriesFor } from '../../src/pages/mine/manage-entries'
import { MineView } from '../../src/pages/mine/mine-view'
import { type AuditEntry, AuditItem } from '../../src/subpackages/roster/components/audit-item'
import { canManageBranch } from '../../src/subpackages/roster/lib/access'
import type { Me, OrgNode } from '../../types/roster'

const me = (roles: Me['roles'], branchId: string | null = 'b_shiyan'): Me => ({
  memberId: 'm1',
  name: '谢振华',
  tenant: { id: 't', name: '示例县教育局党委' },
  branch: branchId ? { id: branchId, name: '实验小学党支部', joint: false } : null,
  group: null,
  memberType: 'formal',
  committeePosition: null,
  roles,
})

const nodes: OrgNode[] = [
  { id: 'c', kind: 'committee', name: '党委', parentId: null, schools: [], memberCount: 0 },
  { id: 'gb', kind: 'general_branch', name: '党总支', parentId: 'c', schools: [], memberCount: 0 },
  { id: 'b_high', kind: 'branch', name: '高中部党支部', parentId: 'gb', schools: [], memberCount: 0 },
  { id: 'b_shiyan', kind: 'branch', name: '实验小学党支部', parentId: 'c', schools: [], memberCount: 0 },
]

describe('who manages a branch (which buttons show)', () => {
  test.each([
    ['bureau staff, any branch', me(['member', 'bureau_staff'], null), 'b_high', true],
    ['secretary, own branch', me(['member', 'branch_secretary']), 'b_shiyan', true],
    ['secretary, another branch', me(['member', 'branch_secretary']), 'b_high', false],
    ['committee member, own branch', me(['member', 'branch_committee']), 'b_shiyan', false],
    [
      'general-branch secretary, branch under a 党总支',
      me(['member', 'general_branch_secretary'], 'b_high'),
      'b_high',
      true,
    ],
    [
      'general-branch secretary, branch directly under the 党委',
      me(['general_branch_secretary'], 'b_high'),
      'b_shiyan',
      false,
    ],
    ['instructor, assigned branch', me(['instructor'], null), 'b_shiyan', false],
  ] as const)('%s → %s', (_case, caller, branchId, manages) => {
    expect(canManageBranch(caller, branchId, nodes)).toBe(manages)
  })
})

describe('我的 → 管理', () => {
  const keys = (roles: Me['roles']) => manageEntriesFor(me(roles)).map((entry) => entry.key)

  test.each([
    [['member'], []],
    [['member', 'branch_committee'], ['branch-roster']],
    [['member', 'branch_secretary'], ['branch-roster']],
    [
      ['member', 'branch_secretary', 'general_branch_secretary'],
      ['branch-roster', 'org-tree'],
    ],
    [['instructor'], ['org-tree']],
    [['bureau_staff'], ['org-tree', 'audit-log']],
  ] as const)('%j sees %j', (roles, expected) => {
    expect(keys([...roles])).toEqual(expected)
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
