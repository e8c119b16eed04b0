import { defineAction } from './action'
import { Download } from './bureau'
import { CalendarDate, EpochMs, Evidence, Id, Year } from './ids'
import { pageInput } from './paging'
import { Grade } from './points'
import { ROLES, ROSTER_MANAGERS, ROSTER_READERS } from './roles'
import * as z from './zod'

/**
 * The yearly cycle every branch goes through and the bureau inspects: 谈心谈话,
 * 组织生活会, 民主评议党员 and 书记抓党建述职. Rules: cloudfunctions/domain/yearly-cycle/;
 * design: docs/domains/yearly-cycle.md.
 */

/** Who runs a branch's cycle: secretaries in their branches, bureau staff anywhere. */
export const CYCLE_MANAGERS = ROSTER_MANAGERS
/** Who may follow a branch's progress (committee members, instructors too), checked per branch. */
export const CYCLE_READERS = ROSTER_READERS

const Text = (min: number, max: number, tooShort: string) =>
  z.string().trim().min(min, tooShort).max(max, `不能超过${max}字`)

// ---------------------------------------------------------------- 谈心谈话

/** talks: one 谈心谈话 between two members of a branch. The summary is for the two of them and the secretary only. */
export const TalkDoc = z.object({
  _id: Id,
  tenantId: Id,
  branchId: Id,
  year: Year,
  /** The two people, sorted, so a pair reads the same whoever recorded it. */
  pair: z.tuple([Id, Id]),
  on: CalendarDate,
  topic: z.string(),
  summary: z.string(),
  recordedBy: Id,
  recordedAt: EpochMs,
})
export type TalkDoc = z.infer<typeof TalkDoc>

/** What a branch still owes: a pair that has not talked, or a member no committee member has talked with. */
export const TalkGap = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('pair'), a: Id, b: Id }),
  z.object({ kind: z.literal('member'), memberId: Id }),
])
export type TalkGap = z.infer<typeof TalkGap>

export const TalkCoverage = z.object({
  /** Talks the 条例 expects this year: committee pairs, and each member with the committee. */
  required: z.number().int(),
  covered: z.number().int(),
  /** covered / required, three places; null when nothing is required. */
  share: z.number().nullable(),
  gaps: z.array(TalkGap),
  /** The branch has no secretary or committee to hold the talks. */
  noCommittee: z.boolean(),
})
export type TalkCoverage = z.infer<typeof TalkCoverage>

// ---------------------------------------------------------------- 组织生活会

export const ORG_LIFE_STEPS = [
  'theme', // 确定主题
  'opinions', // 会前征求意见
  'talks', // 谈心谈话全覆盖
  'self_examinations', // 撰写对照检查材料
  'meeting', // 召开组织生活会
  'rectification', // 整改清单销号
  'report', // 情况报告
] as const
export const OrgLifeStep = z.enum(ORG_LIFE_STEPS)
export type OrgLifeStep = z.infer<typeof OrgLifeStep>

export const StepStatus = z.enum(['done', 'in_progress', 'not_started'])
export type StepStatus = z.infer<typeof StepStatus>

export const OrgLifeProgress = z.object({
  steps: z.array(z.object({ step: OrgLifeStep, status: StepStatus, done: z.number().int(), of: z.number().int() })),
  done: z.number().int(),
  of: z.number().int(),
  /** The first step not done, in the order the 条例 runs them; null when all are. */
  current: OrgLifeStep.nullable(),
})
export type OrgLifeProgress = z.infer<typeof OrgLifeProgress>

/** org_life_themes: `_id` = `${tenantId}:${year}`, the theme the bureau publishes for every branch. */
export const OrgLifeThemeDoc = z.object({
  _id: z.string(),
  tenantId: Id,
  year: Year,
  theme: z.string(),
  guidance: z.string(),
  publishedBy: Id,
  publishedAt: EpochMs,
})
export type OrgLifeThemeDoc = z.infer<typeof OrgLifeThemeDoc>

/** org_life: `_id` = `${branchId}:${year}`, one branch's 组织生活会 of a year. */
export const OrgLifeDoc = z.object({
  _id: z.string(),
  tenantId: Id,
  branchId: Id,
  year: Year,
  theme: z.string(),
  /** 征求意见 closed by the secretary (epoch ms); open until then. */
  opinionsClosedAt: EpochMs.nullable(),
  /** The meetings-domain meeting of type 组织生活会 (it may also carry 民主评议党员). */
  meetingId: Id.nullable(),
  report: z.object({ text: z.string(), fileIds: z.array(z.string()), by: Id, at: EpochMs }).nullable(),
  createdBy: Id,
  createdAt: EpochMs,
  updatedAt: EpochMs,
})
export type OrgLifeDoc = z.infer<typeof OrgLifeDoc>

/**
 * org_life_opinions: 会前征求意见. An anonymous opinion keeps no author and
 * only the day (no time of day that could be matched to who was online).
 */
export const OpinionDoc = z.object({
  _id: Id,
  tenantId: Id,
  orgLifeId: z.string(),
  branchId: Id,
  /** A member's own, or one a secretary wrote down from the public (群众). */
  source: z.enum(['member', 'public']),
  authorId: Id.nullable(),
  text: z.string(),
  day: CalendarDate,
})
export type OpinionDoc = z.infer<typeof OpinionDoc>

/** self_examinations: `_id` = `${orgLifeId}:${memberId}`, a 对照检查 as text or an uploaded document. */
export const SelfExaminationDoc = z.object({
  _id: z.string(),
  tenantId: Id,
  orgLifeId: z.string(),
  memberId: Id,
  text: z.string(),
  fileIds: z.array(z.string()),
  submittedAt: EpochMs,
})
export type SelfExaminationDoc = z.infer<typeof SelfExaminationDoc>

