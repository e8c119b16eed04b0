import { defineAction } from './action'
import { Download } from './bureau'
import { CalendarDate, EpochMs, Evidence, FileId, Id, Year } from './ids'
import { pageInput } from './paging'
import { ROLES, ROSTER_MANAGERS, ROSTER_READERS } from './roles'
import * as z from './zod'

/**
 * 五星支部 / 双创 assessment: the bureau's indicator scheme, a yearly round
 * in which branches are scored from the data the app holds and from
 * self-assessment with evidence; 党员示范岗 / 先锋岗 / 责任区; 志愿服务 and
 * 结对帮扶. Rules: cloudfunctions/domain/assessment/; design:
 * docs/domains/assessment.md.
 */

export const ASSESSMENT_MANAGERS = ROSTER_MANAGERS
export const ASSESSMENT_READERS = ROSTER_READERS

// ---------------------------------------------------------------- the scheme

/**
 * Where a computed indicator's figure comes from, and the domain (deployed
 * function) that must exist for it to be offered.
 */
export const SOURCES = {
  meetings_compliance: 'meetings', // 三会一课达标率
  theme_days: 'meetings', // 主题党日开展
  study_participation: 'study', // 学习打卡参与率
  points_activity: 'points', // 积分活跃党员占比
  talk_coverage: 'yearly-cycle', // 谈心谈话覆盖
  org_life: 'yearly-cycle', // 组织生活会步骤
  appraisal: 'yearly-cycle', // 民主评议党员完成
  dues_collection: 'lifecycle', // 党费收缴率
  development_on_time: 'lifecycle', // 发展党员按期办理
  volunteer_hours: 'assessment', // 志愿服务人均时长
  model_posts: 'assessment', // 党员示范岗设立
} as const
export type SourceKey = keyof typeof SOURCES
export const SOURCE_KEYS = Object.keys(SOURCES) as SourceKey[]
export const Source = z.enum(SOURCE_KEYS as [SourceKey, ...SourceKey[]])

/**
 * How a figure becomes points:
 * - ratio: full marks when numerator/denominator reaches `target`, in proportion below it
 *   (compliance 90% with target 100% → 90% of the marks; 4 hours per member with target 8 → half);
 * - per_unit: `points` per unit of the numerator, up to the maximum (0.5 per 主题党日 held);
 * - per_miss: the maximum less `points` per miss (denominator − numerator), never below 0.
 */
export const Scoring = z.discriminatedUnion('method', [
  z.object({ method: z.literal('ratio'), target: z.number().positive('目标值应大于0').max(1000) }),
  z.object({ method: z.literal('per_unit'), points: z.number().positive('每项分值应大于0').max(100) }),
  z.object({ method: z.literal('per_miss'), points: z.number().positive('每项扣分应大于0').max(100) }),
])
export type Scoring = z.infer<typeof Scoring>

const Key = z
  .string()
  .min(1)
  .max(32)
  .regex(/^[a-z0-9_]+$/, '编码只能包含小写字母、数字和下划线')

/** Scores are kept to one decimal place (8.5 分). */
const Score = z
  .number()
  .min(0, '分值不能为负数')
  .max(1000)
  .refine((n) => Math.abs(n * 10 - Math.round(n * 10)) < 1e-9, '分值最多保留一位小数')

const IndicatorBase = z.object({
  key: Key,
  name: z.string().trim().min(2, '请填写指标名称').max(60),
  maxScore: Score.refine((n) => n > 0, '满分应大于0'),
  /** How the bureau explains it (评分标准). */
  guidance: z.string().trim().max(500).default(''),
})

export const Indicator = z.discriminatedUnion('kind', [
  IndicatorBase.extend({ kind: z.literal('computed'), source: Source, scoring: Scoring }),
  IndicatorBase.extend({ kind: z.literal('self'), evidenceRequired: z.boolean().default(true) }),
])
export type Indicator = z.infer<typeof Indicator>

export const Area = z.object({
  key: Key,
  name: z.string().trim().min(2, '请填写方面名称').max(30),
  indicators: z.array(Indicator).min(1, '每个方面至少有一项指标').max(30),
})
export type Area = z.infer<typeof Area>

export const StarThreshold = z.object({ stars: z.number().int().min(1).max(5), minScore: Score })

