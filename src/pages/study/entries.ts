import type { Me } from '../../../types/roster'

/** Who may publish study tasks (发布学习任务): secretaries for their branches, bureau staff for any. */
export function canPublishStudy(me: Me | null): boolean {
  return !!me?.roles.some(
    (role) => role === 'bureau_staff' || role === 'general_branch_secretary' || role === 'branch_secretary',
  )
}
