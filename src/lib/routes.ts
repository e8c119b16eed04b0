/**
 * Every page's URL, spelled once: tab pages link into subpackages and
 * subpackages into each other only through these. Plain strings, so the main
 * package carries a few hundred bytes and no subpackage code.
 */
const q = encodeURIComponent

// Tab pages (main package)
export const HOME_PAGE = '/pages/home/index'
export const MEETINGS_TAB = '/pages/meetings/index'
export const STUDY_TAB = '/pages/study/index'
export const POINTS_TAB = '/pages/points/index'
export const MINE_PAGE = '/pages/mine/index'

// 组织与名册
const ROSTER = '/subpackages/roster/pages'
export const PROFILE_PAGE = `${ROSTER}/profile/index`
export const TREE_PAGE = `${ROSTER}/tree/index`
export const AUDIT_PAGE = `${ROSTER}/audit/index`
export const branchPageUrl = (branchId: string) => `${ROSTER}/branch/index?branchId=${q(branchId)}`
export const memberPageUrl = (memberId: string) => `${ROSTER}/member/index?memberId=${q(memberId)}`
export const newMemberPageUrl = (branchId: string) => `${ROSTER}/member/index?branchId=${q(branchId)}`
/** The memberId lets the invite page find the member's open invitations again after a reload. */
export const invitePageUrl = (code: string, memberId: string) =>
  `${ROSTER}/invite/index?code=${q(code)}&memberId=${q(memberId)}`
/** 组织管理: one node of the tree, what is under it and what may be done with it. */
export const orgPageUrl = (orgId: string) => `${ROSTER}/org/index?orgId=${q(orgId)}`
/** 新建 a node of `kind` under a parent, or (orgId) change one. */
export const newOrgPageUrl = (parentId: string, kind: 'general_branch' | 'branch' | 'group') =>
  `${ROSTER}/org-form/index?parentId=${q(parentId)}&kind=${q(kind)}`
export const editOrgPageUrl = (orgId: string) => `${ROSTER}/org-form/index?orgId=${q(orgId)}`
/** 支委会与党小组组长 of a branch. */
export const postsPageUrl = (branchId: string) => `${ROSTER}/posts/index?branchId=${q(branchId)}`
/** 任职与权限 above the branches (局党委、总支书记、党建指导员), for bureau staff. */
export const STAFF_PAGE = `${ROSTER}/staff/index`
/** 批量导入 into one branch, or (null) the whole bureau by the file's 所在党支部 column. */
export const importPageUrl = (branchId: string | null) =>
  branchId ? `${ROSTER}/import/index?branchId=${q(branchId)}` : `${ROSTER}/import/index`

// 三会一课
const MEETINGS = '/subpackages/meetings/pages'
export const meetingPageUrl = (meetingId: string) => `${MEETINGS}/meeting/index?id=${q(meetingId)}`
export const SCHEDULE_PAGE = `${MEETINGS}/schedule/index`
export const editMeetingPageUrl = (meetingId: string) => `${MEETINGS}/schedule/index?id=${q(meetingId)}`
/** 补录: a meeting already held, entered with its whole roll and minutes. */
export const BACKFILL_PAGE = `${MEETINGS}/backfill/index`
export const rollPageUrl = (meetingId: string) => `${MEETINGS}/roll/index?id=${q(meetingId)}`
export const leavesPageUrl = (meetingId: string) => `${MEETINGS}/leaves/index?id=${q(meetingId)}`
export const minutesPageUrl = (meetingId: string) => `${MEETINGS}/minutes/index?id=${q(meetingId)}`
export const recordBookPageUrl = (branchId: string) => `${MEETINGS}/record-book/index?branchId=${q(branchId)}`
export const robotPageUrl = (branchId: string) => `${MEETINGS}/robot/index?branchId=${q(branchId)}`
export const MEETING_RULES_PAGE = `${MEETINGS}/rules/index`
/** 本支部会议: a branch's meetings month by month, for its secretary. */
export const branchMeetingsPageUrl = (branchId: string) => `${MEETINGS}/branch/index?branchId=${q(branchId)}`