/** assessment_schemes: `_id` = `${tenantId}:${year}`, the bureau's scheme (考核细则) for a year. */
export const Scheme = z
  .object({
    year: Year,
    name: z.string().trim().min(2).max(40),
    areas: z.array(Area).min(1).max(10),
    /** ≥ 90 五星 …; a branch below every line has no star. */
    stars: z.array(StarThreshold).min(1).max(5),
  })
  .refine(
    (scheme) => {
      const keys = scheme.areas.flatMap((area) => [area.key, ...area.indicators.map((indicator) => indicator.key)])
      return new Set(keys).size === keys.length
    },
    { message: '方面和指标的编码不能重复', path: ['areas'] },
  )
  .refine(
    (scheme) =>
      scheme.stars.every(
        (line, i) =>
          i === 0 || (line.stars > scheme.stars[i - 1].stars && line.minScore > scheme.stars[i - 1].minScore),
      ),
    { message: '星级分数线应按星级从低到高排列，且星级越高分数线越高', path: ['stars'] },
  )
  .refine(
    (scheme) => {
      const total = scheme.areas.flatMap((area) => area.indicators).reduce((sum, item) => sum + item.maxScore, 0)
      return scheme.stars.every((line) => line.minScore <= total + 1e-9)
    },
    { message: '星级分数线不能高于总分', path: ['stars'] },
  )
export type Scheme = z.infer<typeof Scheme>

/** assessment_schemes: `_id` = `${tenantId}:${year}`; the scheme as saved, with who saved it. */
export type AssessmentSchemeDoc = Scheme & { _id: string; tenantId: string; savedBy: string; savedAt: number }

/** A figure from the app's data, with the sentence that shows it. */
export const Figure = z.object({
  numerator: z.number(),
  denominator: z.number(),
  text: z.string(),
})
export type Figure = z.infer<typeof Figure>

/** One indicator's result: its score, what was lost and why — what a branch sees. */
export const IndicatorScore = z.object({
  key: Key,
  name: z.string(),
  kind: z.enum(['computed', 'self']),
  maxScore: z.number(),
  /** null while a self-assessed item waits for the bureau's score (or the branch's claimed score, provisionally). */
  score: z.number().nullable(),
  lost: z.number(),
  figure: Figure.nullable(),
  /** 失分原因 / 评分说明, in Chinese. */
  reason: z.string(),
  state: z.enum(['computed', 'no_data', 'not_submitted', 'claimed', 'scored']),
})
export type IndicatorScore = z.infer<typeof IndicatorScore>

export const BranchScore = z.object({
  areas: z.array(
    z.object({
      key: Key,
      name: z.string(),
      score: z.number(),
      maxScore: z.number(),
      indicators: z.array(IndicatorScore),
    }),
  ),
  total: z.number(),
  maxScore: z.number(),
  stars: z.number().int(),
  /** Self-assessed items not scored yet: the total may still rise. */
  provisional: z.boolean(),
})
export type BranchScore = z.infer<typeof BranchScore>

// ---------------------------------------------------------------- the round

/** assessment_rounds: the bureau's round for a year; branches submit before the deadline. */
export const AssessmentRoundDoc = z.object({
  _id: Id,
  tenantId: Id,
  year: Year,
  deadline: EpochMs,
  status: z.enum(['open', 'published']),
  publishedAt: EpochMs.nullable(),
  createdBy: Id,
  createdAt: EpochMs,
})
export type AssessmentRoundDoc = z.infer<typeof AssessmentRoundDoc>

/** assessment_entries: `_id` = `${roundId}:${branchId}:${indicatorKey}`, a branch's self-assessment and its score. */
export const AssessmentEntryDoc = z.object({
  _id: z.string(),
  tenantId: Id,
  roundId: Id,
  branchId: Id,
  indicatorKey: Key,
  text: z.string(),
  fileIds: z.array(z.string()),
  /** The branch's own score (自评分), shown provisionally until the bureau scores. */
  claimedScore: z.number().nullable(),
  updatedAt: EpochMs,
  score: z.number().nullable(),
  comment: z.string().nullable(),
  scoredBy: Id.nullable(),
  scoredAt: EpochMs.nullable(),
})
export type AssessmentEntryDoc = z.infer<typeof AssessmentEntryDoc>

