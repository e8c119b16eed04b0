import { type BranchAccess, branchAccess } from '../../cloudfunctions/domain/access/branch-access'
import type { Grant, MemberDoc } from '../../types/roster'

const branch = { _id: 'b_shiyan', tenantId: 't1', ancestors: ['committee'] }
const gbBranch = { _id: 'b_high', tenantId: 't1', ancestors: ['committee', 'gb_yizhong'] }

const caller = (over: {
  branchId?: string | null
  committeePosition?: MemberDoc['committeePosition']
  grants?: Grant[]
  tenantId?: string
  status?: MemberDoc['status']
}) => ({ tenantId: 't1', status: 'active' as const, branchId: null, committeePosition: null, grants: [], ...over })

const rows: [string, ReturnType<typeof caller>, typeof branch, BranchAccess][] = [
  ['bureau staff, any branch', caller({ grants: [{ role: 'bureau_staff' }] }), branch, 'manage'],
  ['bureau staff of another tenant', caller({ tenantId: 't2', grants: [{ role: 'bureau_staff' }] }), branch, 'none'],
  ['secretary, own branch', caller({ branchId: 'b_shiyan', committeePosition: 'secretary' }), branch, 'manage'],
  ['secretary, another branch', caller({ branchId: 'b_other', committeePosition: 'secretary' }), branch, 'none'],
  ['组织委员, own branch', caller({ branchId: 'b_shiyan', committeePosition: 'organization' }), branch, 'read'],
  ['plain member, own branch', caller({ branchId: 'b_shiyan' }), branch, 'none'],
  [
    'general-branch secretary, a branch under the 总支',
    caller({ grants: [{ role: 'general_branch_secretary', orgId: 'gb_yizhong' }] }),
    gbBranch,
    'manage',
  ],
  [
    'general-branch secretary, a branch outside the 总支',
    caller({ grants: [{ role: 'general_branch_secretary', orgId: 'gb_yizhong' }] }),
    branch,
    'none',
  ],
  ['instructor, assigned branch', caller({ grants: [{ role: 'instructor', orgIds: ['b_shiyan'] }] }), branch, 'read'],
  ['instructor, other branch', caller({ grants: [{ role: 'instructor', orgIds: ['b_x'] }] }), branch, 'none'],
  [
    'deactivated secretary, own branch',
    caller({ branchId: 'b_shiyan', committeePosition: 'secretary', status: 'inactive' }),
    branch,
    'none',
  ],
  [
    'deactivated general-branch secretary',
    caller({ grants: [{ role: 'general_branch_secretary', orgId: 'gb_yizhong' }], status: 'inactive' }),
    gbBranch,
    'none',
  ],
]

describe('branchAccess', () => {
  it.each(rows)('%s → %s', (_case, who, target, expected) => {
    expect(branchAccess(who, target)).toBe(expected)
  })
})
