import * as z from './zod'

/**
 * Roles a caller can hold. They are derived per call from the member document
 * (committee position, grants), never taken from the client.
 */
export const ROLES = [
  'member', // 党员
  'branch_committee', // 支部委员 (组织委员、宣传委员…)
  'branch_secretary', // 支部书记
  'general_branch_secretary', // 总支书记
  'instructor', // 党建指导员
  'bureau_staff', // 教育局党委 / 组织科
] as const

export const Role = z.enum(ROLES)
export type Role = z.infer<typeof Role>

/** Who may look at rosters at all; each action then checks the branch (cloudfunctions/domain/access/branch-access.ts). */
export const ROSTER_READERS = [
  'bureau_staff',
  'general_branch_secretary',
  'branch_secretary',
  'branch_committee',
  'instructor',
] as const satisfies readonly Role[]

/** Who may change a roster (add, edit, transfer, import, invite), again within their own branches. */
export const ROSTER_MANAGERS = [
  'bureau_staff',
  'general_branch_secretary',
  'branch_secretary',
] as const satisfies readonly Role[]