/** assessment_submissions: `_id` = `${roundId}:${branchId}`, the secretary's submission. */
export const AssessmentSubmissionDoc = z.object({
  _id: z.string(),
  tenantId: Id,
  roundId: Id,
  branchId: Id,
  submittedBy: Id,
  submittedAt: EpochMs,
})

/** assessment_results: `_id` = `${roundId}:${branchId}`, the published score, frozen with its figures. */
export const AssessmentResultDoc = z.object({
  _id: z.string(),
  tenantId: Id,
  roundId: Id,
  year: Year,
  branchId: Id,
  schoolKind: z.string(),
  score: BranchScore,
  publishedAt: EpochMs,
})
export type AssessmentSubmissionDoc = z.infer<typeof AssessmentSubmissionDoc>
export type AssessmentResultDoc = z.infer<typeof AssessmentResultDoc>

// ---------------------------------------------------------------- 党员示范岗 / 先锋岗 / 责任区

export const POST_KINDS = [
  'model_post', // 党员示范岗
  'pioneer_post', // 党员先锋岗
  'responsibility_area', // 党员责任区
] as const
export const PostKind = z.enum(POST_KINDS)
export type PostKind = z.infer<typeof PostKind>

/** designations: a member designated to a post for a period, with their commitment (承诺). */
export const DesignationDoc = z.object({
  _id: Id,
  tenantId: Id,
  branchId: Id,
  memberId: Id,
  kind: PostKind,
  post: z.string(),
  commitment: z.string(),
  from: CalendarDate,
  to: CalendarDate,
  endedOn: CalendarDate.nullable(),
  createdBy: Id,
  createdAt: EpochMs,
})
export type DesignationDoc = z.infer<typeof DesignationDoc>

/** post_deeds: what a member did under their commitment. */
export const PostDeedDoc = z.object({
  _id: Id,
  tenantId: Id,
  designationId: Id,
  memberId: Id,
  on: CalendarDate,
  text: z.string(),
  fileIds: z.array(z.string()),
  at: EpochMs,
})

// ---------------------------------------------------------------- 志愿服务 and 结对帮扶

/** volunteer_activities: published by a branch, or by the bureau for every branch (branchId null). */
export const VolunteerActivityDoc = z.object({
  _id: Id,
  tenantId: Id,
  branchId: Id.nullable(),
  title: z.string(),
  place: z.string(),
  startsAt: EpochMs,
  endsAt: EpochMs,
  places: z.number().int(),
  /** Places taken: kept beside `places` in one document, so a transaction refuses the sign-up past the last place. */
  signed: z.number().int(),
  status: z.enum(['published', 'cancelled']),
  createdBy: Id,
  createdAt: EpochMs,
})
export type VolunteerActivityDoc = z.infer<typeof VolunteerActivityDoc>

/** volunteer_signups: `_id` = `${activityId}:${memberId}`. */
export const VolunteerSignupDoc = z.object({
  _id: z.string(),
  tenantId: Id,
  activityId: Id,
  memberId: Id,
  branchId: Id,
  status: z.enum(['signed', 'cancelled']),
  at: EpochMs,
  /** When the member checked in with the organiser's code; null until then. */
  checkedInAt: EpochMs.nullable(),
  /** Wrong codes typed: ten and typing is refused (a 6-digit code cannot be guessed within that). */
  wrongCodes: z.number().int(),
})
export type VolunteerSignupDoc = z.infer<typeof VolunteerSignupDoc>

/** volunteer_hours: `_id` = `${activityId}:${memberId}`, hours credited once per activity (and one points event). */
export const VolunteerHoursDoc = z.object({
  _id: z.string(),
  tenantId: Id,
  activityId: Id,
  memberId: Id,
  branchId: Id,
  /** Half hours: 2.5 h is 5. */
  halfHours: z.number().int().min(0),
  via: z.enum(['check_in', 'hand']),
  recordedBy: Id,
  at: EpochMs,
})
export type VolunteerHoursDoc = z.infer<typeof VolunteerHoursDoc>

/**
 * volunteer_branch_years: `_id` = `${branchId}:${year}`, a branch's half hours credited in a year, kept in
 * the same transaction as each credit — so a branch's year is one read however many hours it holds.
 */
