/**
 * Every page a persona can reach, with real ids from the seeded demo (the
 * persona's own meetings, tasks, branch, a member of it, a behind cell of the
 * matrix…), read through the dev gateway as that persona. The layout journey
 * walks them all; the screenshots script picks the main ones.
 */
import * as route from '../../src/lib/routes'

export interface AppPage {
  /** A short name for messages and file names: 'meeting', 'bureau-matrix'. */
  name: string
  /** The page path and query, as Taro.navigateTo takes it. */
  path: string
}

type Reply<T> = { ok: true; data: T } | { ok: false; error: { code: string } }

/** Calls an action through the emulator's dev gateway as the persona with this OPENID. */
export async function asPersona<T>(base: string, openid: string, fn: string, action: string, data: unknown = {}) {
  const res = await fetch(`${base}/api/functions/${fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'X-WX-OPENID': openid },
    body: JSON.stringify({ action, data }),
  })
  return (await res.json()) as Reply<T>
}

const data = <T>(reply: Reply<T>): T | null => (reply.ok ? reply.data : null)

/** The year (Asia/Shanghai) of the emulator's instant, which the pages' clock shows too. */
async function emulatorYear(base: string): Promise<number> {
  const { now } = (await (await fetch(`${base}/api/_emulator/health`)).json()) as { now: number }
  return new Date(now + 8 * 3_600_000).getUTCFullYear()
}

interface Me {
  memberId: string
  roles: string[]
  branch: { id: string } | null
}

/** The pages of one persona, in the order a person would open them. */
export async function pagesOf(base: string, openid: string): Promise<AppPage[]> {
  const call = <T>(fn: string, action: string, input: unknown = {}) => asPersona<T>(base, openid, fn, action, input)
  const tabs: AppPage[] = [
    { name: 'home', path: route.HOME_PAGE },
    { name: 'meetings-tab', path: route.MEETINGS_TAB },
    { name: 'study-tab', path: route.STUDY_TAB },
    { name: 'points-tab', path: route.POINTS_TAB },
    { name: 'mine', path: route.MINE_PAGE },
  ]
  const me = data(await call<Me>('roster', 'me'))
  if (!me) {
    // A WeChat user nobody has bound: the tabs explain how to get bound; an invitation link that is not valid.
    return [
      ...tabs,
      { name: 'join-refused', path: '/subpackages/roster/pages/join/index?code=not-a-code' },
      // Not an applicant either: 我的入党进度 explains how to get an invitation; 确认身份 of a stale link.
      { name: 'development-mine', path: route.MY_DEVELOPMENT_PAGE },
      { name: 'development-accept', path: '/subpackages/lifecycle/pages/accept/index?code=not-a-code' },
    ]
  }
  const has = (...roles: string[]) => roles.some((role) => me.roles.includes(role))
  const manager = has('branch_secretary', 'general_branch_secretary', 'bureau_staff')
  const pages: AppPage[] = [
    ...tabs,
    { name: 'profile', path: route.PROFILE_PAGE },
    { name: 'points-leaderboard', path: route.LEADERBOARD_PAGE },
  ]
  const add = (name: string, path: string | null | undefined) => {
    if (path) pages.push({ name, path })
  }

  type Meetings = { items: { id: string; branchId: string }[] }
  const upcoming = data(await call<Meetings>('meetings', 'listMine', { when: 'upcoming', page: 1, pageSize: 5 }))
  const past = data(await call<Meetings>('meetings', 'listMine', { when: 'past', page: 1, pageSize: 5 }))
  const next = upcoming?.items[0]
  const last = past?.items[0]
  add('meeting-upcoming', next && route.meetingPageUrl(next.id))
  add('meeting-past', last && route.meetingPageUrl(last.id))

  type Tasks = { items: { id: string }[] }
  type Study = { history: { taskId: string }[] }
  const open = data(await call<Tasks>('study', 'myTasks', { status: 'open', page: 1, pageSize: 5 }))
  const studied = data(await call<Study>('study', 'myStudy', { page: 1, pageSize: 5 }))
  add('study-task', open?.items[0] && route.taskPageUrl(open.items[0].id))
  // The demo's open task links an article outside the web-view's domains: the page says so and offers the link.
  add('study-article', open?.items[0] && route.articlePageUrl(open.items[0].id))
  add('study-task-done', studied?.history[0] && route.taskPageUrl(studied.history[0].taskId))
  if (me.branch) add('points-claim', route.CLAIM_PAGE)

  if (me.branch && has('branch_secretary', 'branch_committee')) {
    add('branch-roster', route.branchPageUrl(me.branch.id))
    type Members = { items: { id: string }[] }
    const roster = data(await call<Members>('roster', 'listMembers', { branchId: me.branch.id, page: 1, pageSize: 5 }))
    const other = roster?.items.find((member) => member.id !== me.memberId)
    add('member', other && route.memberPageUrl(other.id))
    add('record-book', route.recordBookPageUrl(me.branch.id))
    const done = studied?.history[0]?.taskId ?? open?.items[0]?.id
    add('study-participation', done && route.participationPageUrl(done))
    add('development', route.developmentPageUrl(me.branch.id))
    type Files = { items: { id: string; nextStep: string | null }[] }
    const files = data(await call<Files>('lifecycle', 'listDevelopment', { branchId: me.branch.id, stage: 'activist' }))
    const file = files?.items[0]
    add('development-file', file && route.developmentFilePageUrl(file.id))
    if (has('branch_secretary')) {
      add('development-new', route.personPageUrl({ branchId: me.branch.id }))
      add('development-step', file?.nextStep && route.stepPageUrl(file.id, file.nextStep))
    }
    // 组织关系转接 and 流动党员 of the branch; the forms for those who record them.
    if (has('branch_secretary', 'branch_committee')) {
      add('transfers', route.transfersPageUrl(me.branch.id))
      add('floating', route.floatingPageUrl(me.branch.id))
    }
    if (has('branch_secretary')) {
      add('transfer-incoming', route.incomingTransferPageUrl(me.branch.id))
      add('transfer-letter', other && route.transferLetterPageUrl(other.id))
      add('floating-form', other && route.floatingFormPageUrl(other.id))
    }
  }
  if (manager) {
    add('schedule', route.SCHEDULE_PAGE)
    add('publish', route.PUBLISH_PAGE)
    add('award', route.AWARD_PAGE)
  }
  if (manager && me.branch) {
    add('robot', route.robotPageUrl(me.branch.id))
    // Issue #14: 本支部会议, 积分等级, 免于积分, the branch's node (组织管理) and its 支委会.
    add('branch-meetings', route.branchMeetingsPageUrl(me.branch.id))
    add('points-levels', route.pointsLevelsPageUrl(me.branch.id))
    add('points-exempt', route.exemptPageUrl(me.branch.id))
    add('org-branch', route.orgPageUrl(me.branch.id))
    add('org-posts', route.postsPageUrl(me.branch.id))
    add('org-new-group', route.newOrgPageUrl(me.branch.id, 'group'))
    add('review', route.REVIEW_PAGE)
    add('score-import', route.SCORE_IMPORT_PAGE)
    add('member-new', route.newMemberPageUrl(me.branch.id))
    add('roster-import', route.importPageUrl(me.branch.id))
    const managed = last ?? next
    if (managed && has('branch_secretary')) {
      add('roll', route.rollPageUrl(managed.id))
      add('leaves', route.leavesPageUrl(managed.id))
      add('minutes', route.minutesPageUrl(managed.id))
    }
  }
  if (has('bureau_staff', 'instructor')) {
    add('bureau-overview', route.OVERVIEW_PAGE)
    add('bureau-matrix', route.MATRIX_PAGE)
    add('bureau-leaderboard', route.BUREAU_LEADERBOARD_PAGE)
    add('bureau-study', route.BUREAU_STUDY_PAGE)
    type Matrix = { rows: { branchId: string; cells: { period: string; state: string }[] }[] }
    const matrix = data(await call<Matrix>('bureau', 'complianceMatrix', { page: 1, pageSize: 30 }))
    const cell = matrix?.rows
      .flatMap((row) => row.cells.map((c) => ({ ...c, branchId: row.branchId })))
      .find((c) => c.state === 'missing' || c.state === 'held')
    add('bureau-cell', cell && route.cellPageUrl(cell.branchId, cell.period))
  }
  // 年度工作: everyone's own part; the branch's pages for those who run it; the year view for those who look across.
  const year = await emulatorYear(base)
  type Round = { id: string; phase: string } | null
  if (me.branch) {
    add('yearly', route.YEARLY_PAGE)
    add('talks', route.talksPageUrl())
    add('record-talk', route.RECORD_TALK_PAGE)
    add('appraisal', route.appraisalPageUrl())
    const mine = data(await call<{ round: Round }>('yearly-cycle', 'myAppraisal', { year }))
    if (mine?.round) add('vote', route.votePageUrl(year))
    add('org-life-mine', route.MY_ORG_LIFE_PAGE)
    add('report', route.REPORT_PAGE)
  }
  if (me.branch && has('branch_secretary', 'branch_committee')) {
    add('talks-branch', route.talksPageUrl(me.branch.id))
    add('org-life', route.orgLifePageUrl(me.branch.id))
    add('appraisal-branch', route.appraisalPageUrl(me.branch.id))
    add('rectify', route.rectifyPageUrl(`${me.branch.id}:${year}`))
  }
  if (has('bureau_staff', 'general_branch_secretary', 'instructor')) {
    add('year-view', route.YEAR_VIEW_PAGE)
    // 调阅 of a branch whose 民主测评 has closed (the demo's 职业中学), and its results.
    const counted = data(
      await call<{ round: Round }>('yearly-cycle', 'appraisalRound', { branchId: 'org_b_zhizhong', year }),
    )
    if (counted?.round) {
      add('appraisal-other-branch', route.appraisalPageUrl('org_b_zhizhong'))
      add('appraisal-results', route.appraisalResultsPageUrl(counted.round.id))
    }
  }
  if (has('bureau_staff')) {
    add('report-round', route.REPORT_ROUND_PAGE)
    add('yearly-settings', route.YEARLY_SETTINGS_PAGE)
    type Reports = { round: { id: string } | null }
    const round = data(await call<Reports>('yearly-cycle', 'myReport', { year }))?.round
    type Results = { items: { reportId: string | null }[] }
    const results = round && data(await call<Results>('yearly-cycle', 'reportRoundResults', { roundId: round.id }))
    const submitted = results?.items.find((item) => item.reportId)?.reportId
    add('report-detail', submitted && route.reportDetailPageUrl(submitted))
  }
  if (has('bureau_staff', 'general_branch_secretary', 'instructor')) add('org-tree', route.TREE_PAGE)
  // 发展党员统计: the county for the bureau, the 党总支's or the guided branches for the others.
  if (has('bureau_staff', 'general_branch_secretary', 'instructor')) add('development-pipeline', route.PIPELINE_PAGE)
  if (has('bureau_staff')) {
    add('bureau-checks', route.CHECKS_PAGE)
    // Issue #14: 任职与权限, the 党委's node with 新建, a new branch's form, a branch's 修改信息.
    add('staff', route.STAFF_PAGE)
    add('org-committee', route.orgPageUrl('org_committee'))
    add('org-new-branch', route.newOrgPageUrl('org_committee', 'branch'))
    add('org-edit-branch', route.editOrgPageUrl('org_b_chengguan'))
    add('audit-log', route.AUDIT_PAGE)
    add('points-rules', route.POINTS_RULES_PAGE)
    add('conversions', route.CONVERSIONS_PAGE)
    add('meeting-rules', route.MEETING_RULES_PAGE)
    add('roster-import-bureau', route.importPageUrl(null))
    add('transfers-county', route.transfersPageUrl(null))
    add('floating-county', route.floatingPageUrl(null))
    // 消息记录, a dev page of the H5 build: walked once, with bureau staff.
    add('message-log', route.MESSAGE_LOG_PAGE)
    add('assessment-scheme', route.ASSESSMENT_SCHEME_PAGE)
  }
  // 五星支部考核: the round for those who look across branches, a branch's score for its own managers (and the bureau).
  if (has('bureau_staff', 'general_branch_secretary', 'instructor'))
    add('assessment-round', route.ASSESSMENT_ROUND_PAGE)
  if (me.branch && has('branch_secretary', 'branch_committee')) {
    add('assessment-branch', route.assessmentBranchPageUrl(me.branch.id))
  } else if (has('bureau_staff')) add('assessment-branch', route.assessmentBranchPageUrl('org_b_chengguan'))
  // 志愿服务, 党员示范岗 and 结对帮扶: everyone's list and posts; an activity of the demo (a branch's, or the bureau's
  // for those above branches); the publish form for those who publish; the pairs of the caller's branch.
  add('volunteer', route.VOLUNTEER_PAGE)
  add(
    'volunteer-activity',
    route.volunteerActivityPageUrl(me.branch?.id === 'org_b_shiyan' ? 'va_demo_held' : 'va_demo_county'),
  )
  if (has('bureau_staff', 'general_branch_secretary', 'branch_secretary'))
    add('volunteer-publish', route.VOLUNTEER_PUBLISH_PAGE)
  add('model-posts', route.modelPostsPageUrl())
  if (me.branch) add('pairs', route.pairsPageUrl(me.branch.id))
  // 党费: everyone's own year; the branch's month and a member of it for those who keep it; the bureau's rates.
  if (me.branch) add('dues-mine', route.MY_DUES_PAGE)
  if (me.branch && has('branch_secretary', 'branch_committee')) {
    add('dues-branch', route.duesBranchPageUrl(me.branch.id))
    type Sheet = { items: { memberId: string }[] }
    const month = `${year}-01`
    const sheet = data(await call<Sheet>('lifecycle', 'branchDuesSheet', { branchId: me.branch.id, month }))
    add('dues-member', sheet?.items[0] && route.duesMemberPageUrl(sheet.items[0].memberId, year))
  }
  if (me.branch && has('branch_secretary')) add('dues-import', route.duesImportPageUrl(me.branch.id))
  if (has('bureau_staff')) {
    add('dues-bureau', route.DUES_BUREAU_PAGE)
    add('dues-schedule', route.DUES_SCHEDULE_PAGE)
  }
  // 所辖支部 of a 总支书记 or 指导员, for 党费 and for 组织关系转接.
  if (!has('bureau_staff') && has('general_branch_secretary', 'instructor')) {
    add('overseen-dues', route.overseenBranchesPageUrl('dues'))
    add('overseen-transfers', route.overseenBranchesPageUrl('transfers'))
  }
  return pages
}
