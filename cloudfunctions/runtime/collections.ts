import type {
  AssessmentEntryDoc,
  AssessmentResultDoc,
  AssessmentRoundDoc,
  AssessmentSchemeDoc,
  AssessmentSubmissionDoc,
  DesignationDoc,
  PairDoc,
  PairVisitDoc,
  PostDeedDoc,
  VolunteerActivityDoc,
  VolunteerBranchYearDoc,
  VolunteerHoursDoc,
  VolunteerSignupDoc,
} from '../../types/assessment'
import type { ReminderDoc } from '../../types/bureau'
import type { DomainEvent } from '../../types/events'
import type {
  ApplicantBindingDoc,
  ApplicantInvitationDoc,
  DevelopmentFileDoc,
  DuesBaseDoc,
  DuesBranchMonthDoc,
  DuesImportDoc,
  DuesPaymentDoc,
  DuesReductionDoc,
  DuesRunDoc,
  DuesSchedule,
  DuesStatusDoc,
  FloatingDoc,
  TransferDoc,
} from '../../types/lifecycle'
import type { MeetingDigestDoc } from '../../types/meeting-digest'
import type {
  AttendanceDoc,
  CheckInTriesDoc,
  LeaveDoc,
  MeetingDoc,
  MeetingRulesDoc,
  MeetingSecretDoc,
} from '../../types/meetings'
import type { CreditDoc, QueuedRobotMessage, RobotDoc, SendDoc } from '../../types/messaging'
import type {
  ClaimDoc,
  ConversionDoc,
  ExemptDoc,
  LedgerEntry,
  PointsRulesDoc,
  ScoreImportDoc,
  TotalsDoc,
} from '../../types/points'
import type { ExpiringFileDoc } from '../../types/retention'
import type {
  AuditDoc,
  BindingDoc,
  InvitationDoc,
  MemberDoc,
  MemberKeyDoc,
  MembershipChangeDoc,
  OrgDoc,
  TenantDoc,
} from '../../types/roster'
import type { ImportDoc } from '../../types/roster-import'
import type { CheckinDoc, NudgeDoc, ReadDoc, StudyTaskDoc } from '../../types/study'
import type {
  AppraisalPolicy,
  AppraisalResultDoc,
  AppraisalRoundDoc,
  BallotDoc,
  BallotVoterDoc,
  CycleDigestDoc,
  CycleReminderDoc,
  OpinionDoc,
  OrgLifeDoc,
  OrgLifeThemeDoc,
  RectificationDoc,
  ReportRatingDoc,
  ReportRoundDoc,
  SecretaryReportDoc,
  SelfExaminationDoc,
  SelfReviewDoc,
  TalkDoc,
} from '../../types/yearly-cycle'

/** A stored document: every collection keys on a string `_id`. */
export type Doc = { _id: string }

declare const documentType: unique symbol

/** A collection's name, carrying the type of its documents: the store answers that type for it. */
export type Collection<T extends Doc> = string & { readonly [documentType]: T }

const collection = <T extends Doc>(name: string) => name as Collection<T>

/**
 * Every collection the functions use and what its documents are: the one place
 * a collection is named. database/collections.json lists the same names with
 * their indexes (test/unit/collections.test.ts holds the two together).
 */