export const VolunteerBranchYearDoc = z.object({
  _id: z.string(),
  tenantId: Id,
  branchId: Id,
  year: z.number().int(),
  halfHours: z.number().int().min(0),
})
export type VolunteerBranchYearDoc = z.infer<typeof VolunteerBranchYearDoc>

export const PAIR_KINDS = [
  'member_student', // 党员结对学生
  'member_family', // 党员结对家庭
  'branch_branch', // 强弱支部结对
] as const
export const PairKind = z.enum(PAIR_KINDS)

/** pairs: 结对帮扶; a student or family is named by a label, not identified (minimum personal data). */
export const PairDoc = z.object({
  _id: Id,
  tenantId: Id,
  branchId: Id,
  kind: PairKind,
  memberId: Id.nullable(),
  partnerBranchId: Id.nullable(),
  /** '初二(3)班 小李' — enough for the branch, nothing more. */
  partnerLabel: z.string(),
  since: CalendarDate,
  until: CalendarDate.nullable(),
  createdBy: Id,
})
export type PairDoc = z.infer<typeof PairDoc>

/** pair_visits: one visit (走访) of a pair. */
export const PairVisitDoc = z.object({
  _id: Id,
  tenantId: Id,
  pairId: Id,
  branchId: Id,
  on: CalendarDate,
  note: z.string(),
  fileIds: z.array(z.string()),
  recordedBy: Id,
})
export type PairVisitDoc = z.infer<typeof PairVisitDoc>
export type PostDeedDoc = z.infer<typeof PostDeedDoc>

const Page = pageInput()

const Hours = z
  .number()
  .positive('时长应大于0')
  .max(24, '单次时长不超过24小时')
  .refine((h) => Number.isInteger(h * 2), '时长以半小时计')

