/**
 * The 发展党员 vocabulary without zod: the stages, steps, materials, teaching
 * roles and their Chinese names, and the 支部大会 verdict. The pages import
 * these (a subpackage that imported types/lifecycle.ts for them would carry
 * zod); types/lifecycle.ts builds its schemas on them and re-exports them.
 */

/** The five stages of the 《中国共产党发展党员工作细则》, and how a file may end early. */
export const DEVELOPMENT_STAGES = [
  'applicant', // 入党申请人
  'activist', // 入党积极分子
  'candidate', // 发展对象
  'probationary', // 预备党员
  'formal', // 正式党员
  'cancelled', // 取消预备党员资格
  'closed', // 档案终止 (withdrew, left the school…)
] as const

/** The 细则's 25 steps, in order (numbers 1–25 in cloudfunctions/domain/lifecycle/development-steps.ts). */
export const DEVELOPMENT_STEPS = [
  'application', // 1 递交入党申请书
  'application_talk', // 2 党组织派人谈话 (within a month)
  'activist_decision', // 3 推荐和确定入党积极分子 (支委会)
  'activist_filing', // 4 报上级党委备案
  'contacts_assigned', // 5 指定培养联系人
  'training_review', // 6 培养教育考察 (kept as 考察记录, never recorded as a step)
  'candidate_decision', // 7 确定发展对象 (≥ 1 year after step 3)
  'candidate_filing', // 8 报上级党委备案
  'introducers_assigned', // 9 确定入党介绍人
  'political_review', // 10 进行政治审查
  'intensive_training', // 11 开展集中培训
  'committee_review', // 12 支部委员会审查
  'pre_approval', // 13 上级党委预审 (with 公示)
  'application_form', // 14 填写入党志愿书
  'admission_vote', // 15 支部大会讨论 (接收预备党员)
  'approval_talk', // 16 上级党委派人谈话
  'admission_approval', // 17 上级党委审批 (within 3 months)
  'admission_filing', // 18 再上一级党委组织部门备案
  'placement', // 19 编入党支部和党小组
  'oath', // 20 入党宣誓
  'probation_review', // 21 继续教育考察 (kept as 考察记录, never recorded as a step)
  'conversion_application', // 22 提出转正申请
  'conversion_vote', // 23 支部大会讨论 (转正 / 延长预备期 / 取消资格)
  'conversion_approval', // 24 上级党委审批
  'archiving', // 25 材料归档
] as const

/** Materials a step's checklist asks for (uploaded files; never identity numbers). */
export const MATERIALS = [
  'application_letter', // 入党申请书
  'talk_record', // 谈话记录
  'recommendation', // 党员推荐、群团组织推优材料
  'committee_minutes', // 支委会会议记录
  'filing_form', // 备案表
  'opinions', // 党小组、培养联系人、党员和群众意见
  'political_review_report', // 政治审查结论性材料
  'training_certificate', // 集中培训结业证明
  'public_notice', // 公示材料
  'pre_approval_notice', // 预审意见
  'admission_form', // 入党志愿书
  'general_meeting_minutes', // 支部大会记录
  'resolution', // 支部大会决议
  'approval', // 上级党委审批意见
  'oath_record', // 入党宣誓记录
  'conversion_letter', // 转正申请书
] as const

/** The 细则's names of the 25 steps, as pages, texts and the register show them. */
export const STEP_NAMES: Record<(typeof DEVELOPMENT_STEPS)[number], string> = {
  application: '递交入党申请书',
  application_talk: '党组织派人谈话',
  activist_decision: '确定入党积极分子',
  activist_filing: '报上级党委备案',
  contacts_assigned: '指定培养联系人',
  training_review: '培养教育考察',
  candidate_decision: '确定发展对象',
  candidate_filing: '报上级党委备案',
  introducers_assigned: '确定入党介绍人',
  political_review: '进行政治审查',
  intensive_training: '开展集中培训',
  committee_review: '支部委员会审查',
  pre_approval: '上级党委预审',
  application_form: '填写入党志愿书',
  admission_vote: '支部大会讨论',
  approval_talk: '上级党委派人谈话',
  admission_approval: '上级党委审批',
  admission_filing: '再上一级党委组织部门备案',
  placement: '编入党支部和党小组',
  oath: '入党宣誓',
  probation_review: '继续教育考察',
  conversion_application: '提出转正申请',
  conversion_vote: '支部大会讨论转正',
  conversion_approval: '上级党委审批',
  archiving: '材料归档',
}

/** Names of the checklist materials, as the file page and the register show them. */
export const MATERIAL_NAMES: Record<(typeof MATERIALS)[number], string> = {
  application_letter: '入党申请书',
  talk_record: '谈话记录',
  recommendation: '党员推荐、群团组织推优材料',
  committee_minutes: '支委会会议记录',
  filing_form: '备案表',
  opinions: '党小组、培养联系人、党员和群众意见',
  political_review_report: '政治审查结论性材料',
  training_certificate: '集中培训结业证明',
  public_notice: '公示材料',
  pre_approval_notice: '预审意见',
  admission_form: '入党志愿书',
  general_meeting_minutes: '支部大会记录',
  resolution: '支部大会决议',
  approval: '上级党委审批意见',
  oath_record: '入党宣誓记录',
  conversion_letter: '转正申请书',
}

/** What each stage is called (the 细则's five, and how a file may end early). */
export const STAGE_NAMES: Record<(typeof DEVELOPMENT_STAGES)[number], string> = {
  applicant: '入党申请人',
  activist: '入党积极分子',
  candidate: '发展对象',
  probationary: '预备党员',
  formal: '正式党员',
  cancelled: '已取消预备党员资格',
  closed: '档案已终止',
}

/** 双培养: the person's role at the school, for reporting the pipeline by teaching role. */
export const TEACHING_ROLES = [
  'teacher', // 专任教师
  'head_teacher', // 班主任
  'manager', // 学校管理人员
  'staff', // 其他教职工
  'student', // 学生 (高中、职业中专)
] as const

export const TEACHING_ROLE_NAMES: Record<(typeof TEACHING_ROLES)[number], string> = {
  teacher: '专任教师',
  head_teacher: '班主任',
  manager: '学校管理人员',
  staff: '其他教职工',
  student: '学生',
}

export type VoteVerdict = 'carried' | 'no_quorum' | 'too_few_in_favour'

/** 支部大会 表决: who could vote, who came, who voted for. */
export interface VoteCounts {
  eligible: number
  present: number
  inFavour: number
}

/**
 * A 支部大会 resolution on admitting or converting a member (细则第二十四条):
 * more than half of the formal members entitled to vote must be present, and
 * more than half of them (of those entitled, not of those present) must vote
 * for it. 9 entitled: 5 present and 5 in favour carries; 4 does not. Kept with
 * the contract so the step form shows the verdict the server will reach.
 */
export function voteVerdict(vote: VoteCounts): VoteVerdict {
  if (vote.present * 2 <= vote.eligible) return 'no_quorum'
  if (vote.inFavour * 2 <= vote.eligible) return 'too_few_in_favour'
  return 'carried'
}

export const CONVERSION_OUTCOMES = [
  'convert', // 按期转正
  'extend', // 延长预备期 (6–12 months, once)
  'cancel', // 取消预备党员资格
] as const