/** rectifications: one item of the 整改清单, followed up until closed (销号) with evidence. */
export const RectificationDoc = z.object({
  _id: Id,
  tenantId: Id,
  orgLifeId: z.string(),
  branchId: Id,
  problem: z.string(),
  measure: z.string(),
  ownerId: Id,
  dueOn: CalendarDate,
  status: z.enum(['open', 'closed']),
  evidence: z.object({ text: z.string(), fileIds: z.array(z.string()) }).nullable(),
  closedOn: CalendarDate.nullable(),
  createdAt: EpochMs,
})
export type RectificationDoc = z.infer<typeof RectificationDoc>

// ---------------------------------------------------------------- 民主评议党员

/** 等次, the same four words as the points bands but never computed from points: the 党员大会 decides them. */
export const AppraisalGrade = Grade
export type AppraisalGrade = z.infer<typeof AppraisalGrade>

/** Why a member sits an appraisal out (recorded, never silent). */
export const EXEMPTION_REASONS = ['illness', 'away', 'other'] as const // 病休 / 长期外出 / 其他
export const ExemptionReason = z.enum(EXEMPTION_REASONS)

/** 不合格 党员 handling the 条例 names; recorded outcomes, never automatic actions. */
export const UNQUALIFIED_OUTCOMES = [
  'rectify', // 限期改正
  'advise_withdrawal', // 劝其退党
  'removal', // 除名
] as const
export const UnqualifiedOutcome = z.enum(UNQUALIFIED_OUTCOMES)

/** appraisal_policy: `_id` = tenantId, what the bureau sets; absent = the defaults (30%, 3 ballots). */
export const AppraisalPolicy = z.strictObject({
  /** 优秀 at most this share of the members appraised, rounded down (10 members × 30% = 3; 7 × 30% = 2). */
  excellentCapPercent: z.number().int().min(0).max(100, '优秀比例不能超过100%'),
})
export type AppraisalPolicy = z.infer<typeof AppraisalPolicy>

const Exemption = z
  .object({
    memberId: Id,
    reason: ExemptionReason,
    note: z.string().trim().max(100).default(''),
  })
  .refine((exemption) => exemption.reason !== 'other' || exemption.note.length >= 2, {
    message: '免于评议的原因为“其他”时，请写明原因',
    path: ['note'],
  })

/** appraisal_rounds: one branch's 民主评议 of a year. The rolls are frozen when it opens. */
export const AppraisalRoundDoc = z.object({
  _id: Id,
  tenantId: Id,
  branchId: Id,
  year: Year,
  /** Held together with the year's 组织生活会 (one meeting carrying both types). */
  orgLifeId: z.string().nullable(),
  meetingId: Id.nullable(),
  /** 个人自评 from now; 测评 between the two instants; results after the close. */
  votingOpensAt: EpochMs,
  votingClosesAt: EpochMs,
  /** Members appraised: active, probationary included, exempted left out. */
  appraisees: z.array(Id),
  /** Members who vote: active 正式党员 not exempted (预备党员 are appraised but do not vote on 等次). */
  voters: z.array(Id),
  exemptions: z.array(z.object({ memberId: Id, reason: ExemptionReason, note: z.string() })),
  excellentCapPercent: z.number().int(),
  status: z.enum(['open', 'decided']),
  decidedAt: EpochMs.nullable(),
  createdBy: Id,
  createdAt: EpochMs,
})
export type AppraisalRoundDoc = z.infer<typeof AppraisalRoundDoc>

export const APPRAISAL_PHASES = [
  'self_review', // 个人自评 (before voting opens)
  'voting', // 民主测评
  'counting', // closed, waiting for the 党员大会's decision
  'decided', // 等次 decided and sent to the bureau
] as const
export const AppraisalPhase = z.enum(APPRAISAL_PHASES)
export type AppraisalPhase = z.infer<typeof AppraisalPhase>

/** self_reviews: `_id` = `${roundId}:${memberId}`, a member's 个人自评. */
export const SelfReviewDoc = z.object({
  _id: z.string(),
  tenantId: Id,
  roundId: Id,
  memberId: Id,
  text: z.string(),
  submittedAt: EpochMs,
})
export type SelfReviewDoc = z.infer<typeof SelfReviewDoc>

/**
 * THE ANONYMITY RULE. Who voted and what was voted live in two collections
 * that share nothing but the box they belong to:
 * - ballot_voters: `_id` = `${boxId}:${memberId}` — that someone voted; no
 *   time, no ballot id, nothing of the marks;
 * - ballots: one slot per voter, created empty with a random `_id` and in a
 *   random order when the box opens; a vote fills a randomly chosen empty
 *   slot. No voter, no time, and neither the id nor the insertion order
 *   follows the order people voted in.
 * Both schemas are strict: a field that could link them (voterId, at,
 * createdAt, requestId…) is refused before anything is written.
 */
export const BallotVoterDoc = z.strictObject({
  _id: z.string(),
  tenantId: Id,
  boxId: z.string(),
  memberId: Id,
})
export type BallotVoterDoc = z.infer<typeof BallotVoterDoc>

export const REPORT_RATINGS = ['good', 'fairly_good', 'fair', 'poor'] as const // 好 / 较好 / 一般 / 差
export const ReportRating = z.enum(REPORT_RATINGS)
export type ReportRating = z.infer<typeof ReportRating>

export const BallotDoc = z.strictObject({
  _id: z.string().regex(/^[0-9a-f]{24}$/, '选票编号应为随机编号'),
  tenantId: Id,
  boxId: z.string(),
  /** null while the slot is empty; then each appraisee's 等次, or the one 述职 rating under key 'report'. */
  marks: z.record(z.string(), z.union([AppraisalGrade, ReportRating])).nullable(),
})
export type BallotDoc = z.infer<typeof BallotDoc>