// 学习打卡
const STUDY = '/subpackages/study/pages'
export const taskPageUrl = (taskId: string) => `${STUDY}/task/index?taskId=${q(taskId)}`
export const PUBLISH_PAGE = `${STUDY}/publish/index`
/** 阅读文章: the task's article in a web-view (its link comes from the server, never the URL). */
export const articlePageUrl = (taskId: string) => `${STUDY}/article/index?taskId=${q(taskId)}`
export const participationPageUrl = (taskId: string, branchId?: string) =>
  `${STUDY}/participation/index?taskId=${q(taskId)}${branchId ? `&branchId=${q(branchId)}` : ''}`

// 党员积分
const POINTS = '/subpackages/points/pages'
export const LEADERBOARD_PAGE = `${POINTS}/leaderboard/index`
export const AWARD_PAGE = `${POINTS}/award/index`
export const CLAIM_PAGE = `${POINTS}/claim/index`
export const REVIEW_PAGE = `${POINTS}/review/index`
export const POINTS_RULES_PAGE = `${POINTS}/rules/index`
export const SCORE_IMPORT_PAGE = `${POINTS}/import/index`
export const CONVERSIONS_PAGE = `${POINTS}/conversions/index`
export const pointsLevelsPageUrl = (branchId: string) => `${POINTS}/levels/index?branchId=${q(branchId)}`
export const exemptPageUrl = (branchId: string) => `${POINTS}/exempt/index?branchId=${q(branchId)}`

// 党建督导
const BUREAU = '/subpackages/bureau/pages'
export const OVERVIEW_PAGE = `${BUREAU}/overview/index`
export const MATRIX_PAGE = `${BUREAU}/matrix/index`
export const cellPageUrl = (branchId: string, period: string) =>
  `${BUREAU}/cell/index?branchId=${q(branchId)}&period=${q(period)}`
export const BUREAU_LEADERBOARD_PAGE = `${BUREAU}/leaderboard/index`
export const BUREAU_STUDY_PAGE = `${BUREAU}/study/index`
export const CHECKS_PAGE = `${BUREAU}/checks/index`

// 五星支部考核 assessment
const ASSESSMENT = '/subpackages/assessment/pages'
export const ASSESSMENT_ROUND_PAGE = `${ASSESSMENT}/round/index`
export const ASSESSMENT_SCHEME_PAGE = `${ASSESSMENT}/scheme/index`
/** 支部得分: a branch's score in the year's round (the caller's own branch when none is named). */
export const assessmentBranchPageUrl = (branchId?: string) =>
  `${ASSESSMENT}/branch/index${branchId ? `?branchId=${q(branchId)}` : ''}`
/** 志愿服务: activities open to the caller, their hours this year. */
export const VOLUNTEER_PAGE = `${ASSESSMENT}/volunteer/index`
export const VOLUNTEER_PUBLISH_PAGE = `${ASSESSMENT}/publish/index`
export const volunteerActivityPageUrl = (activityId: string) => `${ASSESSMENT}/activity/index?id=${q(activityId)}`
/** 党员示范岗 / 先锋岗 / 责任区: the caller's posts and their branch's (or a named branch's). */
export const modelPostsPageUrl = (branchId?: string) =>
  `${ASSESSMENT}/posts/index${branchId ? `?branchId=${q(branchId)}` : ''}`
/** 结对帮扶 of a branch. */
export const pairsPageUrl = (branchId: string) => `${ASSESSMENT}/pairs/index?branchId=${q(branchId)}`
// 发展党员
const LIFECYCLE = '/subpackages/lifecycle/pages'
export const developmentPageUrl = (branchId: string) => `${LIFECYCLE}/development/index?branchId=${q(branchId)}`
export const developmentFilePageUrl = (fileId: string) => `${LIFECYCLE}/file/index?id=${q(fileId)}`
/** 新建档案 in a branch, or (with a fileId) 编辑信息 of a file. */
export const personPageUrl = (target: { branchId: string } | { fileId: string }) =>
  'fileId' in target
    ? `${LIFECYCLE}/person/index?fileId=${q(target.fileId)}`
    : `${LIFECYCLE}/person/index?branchId=${q(target.branchId)}`