export const assessmentActions = {
  // the scheme
  offeredSources: defineAction({
    summary:
      'The figures a computed indicator may use now: only those whose domain is deployed; an indicator whose source does not exist is not offered.',
    input: z.object({}).strict(),
    output: z.object({ sources: z.array(z.object({ source: Source, name: z.string(), unit: z.string() })) }),
    roles: ['bureau_staff'],
    errors: [],
  }),
  getScheme: defineAction({
    summary:
      "The year's scheme (areas, indicators with their maximum and scoring, star lines), or null before one is saved.",
    input: z.object({ year: Year }),
    output: z.object({ scheme: Scheme.nullable() }),
    roles: ROLES,
    errors: [],
  }),
  saveScheme: defineAction({
    summary:
      "Bureau staff save the year's scheme; refused when an indicator uses a source not offered, or once the round is published.",
    input: Scheme,
    output: z.object({ scheme: Scheme, maxScore: z.number() }),
    roles: ['bureau_staff'],
    errors: ['ASSESSMENT.SOURCE_UNAVAILABLE', 'ASSESSMENT.PUBLISHED'],
  }),
  previewSchemeImport: defineAction({
    summary:
      'Reads a scheme from an uploaded .xlsx (方面, 指标, 分值, 评分方式, 数据来源, 计分办法, 参数, 说明) and shows it with row-by-row problems; nothing is saved.',
    input: z.object({ fileID: FileId, year: Year }),
    output: z.object({
      scheme: Scheme.nullable(),
      problems: z.array(z.object({ row: z.number().int(), message: z.string() })),
    }),
    roles: ['bureau_staff'],
    errors: ['ROSTER.FILE_NOT_FOUND', 'ROSTER.IMPORT_UNREADABLE', 'ROSTER.IMPORT_NO_ROWS', 'ASSESSMENT.IMPORT_HEADERS'],
  }),
  exportScheme: defineAction({
    summary: "The year's scheme as .xlsx, in the import's columns, so a bureau can edit it and import it back.",
    input: z.object({ year: Year }),
    output: Download,
    roles: ['bureau_staff'],
    errors: ['ASSESSMENT.NO_SCHEME'],
  }),

  // the round
  openRound: defineAction({
    summary: "Bureau staff open the year's round with a deadline; branches see their provisional score from then.",
    input: z.object({ year: Year, deadline: EpochMs }),
    output: z.object({ roundId: Id }),
    roles: ['bureau_staff'],
    errors: ['ASSESSMENT.NO_SCHEME', 'ASSESSMENT.ROUND_EXISTS', 'DATE.DEADLINE_PAST'],
  }),
  getRound: defineAction({
    summary:
      "The year's round as everyone sees it (open with its deadline, or published), or null before the bureau opens one; with the branches the caller may score or manage in it.",
    input: z.object({ year: Year }),
    output: z.object({
      round: z
        .object({
          id: Id,
          year: Year,
          deadline: z.number(),
          status: z.enum(['open', 'published']),
          publishedAt: z.number().nullable(),
        })
        .nullable(),
      /** The caller's own branches (those they manage or read), for 支部得分. */
      branches: z.array(z.object({ id: Id, name: z.string() })),
    }),
    roles: ROLES,
    errors: [],
  }),
  branchScore: defineAction({
    summary:
      "A branch's score in a round: each indicator with its figure, score, points lost and why; provisional until published (computed live, self-assessed as claimed or scored).",
    input: z.object({ roundId: Id, branchId: Id }),
    output: z.object({
      roundId: Id,
      year: Year,
      branchId: Id,
      branchName: z.string(),
      score: BranchScore,
      status: z.enum(['open', 'submitted', 'published']),
      deadline: z.number(),
      submittedAt: z.number().nullable(),
      /** What the branch wrote for each self-assessed indicator, its evidence as short-lived links. */
      entries: z.array(
        z.object({
          indicatorKey: Key,
          text: z.string(),
          files: z.array(z.object({ fileID: z.string(), url: z.string() })),
          claimedScore: z.number().nullable(),
          score: z.number().nullable(),
          comment: z.string().nullable(),
        }),
      ),
      /** Whether the caller may write and submit (the branch's managers while open), and score (bureau staff). */
      canEdit: z.boolean(),
      canScore: z.boolean(),
    }),
    roles: ASSESSMENT_READERS,
    errors: ['ASSESSMENT.ROUND_NOT_FOUND', 'ROSTER.NOT_FOUND'],
  }),
  saveSelfAssessment: defineAction({
    summary:
      'The secretary writes what the branch did for a self-assessed indicator, with photos/files and an optional claimed score, until the branch submits.',
    input: z.object({
      roundId: Id,
      branchId: Id,
      indicatorKey: Key,
      text: z.string().trim().min(10, '请写明开展情况（不少于10个字）').max(3000),
      fileIds: Evidence,
      claimedScore: Score.nullable().default(null),
    }),
    output: IndicatorScore,
    roles: ASSESSMENT_MANAGERS,
    errors: [
      'ASSESSMENT.ROUND_NOT_FOUND',
      'ASSESSMENT.NOT_SELF_ASSESSED',
      'ASSESSMENT.SCORE_OVER_MAX',
      'ASSESSMENT.SUBMITTED',
      'ASSESSMENT.PAST_DEADLINE',
      'ASSESSMENT.FILE_NOT_YOURS',
    ],
  }),
  submitBranch: defineAction({
    summary:
      "The secretary submits the branch's self-assessments before the deadline; every self-assessed item must be written, with evidence where required.",
    input: z.object({ roundId: Id, branchId: Id }),
    output: z.object({ submittedAt: z.number() }),
    roles: ASSESSMENT_MANAGERS,
    errors: [
      'ASSESSMENT.ROUND_NOT_FOUND',
      'ASSESSMENT.SUBMITTED',
      'ASSESSMENT.PAST_DEADLINE',
      'ASSESSMENT.EVIDENCE_MISSING',
    ],
  }),
  scoreSelfAssessment: defineAction({
    summary:
      'Bureau staff score a submitted self-assessment, at most its maximum, with a comment whenever points are taken off (the branch reads why).',
    input: z.object({
      roundId: Id,
      branchId: Id,
      indicatorKey: Key,
      score: Score,
      comment: z.string().trim().max(300).default(''),
    }),
    output: IndicatorScore,
    roles: ['bureau_staff'],
    errors: [
      'ASSESSMENT.ROUND_NOT_FOUND',
      'ASSESSMENT.NOT_SELF_ASSESSED',
      'ASSESSMENT.NOT_SUBMITTED',
      'ASSESSMENT.SCORE_OVER_MAX',
      'ASSESSMENT.COMMENT_REQUIRED',
      'ASSESSMENT.PUBLISHED',
    ],
  }),
  publishRound: defineAction({
    summary:
      'Freezes every branch’s score and stars and publishes them; refused while a submitted self-assessment is unscored.',
    input: z.object({ roundId: Id }),
    output: z.object({ branches: z.number().int() }),
    roles: ['bureau_staff'],
    errors: ['ASSESSMENT.ROUND_NOT_FOUND', 'ASSESSMENT.UNSCORED', 'ASSESSMENT.PUBLISHED'],
  }),
  roundResults: defineAction({
    summary:
      'Branches ranked by score (ties share a rank), within a school type if chosen, with stars and last year’s score beside; provisional before publishing, for bureau staff only.',
    input: Page.extend({
      roundId: Id,
      schoolKind: z.enum(['primary', 'secondary', 'vocational', 'joint', 'other']).nullable().default(null),
    }),
    output: z.object({
      items: z.array(
        z.object({
          branchId: Id,
          name: z.string(),
          schoolKind: z.string(),
          total: z.number(),
          stars: z.number().int(),
          rank: z.number().int(),
          lastYear: z.number().nullable(),
          submitted: z.boolean(),
          /** Submitted self-assessed items the bureau has still to score. */
          toScore: z.number().int(),
        }),
      ),
      total: z.number().int(),
      page: z.number().int(),
      published: z.boolean(),
    }),
    roles: ['bureau_staff', 'general_branch_secretary', 'instructor'],
    errors: ['ASSESSMENT.ROUND_NOT_FOUND'],
  }),
  exportResults: defineAction({
    summary:
      'The results as .xlsx (every branch with each indicator’s score, and a sheet of the reasons points were lost), or one branch’s 考核得分表 as PDF; marked 暂定 before publishing.',
    input: z.object({ roundId: Id, branchId: Id.nullable().default(null) }),
    output: Download,
    roles: ['bureau_staff'],
    errors: ['ASSESSMENT.ROUND_NOT_FOUND', 'ROSTER.NOT_FOUND'],
  }),
}

