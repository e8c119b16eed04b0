import type { MeetingType } from '../../types/meetings'

/** The names a 记录本 and a message use for each type. */
export const MEETING_TYPE_NAMES: Record<MeetingType, string> = {
  general_meeting: '支部党员大会',
  committee_meeting: '支委会',
  group_meeting: '党小组会',
  lecture: '党课',
  theme_day: '主题党日',
  org_life: '组织生活会',
  appraisal: '民主评议党员',
  study: '集中学习',
  other: '其他',
}