/** appraisal_results: `_id` = `${roundId}:${memberId}`, the 等次 the 党员大会 decided. */
export const AppraisalResultDoc = z.object({
  _id: z.string(),
  tenantId: Id,
  roundId: Id,
  branchId: Id,
  memberId: Id,
  grade: AppraisalGrade,
  /** Required for 不合格 (a written reason), else null. */
  reason: z.string().nullable(),
  outcome: UnqualifiedOutcome.nullable(),
  decidedAt: EpochMs,
})
export type AppraisalResultDoc = z.infer<typeof AppraisalResultDoc>

export const GradeCounts = z.object({
  excellent: z.number().int(),
  qualified: z.number().int(),
  basic: z.number().int(),
  unqualified: z.number().int(),
})
export type GradeCounts = z.infer<typeof GradeCounts>

/** The 测评 result of one appraisee: counts only, never who gave which. */
export const TallyRow = z.object({
  memberId: Id,
  counts: GradeCounts,
  ballots: z.number().int(),
  excellentShare: z.number().nullable(),
})
export type TallyRow = z.infer<typeof TallyRow>

const Decision = z
  .object({
    memberId: Id,
    grade: AppraisalGrade,
    reason: z.string().trim().max(500).nullable().default(null),
    outcome: UnqualifiedOutcome.nullable().default(null),
  })
  .refine((d) => d.grade !== 'unqualified' || (d.reason !== null && d.reason.length >= 10), {
    message: '评为不合格须写明理由（不少于10个字）',
    path: ['reason'],
  })
  .refine((d) => d.grade !== 'unqualified' || d.outcome !== null, {
    message: '评为不合格须写明处置：限期改正、劝其退党或除名',
    path: ['outcome'],
  })
  .refine((d) => d.grade === 'unqualified' || d.outcome === null, {
    message: '只有不合格党员才有处置',
    path: ['outcome'],
  })

// ---------------------------------------------------------------- 书记述职

/** report_rounds: the bureau's 书记抓党建述职 round of a year. */
export const ReportRoundDoc = z.object({
  _id: Id,
  tenantId: Id,
  year: Year,
  deadline: EpochMs,
  /** The branch's members rate their secretary's report too (anonymously), besides bureau staff. */
  membersRate: z.boolean(),
  status: z.enum(['open', 'closed']),
  createdBy: Id,
  createdAt: EpochMs,
})
export type ReportRoundDoc = z.infer<typeof ReportRoundDoc>

/** secretary_reports: `_id` = `${roundId}:${branchId}`, one branch secretary's 述职报告. */
export const SecretaryReportDoc = z.object({
  _id: z.string(),
  tenantId: Id,
  roundId: Id,
  branchId: Id,
  secretaryId: Id,
  text: z.string(),
  fileIds: z.array(z.string()),
  /** 存在的问题, one per line in the export. */
  problems: z.array(z.string()),
  /**
   * The members who may rate it anonymously (the round lets members rate): the
   * branch's active members but its secretary, frozen at the first submission,
   * when the ballot box opens with one slot each. Empty otherwise.
   */
  raters: z.array(Id),
  submittedAt: EpochMs,
})
export type SecretaryReportDoc = z.infer<typeof SecretaryReportDoc>

/** report_ratings: a bureau staff member's rating, named (their judgement is accountable). */
export const ReportRatingDoc = z.object({
  _id: z.string(),
  tenantId: Id,
  reportId: z.string(),
  raterId: Id,
  rating: ReportRating,
  comment: z.string(),
  at: EpochMs,
})
export type ReportRatingDoc = z.infer<typeof ReportRatingDoc>

export const RatingSummary = z.object({
  counts: z.record(ReportRating, z.number().int()),
  total: z.number().int(),
  /** (好 + 较好) / total, three places. */
  goodShare: z.number().nullable(),
  /** The median rating (the lower one of an even count); null without ratings. */
  overall: ReportRating.nullable(),
})
export type RatingSummary = z.infer<typeof RatingSummary>

// ---------------------------------------------------------------- the bureau's view of the year

export const YearRow = z.object({
  branchId: Id,
  name: z.string(),
  talks: z.object({ share: z.number().nullable(), gaps: z.number().int() }),
  orgLife: z.object({ done: z.number().int(), of: z.number().int(), current: OrgLifeStep.nullable() }),
  appraisal: z.object({ phase: AppraisalPhase.nullable(), counts: GradeCounts.nullable() }),
  report: z.object({
    status: z.enum(['missing', 'submitted', 'late']),
    overall: ReportRating.nullable(),
  }),
  complete: z.boolean(),
})
export type YearRow = z.infer<typeof YearRow>

export const YEAR_FILTERS = ['all', 'incomplete', 'talks', 'org_life', 'appraisal', 'report'] as const
export type YearFilter = (typeof YEAR_FILTERS)[number]

/**
 * cycle_digests: `_id` = `${branchId}:${year}`, what the bureau's year view
 * reads of one branch's year — the inputs of yearRow, rewritten by every
 * yearly-cycle write for that branch and by the daily timer (roster changes
 * alter who owes talks). Whether the linked meeting is held is read live from
 * the meetings data, and the report's lateness against the round's deadline.
 */
export const CycleDigestDoc = z.object({
  _id: z.string(),
  tenantId: Id,
  branchId: Id,
  year: Year,
  talks: z.object({
    required: z.number().int(),
    covered: z.number().int(),
    share: z.number().nullable(),
    gaps: z.number().int(),
  }),
  orgLife: z
    .object({
      theme: z.string(),
      opinionsClosed: z.boolean(),
      opinions: z.number().int(),
      selfExaminations: z.object({ expected: z.number().int(), submitted: z.number().int() }),
      meetingId: Id.nullable(),
      rectifications: z.object({ total: z.number().int(), closed: z.number().int() }),
      reportSubmitted: z.boolean(),
    })
    .nullable(),
  appraisal: z
    .object({
      roundId: Id,
      votingOpensAt: EpochMs,
      votingClosesAt: EpochMs,
      status: z.enum(['open', 'decided']),
      counts: GradeCounts.nullable(),
    })
    .nullable(),
  report: z
    .object({ roundId: Id, reportId: z.string(), submittedAt: EpochMs, bureau: z.array(ReportRating) })
    .nullable(),
  updatedAt: EpochMs,
})
export type CycleDigestDoc = z.infer<typeof CycleDigestDoc>

