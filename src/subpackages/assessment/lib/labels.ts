import type { IndicatorScore } from '../../../../types/assessment'

const STAR_NAMES = ['', '一星', '二星', '三星', '四星', '五星']

/** 五星支部 reads as stars and words both: ★★★★☆ is hard to count aloud. */
export function starsText(stars: number): string {
  return stars > 0 ? `${'★'.repeat(stars)} ${STAR_NAMES[stars]}` : '未达星级'
}

/** How an indicator's score stands, as the branch reads it. */
export const SCORE_STATE_LABELS: Record<IndicatorScore['state'], string> = {
  computed: '系统计算',
  no_data: '暂无数据',
  not_submitted: '未填写',
  claimed: '待评分',
  scored: '已评分',
}

/** '8.5 / 10 分', or '— / 10 分' while nothing stands in. */
export const scoreOfMax = (score: number | null, max: number) => `${score ?? '—'} / ${max} 分`

export { POST_KIND_LABELS } from '../../../../types/labels'

export const PAIR_KIND_LABELS = {
  member_student: '党员结对学生',
  member_family: '党员结对家庭',
  branch_branch: '支部结对共建',
} as const

/** Hours as a person says them: 2 小时, 2.5 小时. */
export const hoursText = (hours: number) => `${hours} 小时`

/** Who may publish activities, designate posts, record hours and pairs (the server checks each branch). */
export const ENGAGEMENT_MANAGERS = ['branch_secretary', 'general_branch_secretary', 'bureau_staff'] as const
