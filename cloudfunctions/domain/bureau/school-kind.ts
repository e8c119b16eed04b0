import type { SchoolKind } from '../../../types/bureau'

/**
 * 学校类型 of a branch, read from its name and the schools a joint branch
 * covers (the roster keeps no separate field): 联合支部 → joint, 职业 → vocational,
 * 中学/初中/高中 → secondary, 小学 → primary.
 */
export function schoolKindOf(branch: { name: string; schools?: readonly string[] }): SchoolKind {
  const { name } = branch
  if (name.includes('联合') || (branch.schools?.length ?? 0) > 1) return 'joint'
  if (name.includes('职业') || name.includes('职校') || name.includes('中专')) return 'vocational'
  if (/中学|初中|高中|一中|二中/.test(name)) return 'secondary'
  if (name.includes('小学')) return 'primary'
  return 'other'
}