/** What a hand reminder (提醒) is about: the year view's four items, and the voters of a 民主测评. */
export const REMINDER_ITEMS = ['talks', 'org_life', 'appraisal', 'report', 'voters'] as const
export const ReminderItem = z.enum(REMINDER_ITEMS)
export type ReminderItem = z.infer<typeof ReminderItem>

/** cycle_reminders: `_id` = `${branchId}:${year}:${item}:${day}`, one hand reminder a day per branch and item. */
export const CycleReminderDoc = z.object({
  _id: z.string(),
  tenantId: Id,
  branchId: Id,
  year: Year,
  item: ReminderItem,
  day: CalendarDate,
  reminded: z.number().int(),
  robotQueued: z.boolean(),
  by: Id,
  at: EpochMs,
})
export type CycleReminderDoc = z.infer<typeof CycleReminderDoc>

/** A file attached to what the app shows: its cloud fileID and a temporary link (null when the file is gone). */
export const AttachedFile = z.object({ fileId: z.string(), url: z.string().nullable() })

/** A 述职报告 as it is read: text, problems, files, when it came in. */
export const ReportView = z.object({
  id: z.string(),
  roundId: Id,
  branchId: Id,
  branchName: z.string(),
  secretaryName: z.string(),
  text: z.string(),
  problems: z.array(z.string()),
  files: z.array(AttachedFile),
  submittedAt: z.number(),
  status: z.enum(['submitted', 'late']),
  /** Someone has rated it: it can no longer be edited. */
  rated: z.boolean(),
})

const Page = pageInput()

const APPRAISAL_VOTE_REFUSALS = [
  'APPRAISAL.NOT_FOUND',
  'APPRAISAL.NOT_VOTER',
  'APPRAISAL.NOT_OPEN',
  'APPRAISAL.CLOSED',
  'APPRAISAL.ALREADY_VOTED',
  'APPRAISAL.BALLOT_INCOMPLETE',
] as const

const RoundWindow = z
  .object({ votingOpensAt: EpochMs, votingClosesAt: EpochMs })
  .refine((w) => w.votingClosesAt > w.votingOpensAt, {
    message: '测评截止时间应晚于开始时间',
    path: ['votingClosesAt'],
  })
  .refine((w) => w.votingClosesAt - w.votingOpensAt <= 31 * 86_400_000, {
    message: '测评时间不能超过31天',
    path: ['votingClosesAt'],
  })

