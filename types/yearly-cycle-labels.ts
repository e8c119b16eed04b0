// Display names of the yearly cycle's values (年度工作), kept free of zod like types/labels.ts so pages and
// exports share one wording without pulling in the schema library.

type Grade = 'excellent' | 'qualified' | 'basic' | 'unqualified'
type Rating = 'good' | 'fairly_good' | 'fair' | 'poor'
type Step = 'theme' | 'opinions' | 'talks' | 'self_examinations' | 'meeting' | 'rectification' | 'report'
type Phase = 'self_review' | 'voting' | 'counting' | 'decided'

/** 民主评议 等次 (the 党员大会's decision; the same four words as the points bands, never derived from them). */
export const GRADE_LABELS: Record<Grade, string> = {
  excellent: '优秀',
  qualified: '合格',
  basic: '基本合格',
  unqualified: '不合格',
}

export const REPORT_RATING_LABELS: Record<Rating, string> = {
  good: '好',
  fairly_good: '较好',
  fair: '一般',
  poor: '差',
}

export const ORG_LIFE_STEP_LABELS: Record<Step, string> = {
  theme: '确定主题',
  opinions: '会前征求意见',
  talks: '谈心谈话',
  self_examinations: '对照检查',
  meeting: '召开组织生活会',
  rectification: '整改清单',
  report: '情况报告',
}

export const APPRAISAL_PHASE_LABELS: Record<Phase, string> = {
  self_review: '个人自评',
  voting: '民主测评中',
  counting: '测评已截止',
  decided: '等次已确定',
}

export const EXEMPTION_REASON_LABELS: Record<'illness' | 'away' | 'other', string> = {
  illness: '病休',
  away: '长期外出',
  other: '其他',
}

export const UNQUALIFIED_OUTCOME_LABELS: Record<'rectify' | 'advise_withdrawal' | 'removal', string> = {
  rectify: '限期改正',
  advise_withdrawal: '劝其退党',
  removal: '除名',
}

export const REPORT_STATUS_LABELS: Record<'missing' | 'submitted' | 'late', string> = {
  missing: '未提交',
  submitted: '已提交',
  late: '逾期提交',
}
