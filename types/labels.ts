import type { CellState, ComplianceStatus, MeetingRecordState } from './compliance'
import type { Frequency, MeetingType } from './meetings'
import type { Role } from './roles'
import type { CommitteePosition, MemberType, OrgKind, SchoolType } from './roster'

// Display names of domain values, kept free of zod so the mini-program's main
// package can import them without pulling in the schema library.

export const ROLE_LABELS: Record<Role, string> = {
  member: '党员',
  branch_committee: '支部委员',
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
 * meeting, with every type it counts as (【组织生活会·民主评议党员】).
 * Secretaries often begin a title with its type (党小组会：学习…); the type is
 * said once, in the brackets.
 */
export function meetingHeading(meeting: {
  type: MeetingType
  alsoCounts?: readonly MeetingType[]
  title: string
}): string {
  const type = MEETING_TYPE_LABELS[meeting.type]
  // Only a type set off by punctuation or a space: 支委会1 is a name, 支委会：研究… a repeat.
  const repeated = meeting.title.startsWith(type)
    ? /^[\s：:，,、—–-]+(.+)$/.exec(meeting.title.slice(type.length))
    : null
  return `【${meetingTypesLabel(meeting)}】${repeated ? repeated[1] : meeting.title}`
}

/** What holding each type is called: 讲党课, 开展主题党日, 召开支委会 (never 召开党课). */
export const MEETING_TYPE_ACTIONS: Record<MeetingType, string> = {
  general_meeting: '召开支部党员大会',
  committee_meeting: '召开支委会',
  group_meeting: '召开党小组会',
  lecture: '讲党课',
  theme_day: '开展主题党日',
  org_life: '召开组织生活会',
  appraisal: '开展民主评议党员',
  study: '组织集中学习',
  other: '开展活动',
}

/** A meeting as a heading names every type it counts as: 【组织生活会·民主评议党员】. */
export const meetingTypesLabel = (meeting: { type: MeetingType; alsoCounts?: readonly MeetingType[] }) =>
  [meeting.type, ...(meeting.alsoCounts ?? [])].map((type) => MEETING_TYPE_LABELS[type]).join('·')

/** The record of one meeting (会议记录情况). */
export const MEETING_RECORD_LABELS: Record<MeetingRecordState, string> = {
  upcoming: '未开始',
  running: '进行中',
  awaiting_record: '待补记录',
  held: '已开展',
  no_quorum: '未达法定人数',
  missing: '未开展',
  cancelled: '已取消',
}

/** A branch's period in the matrix, its legend, the overview, reports and exports. */
export const CELL_STATE_LABELS: Record<CellState, string> = {
  held: '已开展',
  late: '已补开',
  awaiting: '待补记录',
  no_quorum: '未达法定人数',
  missing: '未开展',
  not_required: '无需',
  open: '进行中',
  future: '未到期',
  none: '无记录',
}

/** What each state means, as the matrix's legend explains it. */
export const CELL_STATE_HINTS: Record<CellState, string> = {
  held: '规定会议均已开展，考勤和会议记录齐全',
  late: '逾期后补开并有记录',
  awaiting: '会议已举行，考勤或会议记录尚待补录',
  no_quorum: '党员大会到会的有表决权党员未过半数',
  missing: '规定会议未开展，或未在时限内补录记录',
  not_required: '本期没有到期的规定会议',
  open: '本期尚未结束',
  future: '尚未开始',
  none: '早于系统启用，无记录',
}

/** One requirement's status (a cell's items, the secretary's card). */
export const ITEM_STATUS_LABELS: Record<ComplianceStatus, string> = {
  held: '已开展',
  held_late: '已补开',
  awaiting_record: '待补记录',
  no_quorum: '未达法定人数',
  planned: '已安排',
  due: '待开展',
  missing: '未开展',
}

/** How often a type is required, as the rules page and the cards say it. */
export const FREQUENCY_LABELS: Record<Frequency, string> = {
  month: '每月',
  quarter: '每季度',
  half: '每半年',
  year: '每年',
  term: '每学期',
}

/** 党员示范岗 / 先锋岗 / 责任区 as the branch names them. */
export const POST_KIND_LABELS = {
  model_post: '党员示范岗',
  pioneer_post: '党员先锋岗',
  responsibility_area: '党员责任区',
} as const