export const yearlyCycleActions = {
  // 谈心谈话
  recordTalk: defineAction({
    summary:
      'Records a 谈心谈话 the caller took part in with another member of their branch: day, topic and a short summary only the two and the secretary read.',
    input: z
      .object({
        withMemberId: Id,
        on: CalendarDate,
        topic: Text(2, 60, '请填写谈话主题'),
        summary: Text(10, 1000, '谈话要点不少于10个字'),
        requestId: Id,
      })
      .strict(),
    output: z.object({ id: Id, duplicate: z.boolean() }),
    roles: ROLES,
    errors: ['ROSTER.NOT_FOUND', 'TALK.SELF', 'TALK.OTHER_BRANCH', 'DATE.IN_FUTURE'],
  }),
  listTalks: defineAction({
    summary:
      'Talks of a year: the caller’s own (with summaries), or a branch’s for its secretary (summaries) and readers (who and when only).',
    input: Page.extend({ year: Year, branchId: Id.nullable().default(null) }),
    output: z.object({
      items: z.array(
        z.object({
          id: Id,
          with: z.array(z.object({ memberId: Id, name: z.string() })),
          on: z.string(),
          topic: z.string(),
          summary: z.string().nullable(),
        }),
      ),
      total: z.number().int(),
      page: z.number().int(),
    }),
    roles: ROLES,
    errors: ['ROSTER.NOT_FOUND'],
  }),
  talkCoverage: defineAction({
    summary:
      "A branch's 谈心谈话 coverage for a year: committee pairs and members not yet talked with, by name; the share done.",
    input: z.object({ branchId: Id, year: Year }),
    output: TalkCoverage.extend({
      branchName: z.string(),
      names: z.record(z.string(), z.string()),
      /** The caller may remind those who owe talks (secretary, 总支书记, bureau staff). */
      mayRemind: z.boolean(),
    }),
    roles: CYCLE_READERS,
    errors: ['ROSTER.NOT_FOUND'],
  }),
  talkPartners: defineAction({
    summary:
      "The active members of the caller's branch to record a 谈心谈话 with: names and whether they sit on the committee, nothing more.",
    input: z.object({}).strict(),
    output: z.object({
      branchId: Id.nullable(),
      items: z.array(z.object({ memberId: Id, name: z.string(), committee: z.boolean() })),
    }),
    roles: ROLES,
    errors: [],
  }),
  remindTalks: defineAction({
    summary:
      'Reminds the committee members who still owe talks (subscribe message, and the branch robot when set), at most once a day per branch.',
    input: z.object({ branchId: Id, year: Year }),
    output: z.object({ reminded: z.number().int() }),
    roles: CYCLE_MANAGERS,
    errors: ['ROSTER.NOT_FOUND', 'CYCLE.NOTHING_OWED', 'CYCLE.REMINDED_TODAY'],
  }),

  // 组织生活会
  publishOrgLifeTheme: defineAction({
    summary: 'Bureau staff publish the year’s 组织生活会 theme and guidance for every branch.',
    input: z.object({
      year: Year,
      theme: Text(4, 60, '请填写主题'),
      guidance: z.string().trim().max(2000).default(''),
    }),
    output: z.object({ year: Year, theme: z.string() }),
    roles: ['bureau_staff'],
    errors: [],
  }),
  openOrgLife: defineAction({
    summary:
      "Starts a branch's 组织生活会 of a year with a theme (the bureau's, or the branch's own); 征求意见 opens with it.",
    input: z.object({ branchId: Id, year: Year, theme: Text(4, 60, '请填写主题').nullable().default(null) }),
    output: z.object({ id: z.string(), theme: z.string() }),
    roles: CYCLE_MANAGERS,
    errors: ['ROSTER.NOT_FOUND', 'ORG_LIFE.EXISTS', 'ORG_LIFE.NO_THEME'],
  }),
  submitOpinion: defineAction({
    summary:
      '会前征求意见: a member gives an opinion, anonymously if they choose (no author, the day only); a secretary enters one from the public.',
    input: z.object({
      requestId: Id,
      orgLifeId: z.string().min(3).max(140),
      text: Text(5, 500, '意见不少于5个字'),
      anonymous: z.boolean().default(true),
      fromPublic: z.boolean().default(false),
    }),
    output: z.object({ id: Id }),
    roles: ROLES,
    errors: ['ORG_LIFE.NOT_FOUND', 'ORG_LIFE.OPINIONS_CLOSED', 'AUTH.FORBIDDEN'],
  }),
  closeOpinions: defineAction({
    summary: 'Closes 征求意见 (the step is done); the opinions stay readable to the committee.',
    input: z.object({ orgLifeId: z.string().min(3).max(140) }),
    output: z.object({ opinions: z.number().int() }),
    roles: CYCLE_MANAGERS,
    errors: ['ORG_LIFE.NOT_FOUND', 'ORG_LIFE.OPINIONS_CLOSED'],
  }),
  listOpinions: defineAction({
    summary: 'The opinions gathered, newest day first; authors shown only for those who signed.',
    input: Page.extend({ orgLifeId: z.string().min(3).max(140) }),
    output: z.object({
      items: z.array(
        z.object({
          id: Id,
          source: z.enum(['member', 'public']),
          author: z.string().nullable(),
          text: z.string(),
          day: z.string(),
        }),
      ),
      total: z.number().int(),
      page: z.number().int(),
    }),
    roles: CYCLE_READERS,
    errors: ['ORG_LIFE.NOT_FOUND'],
  }),
  submitSelfExamination: defineAction({
    summary:
      "The caller's 对照检查 for the branch's 组织生活会: text, an uploaded document, or both; editable until the meeting.",
    input: z
      .object({
        orgLifeId: z.string().min(3).max(140),
        text: z.string().trim().max(10_000).default(''),
        fileIds: Evidence,
      })
      .refine((s) => s.text.length >= 50 || s.fileIds.length > 0, {
        message: '对照检查不少于50字，或上传对照检查材料',
        path: ['text'],
      }),
    output: z.object({ submittedAt: z.number() }),
    roles: ROLES,
    errors: ['ORG_LIFE.NOT_FOUND', 'ORG_LIFE.MEETING_HELD', 'AUTH.FORBIDDEN', 'ORG_LIFE.FILE_NOT_YOURS'],
  }),
  linkOrgLifeMeeting: defineAction({
    summary:
      'Names the meetings-domain meeting (type 组织生活会) that is this year’s 组织生活会; once it has attendance and minutes the step is done.',
    input: z.object({ orgLifeId: z.string().min(3).max(140), meetingId: Id }),
    output: OrgLifeProgress,
    roles: CYCLE_MANAGERS,
    errors: ['ORG_LIFE.NOT_FOUND', 'MEETING.NOT_FOUND', 'ORG_LIFE.WRONG_MEETING'],
  }),
  addRectification: defineAction({
    summary: 'Adds an item to the 整改清单: the problem, the measure, who owns it and by when.',
    input: z.object({
      requestId: Id,
      orgLifeId: z.string().min(3).max(140),
      problem: Text(5, 200, '请写明问题'),
      measure: Text(5, 300, '请写明整改措施'),
      ownerId: Id,
      dueOn: CalendarDate,
    }),
    output: z.object({ id: Id }),
    roles: CYCLE_MANAGERS,
    errors: ['ORG_LIFE.NOT_FOUND', 'ROSTER.NOT_FOUND', 'ORG_LIFE.MEETING_NOT_HELD'],
  }),
  closeRectification: defineAction({
    summary: 'Closes (销号) a 整改 item with its evidence; its owner or a manager of the branch.',
    input: z.object({
      rectificationId: Id,
      closedOn: CalendarDate,
      evidence: Text(5, 500, '请写明整改结果'),
      fileIds: Evidence,
    }),
    output: z.object({ id: Id, status: z.literal('closed') }),
    roles: ROLES,
    errors: [
      'ORG_LIFE.RECTIFICATION_NOT_FOUND',
      'ORG_LIFE.RECTIFICATION_CLOSED',
      'AUTH.FORBIDDEN',
      'DATE.IN_FUTURE',
      'ORG_LIFE.FILE_NOT_YOURS',
    ],
  }),
  submitOrgLifeReport: defineAction({
    summary: 'Sends the 情况报告 of the 组织生活会 to the bureau, once the meeting is held.',
    input: z.object({
      orgLifeId: z.string().min(3).max(140),
      text: Text(50, 5000, '情况报告不少于50字'),
      fileIds: Evidence,
    }),
    output: OrgLifeProgress,
    roles: CYCLE_MANAGERS,
    errors: ['ORG_LIFE.NOT_FOUND', 'ORG_LIFE.MEETING_NOT_HELD', 'ORG_LIFE.FILE_NOT_YOURS'],
  }),
  orgLifeProgress: defineAction({
    summary:
      "A branch's 组织生活会 of a year: each step's status and figures (对照检查 12/15, 整改 3/5 closed), the current step, the linked meeting and the 情况报告; the bureau's theme to start from.",
    input: z.object({ branchId: Id, year: Year }),
    output: z.object({
      branchName: z.string(),
      orgLifeId: z.string().nullable(),
      theme: z.string().nullable(),
      bureauTheme: z.object({ theme: z.string(), guidance: z.string() }).nullable(),
      meetingId: Id.nullable(),
      report: z.object({ text: z.string(), at: z.number() }).nullable(),
      progress: OrgLifeProgress,
      /** The caller runs this branch's cycle (secretary, 总支书记, bureau staff). */
      mayManage: z.boolean(),
    }),
    roles: CYCLE_READERS,
    errors: ['ROSTER.NOT_FOUND'],
  }),
  myOrgLife: defineAction({
    summary:
      "The caller's part in their branch's 组织生活会 of a year: the theme and guidance, whether opinions are still taken, their 对照检查 (editable until the meeting is held) and whether one is expected of them.",
    input: z.object({ year: Year }),
    output: z.object({
      orgLife: z
        .object({
          id: z.string(),
          theme: z.string(),
          guidance: z.string(),
          opinionsOpen: z.boolean(),
          meetingHeld: z.boolean(),
          /** A 对照检查 is expected of the caller (active, not exempted from this year's 民主评议). */
          takesPart: z.boolean(),
          selfExamination: z
            .object({ text: z.string(), files: z.array(AttachedFile), submittedAt: z.number() })
            .nullable(),
        })
        .nullable(),
    }),
    roles: ROLES,
    errors: [],
  }),
  listRectifications: defineAction({
    summary:
      'The 整改清单 of a 组织生活会: every item for those who follow the branch, the items they own for anyone else; overdue flagged, each with whether the caller may close it.',
    input: z.object({ orgLifeId: z.string().min(3).max(140) }),
    output: z.object({
      items: z.array(
        z.object({
          id: Id,
          problem: z.string(),
          measure: z.string(),
          ownerId: Id,
          ownerName: z.string(),
          dueOn: z.string(),
          status: z.enum(['open', 'closed']),
          overdue: z.boolean(),
          closedOn: z.string().nullable(),
          evidence: z.object({ text: z.string(), files: z.array(AttachedFile) }).nullable(),
          mayClose: z.boolean(),
        }),
      ),
      /** The caller may add items: they manage the branch and the meeting is held. */
      mayAdd: z.boolean(),
      meetingHeld: z.boolean(),
    }),
    roles: ROLES,
    errors: ['ORG_LIFE.NOT_FOUND'],
  }),

  // 民主评议党员
  getAppraisalPolicy: defineAction({
    summary: 'The bureau’s 民主评议 setting: the 优秀 cap (default 30%, rounded down).',
    input: z.object({}).strict(),
    output: AppraisalPolicy,
    roles: ROLES,
    errors: [],
  }),
  setAppraisalPolicy: defineAction({
    summary: 'Bureau staff set the share of members who may be rated 优秀.',
    input: AppraisalPolicy,
    output: AppraisalPolicy,
    roles: ['bureau_staff'],
    errors: [],
  }),
  openAppraisal: defineAction({
    summary:
      'Opens a branch’s 民主评议 of a year: freezes who is appraised (probationary members too) and who votes (formal members), records the exempted with reasons, and opens one empty ballot slot per voter.',
    input: RoundWindow.and(
      z.object({
        branchId: Id,
        year: Year,
        exemptions: z.array(Exemption).max(100).default([]),
        withOrgLife: z.boolean().default(true),
      }),
    ),
    output: z.object({
      roundId: Id,
      appraisees: z.number().int(),
      voters: z.number().int(),
      excellentCap: z.number().int(),
    }),
    roles: CYCLE_MANAGERS,
    errors: ['ROSTER.NOT_FOUND', 'APPRAISAL.EXISTS', 'APPRAISAL.TOO_FEW_VOTERS', 'DATE.DEADLINE_PAST'],
  }),
  submitSelfReview: defineAction({
    summary: "The caller's 个人自评, until voting closes.",
    input: z.object({ roundId: Id, text: Text(50, 5000, '个人自评不少于50字') }),
    output: z.object({ submittedAt: z.number() }),
    roles: ROLES,
    errors: ['APPRAISAL.NOT_FOUND', 'APPRAISAL.NOT_APPRAISEE', 'APPRAISAL.CLOSED'],
  }),
  castBallot: defineAction({
    summary:
      'A voter’s 民主测评 ballot: one 等次 for every member appraised (themself included, so no ballot’s shape tells who cast it). Once only, final when cast, only while voting is open; who voted and what was voted are stored apart.',
    // No request id: the voter record's own _id makes a vote count once, and a retry is answered
    // APPRAISAL.ALREADY_VOTED (the page shows 您已投票). Telling a retry from a second vote would
    // need a link from voter to ballot.
    input: z.object({ roundId: Id, marks: z.record(Id, AppraisalGrade) }),
    output: z.object({ voted: z.literal(true) }),
    roles: ROLES,
    errors: APPRAISAL_VOTE_REFUSALS,
  }),
  myAppraisal: defineAction({
    summary:
      "The caller's view of their branch's round of a year: phase and deadline, whether they may and did vote, their 自评, the people to rate, and their own 等次 once decided.",
    input: z.object({ year: Year }),
    output: z.object({
      round: z
        .object({
          id: Id,
          phase: AppraisalPhase,
          votingOpensAt: z.number(),
          votingClosesAt: z.number(),
          mayVote: z.boolean(),
          voted: z.boolean(),
          appraisees: z.array(z.object({ memberId: Id, name: z.string(), probationary: z.boolean() })),
          selfReview: z.string().nullable(),
          myGrade: AppraisalGrade.nullable(),
          /** 优秀 the 党员大会 may decide at most (guidance on the ballot; ballots themselves are not capped). */
          excellentCap: z.number().int(),
        })
        .nullable(),
    }),
    roles: ROLES,
    errors: [],
  }),
  appraisalRound: defineAction({
    summary:
      "A branch's 民主评议 of a year for those who follow it: phase and window, who is appraised, how many vote and have voted (a count), the exempted with reasons, the 优秀 cap, and the decided counts.",
    input: z.object({ branchId: Id, year: Year }),
    output: z.object({
      branchName: z.string(),
      round: z
        .object({
          id: Id,
          phase: AppraisalPhase,
          votingOpensAt: z.number(),
          votingClosesAt: z.number(),
          appraisees: z.array(z.object({ memberId: Id, name: z.string(), probationary: z.boolean() })),
          voters: z.number().int(),
          voted: z.number().int(),
          exemptions: z.array(z.object({ memberId: Id, name: z.string(), reason: ExemptionReason, note: z.string() })),
          excellentCap: z.number().int(),
          excellentCapPercent: z.number().int(),
          withOrgLife: z.boolean(),
          decided: GradeCounts.nullable(),
        })
        .nullable(),
      /** The caller runs this branch's cycle (opens, reminds, decides). */
      mayManage: z.boolean(),
    }),
    roles: CYCLE_READERS,
    errors: ['ROSTER.NOT_FOUND'],
  }),
  remindVoters: defineAction({
    summary:
      '提醒未投票: reminds the voters who have not voted yet (subscribe message, and the branch robot when set) while voting is open, at most once a day per branch.',
    input: z.object({ roundId: Id }),
    output: z.object({ reminded: z.number().int() }),
    roles: CYCLE_MANAGERS,
    errors: [
      'APPRAISAL.NOT_FOUND',
      'APPRAISAL.NOT_OPEN',
      'APPRAISAL.CLOSED',
      'CYCLE.NOTHING_OWED',
      'CYCLE.REMINDED_TODAY',
    ],
  }),
  appraisalParticipation: defineAction({
    summary:
      'Who has voted and who not yet (names only, never what), and who wrote a 自评, for reminders while the round runs.',
    input: z.object({ roundId: Id }),
    output: z.object({
      voted: z.array(z.object({ memberId: Id, name: z.string() })),
      notVoted: z.array(z.object({ memberId: Id, name: z.string() })),
      selfReviews: z.number().int(),
    }),
    roles: CYCLE_READERS,
    errors: ['APPRAISAL.NOT_FOUND'],
  }),
  appraisalTally: defineAction({
    summary:
      'After voting closes, the 测评 counts for each member appraised (优秀/合格/基本合格/不合格) with no voter named; withheld below 3 ballots.',
    input: z.object({ roundId: Id }),
    output: z.object({
      branchName: z.string(),
      phase: AppraisalPhase,
      ballots: z.number().int(),
      voters: z.number().int(),
      rows: z.array(TallyRow.extend({ name: z.string(), probationary: z.boolean() })),
      excellentCap: z.number().int(),
      /** What the 党员大会 decided, once recorded. */
      decisions: z
        .array(
          z.object({
            memberId: Id,
            grade: AppraisalGrade,
            reason: z.string().nullable(),
            outcome: UnqualifiedOutcome.nullable(),
          }),
        )
        .nullable(),
      /** The caller records the decision (secretary, 总支书记, bureau staff). */
      mayDecide: z.boolean(),
    }),
    roles: CYCLE_READERS,
    errors: ['APPRAISAL.NOT_FOUND', 'APPRAISAL.NOT_CLOSED', 'APPRAISAL.TOO_FEW_BALLOTS'],
  }),
  decideAppraisal: defineAction({
    summary:
      'Records the 等次 the 党员大会 decided for every member appraised (never from points): 优秀 within the cap, 不合格 with a written reason and its handling. Sent to the bureau.',
    input: z.object({ roundId: Id, decisions: z.array(Decision).min(1).max(500) }),
    output: z.object({ counts: GradeCounts }),
    roles: CYCLE_MANAGERS,
    errors: [
      'APPRAISAL.NOT_FOUND',
      'APPRAISAL.NOT_CLOSED',
      'APPRAISAL.DECIDED',
      'APPRAISAL.DECISIONS_INCOMPLETE',
      'APPRAISAL.EXCELLENT_CAP',
    ],
  }),

  // 书记述职
  openReportRound: defineAction({
    summary: 'Bureau staff open the year’s 书记抓党建述职: deadline, and whether members rate their secretary too.',
    input: z.object({ year: Year, deadline: EpochMs, membersRate: z.boolean().default(false) }),
    output: z.object({ roundId: Id }),
    roles: ['bureau_staff'],
    errors: ['REPORT.ROUND_EXISTS', 'DATE.DEADLINE_PAST'],
  }),
  submitSecretaryReport: defineAction({
    summary:
      'A branch secretary submits their 述职报告 (text and file) and the problems found; editable until rated; after the deadline it is marked late.',
    input: z.object({
      roundId: Id,
      branchId: Id,
      text: Text(200, 20_000, '述职报告不少于200字'),
      fileIds: Evidence,
      problems: z
        .array(Text(4, 200, '每条问题不少于4个字'))
        .min(1, '请列出存在的问题')
        .max(20),
    }),
    output: z.object({ reportId: z.string(), late: z.boolean() }),
    roles: ['branch_secretary', 'general_branch_secretary'],
    errors: [
      'REPORT.ROUND_NOT_FOUND',
      'REPORT.ROUND_CLOSED',
      'REPORT.RATED',
      'ROSTER.NOT_FOUND',
      'REPORT.FILE_NOT_YOURS',
    ],
  }),
  rateSecretaryReport: defineAction({
    summary:
      'Rates a 述职报告 好/较好/一般/差: bureau staff by name with a comment; members of the branch anonymously when the round allows. Never one’s own report; once per rater.',
    input: z.object({
      reportId: z.string().min(3).max(140),
      rating: ReportRating,
      comment: z.string().trim().max(300).default(''),
    }),
    // Once per rater by the rating's own _id (named or in the ballot box); a retry is REPORT.ALREADY_RATED.
    output: z.object({ rated: z.literal(true) }),
    roles: ROLES,
    errors: ['REPORT.NOT_FOUND', 'REPORT.OWN_REPORT', 'REPORT.ALREADY_RATED', 'REPORT.ROUND_CLOSED', 'AUTH.FORBIDDEN'],
  }),
  reportRoundResults: defineAction({
    summary:
      "Every branch's 述职: submitted, late or missing, the rating summary (counts, 好+较好 share, median), paged; a secretary sees their own.",
    input: Page.extend({ roundId: Id }),
    output: z.object({
      items: z.array(
        z.object({
          branchId: Id,
          name: z.string(),
          reportId: z.string().nullable(),
          status: z.enum(['missing', 'submitted', 'late']),
          bureau: RatingSummary,
          members: RatingSummary.nullable(),
        }),
      ),
      total: z.number().int(),
      page: z.number().int(),
    }),
    roles: [...ROSTER_MANAGERS],
    errors: ['REPORT.ROUND_NOT_FOUND'],
  }),
  closeReportRound: defineAction({
    summary: 'Bureau staff close the year’s 述职: no more reports or ratings; the results stand.',
    input: z.object({ roundId: Id }),
    output: z.object({ roundId: Id, status: z.literal('closed') }),
    roles: ['bureau_staff'],
    errors: ['REPORT.ROUND_NOT_FOUND', 'REPORT.ROUND_CLOSED'],
  }),
  myReport: defineAction({
    summary:
      "The year's 书记述职 as the caller meets it: the round (deadline, whether members rate), their branch's report — to write or edit as its secretary, to rate as a member when the round allows — and whether they rated it.",
    input: z.object({ year: Year }),
    output: z.object({
      round: z
        .object({
          id: Id,
          year: Year,
          deadline: z.number(),
          membersRate: z.boolean(),
          status: z.enum(['open', 'closed']),
        })
        .nullable(),
      branch: z.object({ id: Id, name: z.string() }).nullable(),
      report: ReportView.nullable(),
      /** The caller is the branch's secretary and may (still) submit or edit. */
      mayWrite: z.boolean(),
      mayRate: z.boolean(),
      rated: z.boolean(),
    }),
    roles: ROLES,
    errors: [],
  }),
  getSecretaryReport: defineAction({
    summary:
      "One 述职报告 with its files (temporary links): for bureau staff and those who follow the branch with the bureau's named ratings and both summaries; for its members when the round lets them rate, the text to rate. Whether the caller may rate it and did.",
    input: z.object({ reportId: z.string().min(3).max(140) }),
    output: ReportView.extend({
      bureauRatings: z
        .array(z.object({ raterName: z.string(), rating: ReportRating, comment: z.string(), at: z.number() }))
        .nullable(),
      bureau: RatingSummary.nullable(),
      members: RatingSummary.nullable(),
      mayRate: z.boolean(),
      /** Rated by the caller (bureau staff by name, a member through the anonymous box). */
      rated: z.boolean(),
      /** Rating by the bureau (named, with a comment) rather than anonymously as a member. */
      ratesAsBureau: z.boolean(),
    }),
    roles: ROLES,
    errors: ['REPORT.NOT_FOUND', 'AUTH.FORBIDDEN'],
  }),
  exportReportRound: defineAction({
    summary: 'The 述职 summary as .xlsx (every branch) or PDF (every report with its ratings).',
    input: z.object({ roundId: Id, format: z.enum(['xlsx', 'pdf']) }),
    output: Download,
    roles: ['bureau_staff'],
    errors: ['REPORT.ROUND_NOT_FOUND'],
  }),

  // the bureau's view of the year
  yearOverview: defineAction({
    summary:
      'Branches × the year’s items (谈心谈话 coverage, 组织生活会 steps, 民主评议 phase and results, 述职), filterable like the compliance matrix, paged.',
    input: Page.extend({ year: Year, filter: z.enum(YEAR_FILTERS).default('all'), orgId: Id.nullable().default(null) }),
    output: z.object({
      items: z.array(YearRow),
      total: z.number().int(),
      page: z.number().int(),
      /** Of every branch the caller oversees (under orgId), how many have done the whole year. */
      branches: z.number().int(),
      complete: z.number().int(),
      /** The 党总支 the caller may narrow to. */
      generalBranches: z.array(z.object({ id: Id, name: z.string() })),
    }),
    roles: ['bureau_staff', 'general_branch_secretary', 'instructor'],
    errors: ['ROSTER.NOT_FOUND'],
  }),
  remindYearItem: defineAction({
    summary:
      '提醒书记: reminds a branch secretary of what the year still owes (one item), at most once a day per branch and item.',
    input: z.object({ branchId: Id, year: Year, item: z.enum(['talks', 'org_life', 'appraisal', 'report']) }),
    output: z.object({ reminded: z.number().int(), robotQueued: z.boolean() }),
    roles: ['bureau_staff', 'general_branch_secretary', 'instructor'],
    errors: ['ROSTER.NOT_FOUND', 'CYCLE.NOTHING_OWED', 'CYCLE.REMINDED_TODAY'],
  }),
  exportYearOverview: defineAction({
    summary: 'The year view as .xlsx: one row per branch with each item’s status.',
    input: z.object({ year: Year, orgId: Id.nullable().default(null) }),
    output: Download,
    roles: ['bureau_staff', 'general_branch_secretary', 'instructor'],
    errors: ['ROSTER.NOT_FOUND'],
  }),
}
