import type { Me } from '../../../types/roster'
import {
  AWARD_PAGE,
  CLAIM_PAGE,
  LEADERBOARD_PAGE,
  POINTS_RULES_PAGE,
  REVIEW_PAGE,
  SCORE_IMPORT_PAGE,
} from '../../lib/routes'

/** One way into the points subpackage from the 积分 tab. */
export interface PointsEntry {
  key: 'leaderboard' | 'claim' | 'award' | 'review' | 'import' | 'rules'
  title: string
  url: string
}

/**
 * What the caller can do with points, by role: everyone sees the leaderboard
 * and claims items (申报); those who grant (secretaries, bureau) award,
 * review claims and import scores; bureau staff edit the rule catalogue.
 */
export function pointsEntriesFor(me: Me): PointsEntry[] {
  const has = (role: Me['roles'][number]) => me.roles.includes(role)
  const grants = has('branch_secretary') || has('general_branch_secretary') || has('bureau_staff')
  const entries: PointsEntry[] = [{ key: 'leaderboard', title: '积分排行榜', url: LEADERBOARD_PAGE }]
  if (me.branch) entries.push({ key: 'claim', title: '积分申报', url: CLAIM_PAGE })
  if (grants) {
    entries.push({ key: 'award', title: '发放积分', url: AWARD_PAGE })
    if (me.branch) {
      entries.push({ key: 'review', title: '审核申报', url: REVIEW_PAGE })
      entries.push({ key: 'import', title: '导入外部积分', url: SCORE_IMPORT_PAGE })
    }
  }
  if (has('bureau_staff')) entries.push({ key: 'rules', title: '积分细则', url: POINTS_RULES_PAGE })
  return entries
}
