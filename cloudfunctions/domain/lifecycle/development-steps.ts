import {
  type DevelopmentStage,
  type DevelopmentStep,
  MATERIAL_NAMES,
  type Material,
  STEP_NAMES,
} from '../../../types/lifecycle'

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
  application: {
    no: 1,
    name: STEP_NAMES.application,
    stage: 'applicant',
    after: [],
    materials: ['application_letter'],
  },
  application_talk: {
    no: 2,
    name: STEP_NAMES.application_talk,
    stage: 'applicant',
    after: ['application'],
    materials: ['talk_record'],
  },
  activist_decision: {
    no: 3,
    name: STEP_NAMES.activist_decision,
    stage: 'applicant',
    after: ['application_talk'],
    materials: ['recommendation', 'committee_minutes'],
  },
  activist_filing: {
    no: 4,
    name: STEP_NAMES.activist_filing,
    stage: 'activist',
    after: ['activist_decision'],
    materials: ['filing_form'],
  },
  contacts_assigned: {
    no: 5,
    name: STEP_NAMES.contacts_assigned,
    stage: 'activist',
    after: ['activist_decision'],
    materials: [],
  },
  training_review: {
    no: 6,
    name: STEP_NAMES.training_review,
    stage: 'activist',
    after: ['activist_decision'],
    materials: [],
  },
  candidate_decision: {
    no: 7,
    name: STEP_NAMES.candidate_decision,
    stage: 'activist',
    after: ['activist_filing', 'contacts_assigned'],
    materials: ['opinions', 'committee_minutes'],
  },
  candidate_filing: {
    no: 8,
    name: STEP_NAMES.candidate_filing,
    stage: 'candidate',
    after: ['candidate_decision'],
    materials: ['filing_form'],
  },
  introducers_assigned: {
    no: 9,
    name: STEP_NAMES.introducers_assigned,
    stage: 'candidate',
    after: ['candidate_decision'],
    materials: [],
  },
  political_review: {
    no: 10,
    name: STEP_NAMES.political_review,
    stage: 'candidate',
    after: ['candidate_decision'],
    materials: ['political_review_report'],
  },
  intensive_training: {
    no: 11,
    name: STEP_NAMES.intensive_training,
    stage: 'candidate',
    after: ['candidate_decision'],
    materials: ['training_certificate'],
  },
  committee_review: {
    no: 12,
    name: STEP_NAMES.committee_review,
    stage: 'candidate',
    after: ['candidate_filing', 'introducers_assigned', 'political_review', 'intensive_training'],
    materials: ['committee_minutes'],
  },
  pre_approval: {
    no: 13,
    name: STEP_NAMES.pre_approval,
    stage: 'candidate',
    after: ['committee_review'],
    materials: ['public_notice', 'pre_approval_notice'],
  },
  application_form: {
    no: 14,
    name: STEP_NAMES.application_form,
    stage: 'candidate',
    after: ['pre_approval'],
    materials: ['admission_form'],
  },
  admission_vote: {
    no: 15,
    name: STEP_NAMES.admission_vote,
    stage: 'candidate',
    after: ['application_form'],
    materials: ['general_meeting_minutes', 'resolution'],
  },
  approval_talk: {
    no: 16,
    name: STEP_NAMES.approval_talk,
    stage: 'candidate',
    after: ['admission_vote'],
    materials: ['talk_record'],
  },
  admission_approval: {
    no: 17,
    name: STEP_NAMES.admission_approval,
    stage: 'candidate',
    after: ['approval_talk'],
    materials: ['approval'],
  },
  admission_filing: {
    no: 18,
    name: STEP_NAMES.admission_filing,
    stage: 'probationary',
    after: ['admission_approval'],
    materials: ['filing_form'],
  },
  placement: {
    no: 19,
    name: STEP_NAMES.placement,
    stage: 'probationary',
    after: ['admission_approval'],
    materials: [],
  },
  oath: {
    no: 20,
    name: STEP_NAMES.oath,
    stage: 'probationary',
    after: ['admission_approval'],
    materials: ['oath_record'],
  },
  probation_review: {
    no: 21,
    name: STEP_NAMES.probation_review,
    stage: 'probationary',
    after: ['admission_approval'],
    materials: [],
  },
  conversion_application: {
    no: 22,
    name: STEP_NAMES.conversion_application,
    stage: 'probationary',
    after: ['placement', 'oath'],
    materials: ['conversion_letter'],
  },
  conversion_vote: {
    no: 23,
    name: STEP_NAMES.conversion_vote,
    stage: 'probationary',
    after: ['conversion_application'],
    materials: ['general_meeting_minutes', 'resolution'],
  },
  conversion_approval: {
    no: 24,
    name: STEP_NAMES.conversion_approval,
    stage: 'probationary',
    after: ['conversion_vote'],
    materials: ['approval'],
  },
  archiving: { no: 25, name: STEP_NAMES.archiving, stage: 'formal', after: ['conversion_approval'], materials: [] },
}

/** Steps the 转正 part may go through twice: once more after a 延长预备期. */
export const CONVERSION_STEPS = [
  'conversion_application',
  'conversion_vote',
  'conversion_approval',
] as const satisfies readonly DevelopmentStep[]

/** Names of the checklist materials (kept with the contracts, which the app shares). */
export { MATERIAL_NAMES }
