import type { SchoolKind } from '../../../types/bureau'
import type { School, SchoolType } from '../../../types/roster'

/** The bureau's coarse filter (小学/中学/职业学校/联合支部) from the roster's 学校类型. */
const KIND_OF_TYPE: Record<SchoolType, SchoolKind> = {
  kindergarten: 'other',
  primary: 'primary',
  teaching_point: 'primary',
  junior: 'secondary',
  senior: 'secondary',
  complete: 'secondary',
  nine_year: 'secondary',
  vocational: 'vocational',
  special: 'other',
  other: 'other',
}

/**
 * 学校类型 of a branch for the bureau's filters: a 联合支部 (two or more schools)
 * is joint; a branch with its school's type set reads that; a branch made
 * before schools were kept is read from its name (职业 → vocational,
 * 中学/初中/高中 → secondary, 小学 → primary).
 */
export function schoolKindOf(branch: { name: string; schools?: readonly School[] }): SchoolKind {
  const { name, schools = [] } = branch
  if (schools.length >= 2 || name.includes('联合')) return 'joint'
  if (schools.length === 1) return KIND_OF_TYPE[schools[0].type]
  if (name.includes('职业') || name.includes('职校') || name.includes('中专')) return 'vocational'
  if (/中学|初中|高中|一中|二中/.test(name)) return 'secondary'
  if (name.includes('小学')) return 'primary'
  return 'other'
}