export const COLLECTIONS = {
  // 组织与名册 roster
  tenants: collection<TenantDoc>('tenants'),
  orgs: collection<OrgDoc>('orgs'),
  members: collection<MemberDoc>('members'),
  bindings: collection<BindingDoc>('bindings'),
  invitations: collection<InvitationDoc>('invitations'),
  memberKeys: collection<MemberKeyDoc>('member_keys'),
  rosterSecrets: collection<{ _id: string; secret: string }>('roster_secrets'),
  membershipChanges: collection<MembershipChangeDoc>('membership_changes'),
  auditLog: collection<AuditDoc>('audit_log'),
  imports: collection<ImportDoc>('imports'),
  // what one domain tells another (the points function pays them)
  domainEvents: collection<DomainEvent>('domain_events'),
  // 党员积分 points
  pointsRules: collection<PointsRulesDoc>('points_rules'),
  pointsLedger: collection<LedgerEntry>('points_ledger'),
  pointsTotals: collection<TotalsDoc>('points_totals'),
  pointsExempt: collection<ExemptDoc>('points_exempt'),
  pointsConversions: collection<ConversionDoc>('points_conversions'),
  pointsImports: collection<ScoreImportDoc>('points_imports'),
  pointsClaims: collection<ClaimDoc>('points_claims'),
  // 学习打卡 study
  studyTasks: collection<StudyTaskDoc>('study_tasks'),
  studyCheckins: collection<CheckinDoc>('study_checkins'),
  studyNudges: collection<NudgeDoc>('study_nudges'),
  studyReads: collection<ReadDoc>('study_reads'),
  // 三会一课 meetings
  meetings: collection<MeetingDoc>('meetings'),
  meetingAttendance: collection<AttendanceDoc>('meeting_attendance'),
  meetingDigests: collection<MeetingDigestDoc>('meeting_digests'),
  meetingLeaves: collection<LeaveDoc>('meeting_leaves'),
  meetingRules: collection<MeetingRulesDoc>('meeting_rules'),
  meetingSecrets: collection<MeetingSecretDoc>('meeting_secrets'),
  meetingCheckInTries: collection<CheckInTriesDoc>('meeting_checkin_tries'),
  // messaging (cloudfunctions/shared/messaging/)
  subscribeCredits: collection<CreditDoc>('subscribe_credits'),
  reminderSends: collection<SendDoc>('reminder_sends'),
  meetingRobots: collection<RobotDoc>('meeting_robots'),
  robotQueue: collection<QueuedRobotMessage>('robot_queue'),
  // 党建督导 bureau
  bureauReminders: collection<ReminderDoc>('bureau_reminders'),
  // 年度工作 yearly-cycle: 谈心谈话, 组织生活会, 民主评议 (ballots apart from voters), 书记述职
  talks: collection<TalkDoc>('talks'),
  orgLifeThemes: collection<OrgLifeThemeDoc>('org_life_themes'),
  orgLife: collection<OrgLifeDoc>('org_life'),
  orgLifeOpinions: collection<OpinionDoc>('org_life_opinions'),
  selfExaminations: collection<SelfExaminationDoc>('self_examinations'),
  rectifications: collection<RectificationDoc>('rectifications'),
  appraisalPolicy: collection<AppraisalPolicy & { _id: string }>('appraisal_policy'),
  appraisalRounds: collection<AppraisalRoundDoc>('appraisal_rounds'),
  selfReviews: collection<SelfReviewDoc>('self_reviews'),
  ballotVoters: collection<BallotVoterDoc>('ballot_voters'),
  ballots: collection<BallotDoc>('ballots'),
  appraisalResults: collection<AppraisalResultDoc>('appraisal_results'),
  reportRounds: collection<ReportRoundDoc>('report_rounds'),
  secretaryReports: collection<SecretaryReportDoc>('secretary_reports'),
  reportRatings: collection<ReportRatingDoc>('report_ratings'),
  cycleDigests: collection<CycleDigestDoc>('cycle_digests'),
  cycleReminders: collection<CycleReminderDoc>('cycle_reminders'),
  // retention (shared/retention.ts): stored files and when they must be gone
  expiringFiles: collection<ExpiringFileDoc>('expiring_files'),
  // 五星支部 / 双创 assessment
  assessmentSchemes: collection<AssessmentSchemeDoc>('assessment_schemes'),
  assessmentRounds: collection<AssessmentRoundDoc>('assessment_rounds'),
  assessmentEntries: collection<AssessmentEntryDoc>('assessment_entries'),
  assessmentSubmissions: collection<AssessmentSubmissionDoc>('assessment_submissions'),
  assessmentResults: collection<AssessmentResultDoc>('assessment_results'),
  // 党员示范岗 / 先锋岗 / 责任区, 志愿服务 and 结对帮扶 (served by the assessment function)
  designations: collection<DesignationDoc>('designations'),
  postDeeds: collection<PostDeedDoc>('post_deeds'),
  volunteerActivities: collection<VolunteerActivityDoc>('volunteer_activities'),
  volunteerSignups: collection<VolunteerSignupDoc>('volunteer_signups'),
  volunteerHours: collection<VolunteerHoursDoc>('volunteer_hours'),
  volunteerBranchYears: collection<VolunteerBranchYearDoc>('volunteer_branch_years'),
  volunteerSecrets: collection<{ _id: string; secret: string }>('volunteer_secrets'),
  pairs: collection<PairDoc>('pairs'),
  pairVisits: collection<PairVisitDoc>('pair_visits'),
  // 发展党员 lifecycle (meetings reads the 积极分子 and 发展对象 it may invite to attend without a vote, 列席)
  developmentFiles: collection<DevelopmentFileDoc>('development_files'),
  applicantBindings: collection<ApplicantBindingDoc>('applicant_bindings'),
  applicantInvitations: collection<ApplicantInvitationDoc>('applicant_invitations'),
  // 党费 dues: schedule, bases, reductions and payments; branch-months and statuses derived on every write
  duesSchedule: collection<DuesSchedule & { _id: string; updatedBy: string; updatedAt: number }>('dues_schedule'),
  duesBases: collection<DuesBaseDoc>('dues_bases'),
  duesReductions: collection<DuesReductionDoc>('dues_reductions'),
  duesPayments: collection<DuesPaymentDoc>('dues_payments'),
  duesBranchMonths: collection<DuesBranchMonthDoc>('dues_branch_months'),
  duesStatus: collection<DuesStatusDoc>('dues_status'),
  duesImports: collection<DuesImportDoc>('dues_imports'),
  duesRuns: collection<DuesRunDoc>('dues_runs'),
  // 组织关系转接 out of and into the county, and 流动党员
  transfers: collection<TransferDoc>('transfers'),
  floatingMembers: collection<FloatingDoc>('floating_members'),
} as const