export const stepPageUrl = (fileId: string, step: string) =>
  `${LIFECYCLE}/step/index?fileId=${q(fileId)}&step=${q(step)}`
export const MY_DEVELOPMENT_PAGE = `${LIFECYCLE}/mine/index`
export const PIPELINE_PAGE = `${LIFECYCLE}/pipeline/index`
// 党费 (in the lifecycle subpackage)
export const MY_DUES_PAGE = `${LIFECYCLE}/dues-mine/index`
export const duesBranchPageUrl = (branchId: string) => `${LIFECYCLE}/dues-branch/index?branchId=${q(branchId)}`
export const duesMemberPageUrl = (memberId: string, year: number) =>
  `${LIFECYCLE}/dues-member/index?memberId=${q(memberId)}&year=${year}`
export const DUES_BUREAU_PAGE = `${LIFECYCLE}/dues-bureau/index`
export const DUES_SCHEDULE_PAGE = `${LIFECYCLE}/dues-schedule/index`
export const duesImportPageUrl = (branchId: string) => `${LIFECYCLE}/dues-import/index?branchId=${q(branchId)}`

// 组织关系转接 and 流动党员; a page without a branch is the bureau's view of the whole county.
const TRANSFERS = '/subpackages/transfers/pages'
const branchParam = (branchId?: string | null) => (branchId ? `?branchId=${q(branchId)}` : '')
export const transfersPageUrl = (branchId?: string | null) => `${TRANSFERS}/index/index${branchParam(branchId)}`
export const transferLetterPageUrl = (memberId: string) => `${TRANSFERS}/letter/index?memberId=${q(memberId)}`
export const incomingTransferPageUrl = (branchId: string) => `${TRANSFERS}/incoming/index?branchId=${q(branchId)}`
export const floatingPageUrl = (branchId?: string | null) => `${TRANSFERS}/floating/index${branchParam(branchId)}`
export const floatingFormPageUrl = (memberId: string) => `${TRANSFERS}/floating-form/index?memberId=${q(memberId)}`

// 年度工作 (谈心谈话, 组织生活会, 民主评议, 书记述职); a branch's pages take the branch for 调阅 from the year view.
const YEARLY = '/subpackages/yearly-cycle/pages'
const branchQuery = (branchId?: string | null) => (branchId ? `?branchId=${q(branchId)}` : '')
export const YEARLY_PAGE = `${YEARLY}/index/index`
export const talksPageUrl = (branchId?: string | null) => `${YEARLY}/talks/index${branchQuery(branchId)}`
export const RECORD_TALK_PAGE = `${YEARLY}/record-talk/index`
export const orgLifePageUrl = (branchId: string) => `${YEARLY}/org-life/index${branchQuery(branchId)}`
export const appraisalPageUrl = (branchId?: string | null) => `${YEARLY}/appraisal/index${branchQuery(branchId)}`
export const votePageUrl = (year: number) => `${YEARLY}/vote/index?year=${year}`
export const appraisalResultsPageUrl = (roundId: string) => `${YEARLY}/results/index?roundId=${q(roundId)}`
export const YEAR_VIEW_PAGE = `${YEARLY}/year/index`
export const REPORT_PAGE = `${YEARLY}/report/index`
export const REPORT_ROUND_PAGE = `${YEARLY}/report-round/index`
export const YEARLY_SETTINGS_PAGE = `${YEARLY}/settings/index`
export const MY_ORG_LIFE_PAGE = `${YEARLY}/org-life-mine/index`
export const rectifyPageUrl = (orgLifeId: string) => `${YEARLY}/rectify/index?orgLifeId=${q(orgLifeId)}`
export const reportDetailPageUrl = (reportId: string) => `${YEARLY}/report-detail/index?reportId=${q(reportId)}`

/** The persona picker and 消息记录 exist only in the H5 build (see app.config.ts). */
export const PERSONA_PICKER_PAGE = '/subpackages/dev/pages/persona/index'
export const MESSAGE_LOG_PAGE = '/subpackages/dev/pages/messages/index'