/**
 * 党员示范岗 / 先锋岗 / 责任区, 志愿服务 and 结对帮扶, served by the assessment
 * function beside the round (api.assessment): their figures (volunteer_hours,
 * model_posts) are the assessment's own sources, read where they are written.
 */
export const engagementActions = {
  // 党员示范岗 / 先锋岗 / 责任区
  designatePost: defineAction({
    summary:
      'Designates a member of the branch to a 示范岗 / 先锋岗 / 责任区 for a period with their commitment (承诺); shown on their page and the branch’s.',
    input: z
      .object({
        requestId: Id,
        memberId: Id,
        kind: PostKind,
        post: z.string().trim().min(2, '请填写岗位名称').max(40),
        commitment: z.string().trim().min(10, '承诺不少于10个字').max(500),
        from: CalendarDate,
        to: CalendarDate,
      })
      .refine((d) => d.to > d.from, { message: '结束日期应晚于开始日期', path: ['to'] }),
    output: z.object({ id: Id }),
    roles: ASSESSMENT_MANAGERS,
    errors: ['ROSTER.NOT_FOUND', 'ROSTER.INACTIVE', 'POST.OVERLAP'],
  }),
  endDesignation: defineAction({
    summary: 'Ends a designation early (kept as history).',
    input: z.object({ designationId: Id, on: CalendarDate }),
    output: z.object({ id: Id }),
    roles: ASSESSMENT_MANAGERS,
    errors: ['POST.NOT_FOUND', 'POST.ENDED'],
  }),
  listDesignations: defineAction({
    summary: "Designations now in force in a branch (or the caller's own), with their latest deeds.",
    input: z.object({ branchId: Id.nullable().default(null), asOf: CalendarDate.nullable().default(null) }),
    output: z.object({
      items: z.array(
        z.object({
          id: Id,
          memberId: Id,
          name: z.string(),
          kind: PostKind,
          post: z.string(),
          commitment: z.string(),
          from: z.string(),
          to: z.string(),
          deeds: z.number().int(),
        }),
      ),
    }),
    roles: ROLES,
    errors: ['ROSTER.NOT_FOUND'],
  }),
  recordDeed: defineAction({
    summary: 'The designated member records what they did under their commitment, with photos.',
    input: z.object({
      requestId: Id,
      designationId: Id,
      on: CalendarDate,
      text: z.string().trim().min(10, '请写明做了什么（不少于10个字）').max(1000),
      fileIds: Evidence,
    }),
    output: z.object({ id: Id }),
    roles: ROLES,
    errors: ['POST.NOT_FOUND', 'POST.NOT_IN_FORCE', 'AUTH.FORBIDDEN', 'DATE.IN_FUTURE'],
  }),

  // 志愿服务
  publishVolunteerActivity: defineAction({
    summary:
      'Publishes a 志愿服务 activity for a branch (or, by bureau staff, for all): title, place, time, places available; check-in reuses the meetings code.',
    input: z
      .object({
        requestId: Id,
        branchId: Id.nullable(),
        title: z.string().trim().min(2, '请填写活动名称').max(60),
        place: z.string().trim().min(1, '请填写地点').max(60),
        startsAt: EpochMs,
        endsAt: EpochMs,
        places: z.number().int().min(1, '名额至少1人').max(1000),
      })
      .refine((a) => a.endsAt > a.startsAt, { message: '结束时间应晚于开始时间', path: ['endsAt'] })
      .refine((a) => a.endsAt - a.startsAt <= 24 * 3_600_000, { message: '活动时长不能超过24小时', path: ['endsAt'] }),
    output: z.object({ id: Id }),
    roles: ASSESSMENT_MANAGERS,
    errors: ['ROSTER.NOT_FOUND', 'MEETING.IN_PAST'],
  }),
  listVolunteerActivities: defineAction({
    summary:
      'Activities open to the caller (their branch and the bureau’s), upcoming first, with places left and their sign-up.',
    input: Page,
    output: z.object({
      items: z.array(
        z.object({
          id: Id,
          title: z.string(),
          place: z.string(),
          startsAt: z.number(),
          endsAt: z.number(),
          places: z.number().int(),
          signed: z.number().int(),
          mine: z.enum(['signed', 'attended']).nullable(),
        }),
      ),
      total: z.number().int(),
      page: z.number().int(),
    }),
    roles: ROLES,
    errors: [],
  }),
  signUpVolunteer: defineAction({
    summary: 'Signs the caller up (or takes it back) before the activity starts, within the places available.',
    input: z.object({ activityId: Id, cancel: z.boolean().default(false) }),
    output: z.object({ signed: z.boolean(), placesLeft: z.number().int() }),
    roles: ROLES,
    errors: [
      'VOLUNTEER.NOT_FOUND',
      'VOLUNTEER.FULL',
      'VOLUNTEER.STARTED',
      'VOLUNTEER.CANCELLED',
      'VOLUNTEER.NOT_OPEN_TO_YOU',
    ],
  }),
  getVolunteerActivity: defineAction({
    summary:
      'One activity: its details and the caller’s sign-up, check-in and hours; to whoever manages it, the sign-ups with their check-ins and hours.',
    input: z.object({ activityId: Id }),
    output: z.object({
      id: Id,
      title: z.string(),
      place: z.string(),
      startsAt: z.number(),
      endsAt: z.number(),
      places: z.number().int(),
      signed: z.number().int(),
      /** Whole and half hours the activity lasts, rounded up: the most a member may be credited. */
      maxHours: z.number(),
      cancelled: z.boolean(),
      mine: z.object({ signed: z.boolean(), checkedInAt: z.number().nullable(), hours: z.number().nullable() }),
      canManage: z.boolean(),
      signups: z.array(
        z.object({
          memberId: Id,
          name: z.string(),
          checkedInAt: z.number().nullable(),
          hours: z.number().nullable(),
        }),
      ),
    }),
    roles: ROLES,
    errors: ['VOLUNTEER.NOT_FOUND', 'VOLUNTEER.NOT_OPEN_TO_YOU'],
  }),
  volunteerCheckInCode: defineAction({
    summary:
      'The organiser’s 签到码 for an activity: a 6-digit code that changes every minute (the meetings check-in’s signed code, through the shared layer), from 30 minutes before the start to the end.',
    input: z.object({ activityId: Id }),
    output: z.object({ shortCode: z.string(), refreshAt: z.number(), closesAt: z.number() }),
    roles: ASSESSMENT_MANAGERS,
    errors: ['VOLUNTEER.NOT_FOUND', 'VOLUNTEER.CANCELLED', 'VOLUNTEER.CHECKIN_CLOSED'],
  }),
  volunteerCheckIn: defineAction({
    summary:
      'A signed-up member checks in by typing the organiser’s current code; once (a second check-in answers the first).',
    input: z.object({ activityId: Id, shortCode: z.string().regex(/^\d{6}$/, '请输入6位签到码') }),
    output: z.object({ checkedInAt: z.number(), first: z.boolean() }),
    roles: ROLES,
    errors: [
      'VOLUNTEER.NOT_FOUND',
      'VOLUNTEER.CANCELLED',
      'VOLUNTEER.NOT_SIGNED',
      'VOLUNTEER.CHECKIN_CLOSED',
      'VOLUNTEER.CODE_INVALID',
      'VOLUNTEER.TOO_MANY_TRIES',
    ],
  }),
  recordVolunteerHours: defineAction({
    summary:
      'Credits hours to members who took part (after check-in, or by hand), in half hours up to the activity’s length; once per member and activity, paying the points rule once.',
    input: z.object({
      activityId: Id,
      entries: z
        .array(z.object({ memberId: Id, hours: Hours }))
        .min(1)
        .max(200),
    }),
    output: z.object({ credited: z.number().int(), alreadyCredited: z.number().int() }),
    roles: ASSESSMENT_MANAGERS,
    errors: [
      'VOLUNTEER.NOT_FOUND',
      'VOLUNTEER.NOT_ENDED',
      'VOLUNTEER.HOURS_OVER_LENGTH',
      'VOLUNTEER.NOT_SIGNED',
      'VOLUNTEER.OWN_HOURS',
      'ROSTER.NOT_FOUND',
    ],
  }),
  myVolunteerHours: defineAction({
    summary: "The caller's volunteer hours in a year, activity by activity.",
    input: z.object({ year: Year }),
    output: z.object({
      hours: z.number(),
      items: z.array(z.object({ activityId: Id, title: z.string(), on: z.string(), hours: z.number() })),
    }),
    roles: ROLES,
    errors: [],
  }),

  // 结对帮扶
  createPair: defineAction({
    summary:
      'Records a 结对帮扶 pair: a member with a student or a family (named by a short label only), or the branch with a weaker branch.',
    input: z
      .object({
        requestId: Id,
        branchId: Id,
        kind: PairKind,
        memberId: Id.nullable().default(null),
        partnerBranchId: Id.nullable().default(null),
        partnerLabel: z.string().trim().min(2, '请填写结对对象').max(30, '结对对象只需简称，不超过30字'),
        since: CalendarDate,
      })
      // A branch pair names the other branch and no member; a member pair names the member and no branch.
      .refine(
        (p) =>
          p.kind === 'branch_branch'
            ? p.partnerBranchId !== null && p.memberId === null
            : p.memberId !== null && p.partnerBranchId === null,
        {
          message: '支部结对须选择对方支部；党员结对须选择党员',
          path: ['kind'],
        },
      ),
    output: z.object({ id: Id }),
    roles: ASSESSMENT_MANAGERS,
    errors: ['ROSTER.NOT_FOUND', 'DATE.IN_FUTURE'],
  }),
  recordPairVisit: defineAction({
    summary:
      'Records a visit (走访/帮扶) of a pair: the member of the pair, or a manager of its branch (of either branch of a branch pair).',
    input: z.object({
      requestId: Id,
      pairId: Id,
      on: CalendarDate,
      note: z.string().trim().min(10, '请写明帮扶内容（不少于10个字）').max(1000),
      fileIds: Evidence,
    }),
    output: z.object({ id: Id }),
    roles: ROLES,
    errors: ['PAIR.NOT_FOUND', 'PAIR.ENDED', 'AUTH.FORBIDDEN', 'DATE.IN_FUTURE'],
  }),
  listPairs: defineAction({
    summary:
      "A branch's pairs with their visits this year (a branch pair on both branches' lists), those not visited yet first; a member of the branch who does not read it sees their own pairs.",
    input: z.object({ branchId: Id, year: Year }),
    output: z.object({
      items: z.array(
        z.object({
          id: Id,
          kind: PairKind,
          memberName: z.string().nullable(),
          partner: z.string(),
          visits: z.number().int(),
          lastVisitOn: z.string().nullable(),
        }),
      ),
    }),
    roles: ROLES,
    errors: ['ROSTER.NOT_FOUND'],
  }),
}
