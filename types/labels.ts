import type { MeetingType } from './meetings'
import type { Role } from './roles'
import type { CommitteePosition, MemberType, OrgKind, SchoolType } from './roster'

// Display names of domain values, kept free of zod so the mini-program's main
// package can import them without pulling in the schema library.

export const ROLE_LABELS: Record<Role, string> = {
  member: '党员',
  branch_committee: '支委委员',
  branch_secretary: '支部书记',
  general_branch_secretary: '总支书记',
  instructor: '党建指导员',
  bureau_staff: '教育局党委',
}

export const COMMITTEE_POSITION_LABELS: Record<CommitteePosition, string> = {
  secretary: '书记',
  deputy_secretary: '副书记',
  organization: '组织委员',
  publicity: '宣传委员',
  discipline: '纪检委员',
  committee_member: '委员',
}

export const ORG_KIND_LABELS: Record<OrgKind, string> = {
  committee: '党委',
  general_branch: '党总支',
  branch: '党支部',
  group: '党小组',
}

export const SCHOOL_TYPE_LABELS: Record<SchoolType, string> = {
  kindergarten: '幼儿园',
  primary: '小学',
  junior: '初中',
  nine_year: '九年一贯制',
  senior: '高中',
  complete: '完全中学',
  vocational: '职业学校',
  special: '特殊教育',
  teaching_point: '教学点',
  other: '其他',
}

/** 积分等级: the level of a year's points (see GradeBands); never 优秀/合格, which are 民主评议's words. */
export const POINTS_LEVEL_LABELS = {
  excellent: 'A级',
  qualified: 'B级',
  basic: 'C级',
  unqualified: 'D级',
} as const

/** Why a member is 免于积分. */
export const EXEMPT_REASON_LABELS = { retired: '退休', away: '长期外出', ill: '病休' } as const

export const MEMBER_TYPE_LABELS: Record<MemberType, string> = {
  formal: '正式党员',
  probationary: '预备党员',
}

/** 三会一课 meeting types as every page, message, record book and export names them. */
export const MEETING_TYPE_LABELS: Record<MeetingType, string> = {
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

/**
 * 【党小组会】学习新修订的纪律处分条例: how every list, card and export names a
 * meeting. Secretaries often begin a title with its type (党小组会：学习…); the
 * type is said once, in the brackets.
 */
export function meetingHeading(meeting: { type: MeetingType; title: string }): string {
  const type = MEETING_TYPE_LABELS[meeting.type]
  // Only a type set off by punctuation or a space: 支委会1 is a name, 支委会：研究… a repeat.
  const repeated = meeting.title.startsWith(type)
    ? /^[\s：:，,、—–-]+(.+)$/.exec(meeting.title.slice(type.length))
    : null
  return `【${type}】${repeated ? repeated[1] : meeting.title}`
}
