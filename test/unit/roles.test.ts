import { rolesOf } from '../../cloudfunctions/domain/access/roles'
import type { Grant, MemberDoc } from '../../types/roster'

type Row = [string, Pick<MemberDoc, 'status' | 'branchId' | 'committeePosition' | 'grants'>, string[]]

const person = (
  branchId: string | null,
  committeePosition: MemberDoc['committeePosition'],
  grants: Grant[] = [],
  status: MemberDoc['status'] = 'active',
) => ({ branchId, committeePosition, grants, status })

const rows: Row[] = [
  ['a plain member of a branch', person('b1', null), ['member']],
  ['a branch secretary (书记)', person('b1', 'secretary'), ['member', 'branch_secretary']],
  ['an organisation officer (组织委员)', person('b1', 'organization'), ['member', 'branch_committee']],
  ['a deputy secretary (副书记)', person('b1', 'deputy_secretary'), ['member', 'branch_committee']],
  ['bureau staff without a branch', person(null, null, [{ role: 'bureau_staff' }]), ['bureau_staff']],
  [
    'a general-branch secretary who also runs a branch',
    person('b1', 'secretary', [{ role: 'general_branch_secretary', orgId: 'gb1' }]),
    ['member', 'branch_secretary', 'general_branch_secretary'],
  ],
  ['an instructor', person(null, null, [{ role: 'instructor', orgIds: ['b2'] }]), ['instructor']],
  ['a deactivated secretary', person('b1', 'secretary', [], 'inactive'), []],
]

describe('rolesOf', () => {
  it.each(rows)('%s', (_case, member, roles) => {
    expect(rolesOf(member).sort()).toEqual([...roles].sort())
  })
})
