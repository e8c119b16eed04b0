import type { DevelopmentStage, DevelopmentStep, Material } from '../../../types/lifecycle'

/** One step of the 《中国共产党发展党员工作细则》 as the app knows it. */
export interface StepDefinition {
  /** The 细则's running number, 1–25. */
  no: number
  name: string
  /** The stage the person is in while this step is done. */
  stage: Exclude<DevelopmentStage, 'cancelled' | 'closed'>
  /** Steps that must be recorded before this one. */
  after: readonly DevelopmentStep[]
  /** The checklist: files expected once the step is recorded. */
  materials: readonly Material[]
}

/**
 * The 25 steps in five stages. `after` follows the 细则's order, with the
 * parallel steps it allows: 备案 and 培养联系人 after the 积极分子 decision;
 * 备案, 入党介绍人, 政审 and 集中培训 in any order once someone is a 发展对象;
 * 编入支部, 宣誓 and 备案 in any order after approval.
 */
export const STEPS: Record<DevelopmentStep, StepDefinition> = {
  application: { no: 1, name: '递交入党申请书', stage: 'applicant', after: [], materials: ['application_letter'] },
  application_talk: {
    no: 2,
    name: '党组织派人谈话',
    stage: 'applicant',
    after: ['application'],
    materials: ['talk_record'],
  },
  activist_decision: {
    no: 3,
    name: '确定入党积极分子',
    stage: 'applicant',
    after: ['application_talk'],
    materials: ['recommendation', 'committee_minutes'],
  },
  activist_filing: {
    no: 4,
    name: '报上级党委备案',
    stage: 'activist',
    after: ['activist_decision'],
    materials: ['filing_form'],
  },
  contacts_assigned: {
    no: 5,
    name: '指定培养联系人',
    stage: 'activist',
    after: ['activist_decision'],
    materials: [],
  },
  training_review: {
    no: 6,
    name: '培养教育考察',
    stage: 'activist',
    after: ['activist_decision'],
    materials: [],
  },
  candidate_decision: {
    no: 7,
    name: '确定发展对象',
    stage: 'activist',
    after: ['activist_filing', 'contacts_assigned'],
    materials: ['opinions', 'committee_minutes'],
  },
  candidate_filing: {
    no: 8,
    name: '报上级党委备案',
    stage: 'candidate',
    after: ['candidate_decision'],
    materials: ['filing_form'],
  },
  introducers_assigned: {
    no: 9,
    name: '确定入党介绍人',
    stage: 'candidate',
    after: ['candidate_decision'],
    materials: [],
  },
  political_review: {
    no: 10,
    name: '进行政治审查',
    stage: 'candidate',
    after: ['candidate_decision'],
    materials: ['political_review_report'],
  },
  intensive_training: {
    no: 11,
    name: '开展集中培训',
    stage: 'candidate',
    after: ['candidate_decision'],
    materials: ['training_certificate'],
  },
  committee_review: {
    no: 12,
    name: '支部委员会审查',
    stage: 'candidate',
    after: ['candidate_filing', 'introducers_assigned', 'political_review', 'intensive_training'],
    materials: ['committee_minutes'],
  },
  pre_approval: {
    no: 13,
    name: '上级党委预审',
    stage: 'candidate',
    after: ['committee_review'],
    materials: ['public_notice', 'pre_approval_notice'],
  },
  application_form: {
    no: 14,
    name: '填写入党志愿书',
    stage: 'candidate',
    after: ['pre_approval'],
    materials: ['admission_form'],
  },
  admission_vote: {
    no: 15,
    name: '支部大会讨论',
    stage: 'candidate',
    after: ['application_form'],
    materials: ['general_meeting_minutes', 'resolution'],
  },
  approval_talk: {
    no: 16,
    name: '上级党委派人谈话',
    stage: 'candidate',
    after: ['admission_vote'],
    materials: ['talk_record'],
  },
  admission_approval: {
    no: 17,
    name: '上级党委审批',
    stage: 'candidate',
    after: ['approval_talk'],
    materials: ['approval'],
  },
  admission_filing: {
    no: 18,
    name: '再上一级党委组织部门备案',
    stage: 'probationary',
    after: ['admission_approval'],
    materials: ['filing_form'],
  },
  placement: {
    no: 19,
    name: '编入党支部和党小组',
    stage: 'probationary',
    after: ['admission_approval'],
    materials: [],
  },
  oath: { no: 20, name: '入党宣誓', stage: 'probationary', after: ['admission_approval'], materials: ['oath_record'] },
  probation_review: {
    no: 21,
    name: '继续教育考察',
    stage: 'probationary',
    after: ['admission_approval'],
    materials: [],
  },
  conversion_application: {
    no: 22,
    name: '提出转正申请',
    stage: 'probationary',
    after: ['placement', 'oath'],
    materials: ['conversion_letter'],
  },
  conversion_vote: {
    no: 23,
    name: '支部大会讨论转正',
    stage: 'probationary',
    after: ['conversion_application'],
    materials: ['general_meeting_minutes', 'resolution'],
  },
  conversion_approval: {
    no: 24,
    name: '上级党委审批',
    stage: 'probationary',
    after: ['conversion_vote'],
    materials: ['approval'],
  },
  archiving: { no: 25, name: '材料归档', stage: 'formal', after: ['conversion_approval'], materials: [] },
}

/** Steps the 转正 part may go through twice: once more after a 延长预备期. */
export const CONVERSION_STEPS = [
  'conversion_application',
  'conversion_vote',
  'conversion_approval',
] as const satisfies readonly DevelopmentStep[]

/** Names of the checklist materials, as the file page and the register show them. */
export const MATERIAL_NAMES: Record<Material, string> = {
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
