import { tabViewFor } from '../../src/lib/tab-view'
import type { Me } from '../../types/roster'

const branch = { id: 'org_b_shiyan', name: '实验小学党支部', joint: false }
const view = (roles: Me['roles'], inBranch: boolean) => tabViewFor({ roles, branch: inBranch ? branch : null })

describe('what the 会议, 学习 and 积分 tabs show (issue #14 §4)', () => {
  test('a 局党委 account outside every roster: the branches’ oversight only, never a personal 0', () => {
    expect(view(['bureau_staff'], false)).toEqual({ oversight: true, own: false, name: 'oversight' })
    expect(view(['instructor'], false)).toEqual({ oversight: true, own: false, name: 'oversight' })
  })

  test('bureau staff or a 党建指导员 who is also a branch’s member: both', () => {
    expect(view(['member', 'bureau_staff'], true)).toEqual({ oversight: true, own: true, name: 'both' })
    expect(view(['member', 'instructor'], true)).toEqual({ oversight: true, own: true, name: 'both' })
  })

  test('members, committee members and secretaries: their own', () => {
    for (const roles of [['member'], ['member', 'branch_committee'], ['member', 'branch_secretary']] as Me['roles'][])
      expect(view(roles, true)).toEqual({ oversight: false, own: true, name: 'own' })
    expect(view(['member', 'general_branch_secretary'], true).name).toBe('own')
  })
})
