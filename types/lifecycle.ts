import { defineAction } from './action'
import { Download } from './bureau'
import { CalendarDate, EpochMs, Evidence, FileId, Id, MonthKey, Year } from './ids'
import {
  CONVERSION_OUTCOMES,
  DEVELOPMENT_STAGES,
  DEVELOPMENT_STEPS,
  MATERIALS,
  TEACHING_ROLES,
} from './lifecycle-names'
import { pageInput } from './paging'
import { ROLES, ROSTER_MANAGERS, ROSTER_READERS } from './roles'
import { type InvitationDoc, PersonName, Phone } from './roster'
import * as z from './zod'

export * from './lifecycle-names'

/**
 * Membership lifecycle (党员的进、管、转、出): the recruitment pipeline
 * (发展党员), membership dues (党费) and transfers in and out of the county
 * (组织关系转接, 流动党员). Rules: cloudfunctions/domain/lifecycle/; design:
 * docs/domains/lifecycle.md.
 */

/** Who keeps development files, dues and transfers: secretaries for their branches, bureau staff for all. */
export const LIFECYCLE_MANAGERS = ROSTER_MANAGERS
/** Who may read them (committee members and instructors too), each then checked per branch. */
export const LIFECYCLE_READERS = ROSTER_READERS

// ---------------------------------------------------------------- 发展党员

export const DevelopmentStage = z.enum(DEVELOPMENT_STAGES)
export type DevelopmentStage = z.infer<typeof DevelopmentStage>

export const DevelopmentStep = z.enum(DEVELOPMENT_STEPS)
export type DevelopmentStep = z.infer<typeof DevelopmentStep>

/** The two steps that are a stretch of time, evidenced by 考察记录 rather than recorded once. */
export const REVIEW_STEPS = ['training_review', 'probation_review'] as const satisfies readonly DevelopmentStep[]

export const Material = z.enum(MATERIALS)
export type Material = z.infer<typeof Material>

export const TeachingRole = z.enum(TEACHING_ROLES)
export type TeachingRole = z.infer<typeof TeachingRole>

/** 支部大会 表决: who could vote, who came, who voted for. */
export const BranchVote = z
  .object({
    /** 应到会有表决权的正式党员. */
    eligible: z.number().int().min(3, '有表决权的正式党员至少3名').max(500),
    present: z.number().int().min(0).max(500),
    inFavour: z.number().int().min(0).max(500),
  })
  .refine((vote) => vote.present <= vote.eligible, { message: '到会人数不能超过应到会人数', path: ['present'] })
  .refine((vote) => vote.inFavour <= vote.present, { message: '赞成票不能超过到会人数', path: ['inFavour'] })
export type BranchVote = z.infer<typeof BranchVote>

export const ConversionOutcome = z.enum(CONVERSION_OUTCOMES)
export type ConversionOutcome = z.infer<typeof ConversionOutcome>

const Note = z.string().trim().max(500, '说明不能超过500字').default('')
const DistinctIds = z.array(Id).refine((ids) => new Set(ids).size === ids.length, '不能重复指定同一人')
const Attachments = z.array(z.object({ material: Material, fileIds: z.array(FileId).min(1).max(9) })).max(6)

/** What recording one step carries; the step decides which details are required. */
export const StepInput = z.discriminatedUnion('step', [
  z.object({
    step: z.enum([
      'application',
      'application_talk',
      'activist_decision',
      'activist_filing',
      'candidate_decision',
      'candidate_filing',
      'political_review',
      'committee_review',
      'application_form',
      'approval_talk',
      'admission_approval',
      'admission_filing',
      'placement',
      'oath',
      'conversion_application',
      'conversion_approval',
      'archiving',
    ]),
  }),
  // 培养联系人: one or two formal members (细则第十二条).
  z.object({
    step: z.literal('contacts_assigned'),
    memberIds: DistinctIds.min(1, '请指定培养联系人').max(2, '培养联系人为一至二名'),
  }),
  // 入党介绍人: two formal members (细则第二十条).
  z.object({ step: z.literal('introducers_assigned'), memberIds: DistinctIds.length(2, '入党介绍人应为两名正式党员') }),
  // 集中培训: at least 3 days or 24 学时 (细则第十八条); fewer hours are recorded and shown as missing.
  z.object({ step: z.literal('intensive_training'), hours: z.number().int().min(1).max(200) }),
  // 预审 carries the 公示 period, which must be over before the 预审 result.
  z.object({ step: z.literal('pre_approval'), noticeFrom: CalendarDate, noticeTo: CalendarDate }),
  z.object({ step: z.literal('admission_vote'), vote: BranchVote }),
  z
    .object({
      step: z.literal('conversion_vote'),
      vote: BranchVote,
      outcome: ConversionOutcome,
      /** 延长预备期: at least six months, at most a year (细则第三十五条). */
      extensionMonths: z
        .number()
        .int()
        .min(6, '延长预备期不能少于半年')
        .max(12, '延长预备期最长不超过一年')
        .nullable()
        .default(null),
    })
    .refine((vote) => (vote.outcome === 'extend') === (vote.extensionMonths !== null), {
      message: '延长预备期须填写延长的月数（6至12个月），其他决定不填',
      path: ['extensionMonths'],
    }),
])
export type StepInput = z.infer<typeof StepInput>

/** One recorded step of a person's file. */
export const StepRecord = z.object({
  step: DevelopmentStep,
  /** The day it happened (Asia/Shanghai calendar). */
  on: CalendarDate,
  details: StepInput,
  note: z.string(),
  materials: z.array(z.object({ material: Material, fileIds: z.array(z.string()) })),
  recordedBy: Id,
  recordedAt: EpochMs,
})
export type StepRecord = z.infer<typeof StepRecord>

/** 考察记录: a note on the person during training (积极分子) or probation (预备党员). */
export const ReviewNote = z.object({
  /** The client's request id: a retried note is added once. */
  id: Id,
  on: CalendarDate,
  /** 培养联系人 or a committee member. */
  byMemberId: Id,
  text: z.string(),
  fileIds: z.array(z.string()),
})
export type ReviewNote = z.infer<typeof ReviewNote>

/** development_files: one person's way into the Party, in one branch. */
export const DevelopmentFileDoc = z.object({
  _id: Id,
  tenantId: Id,
  branchId: Id,
  name: z.string(),
  /** For the applicant's own binding and reminders only; masked for readers. */
  phone: z.string().nullable(),
  teachingRole: TeachingRole,
  /** 双培养: a 骨干教师 the branch trains into a member. */
  keyTeacher: z.boolean(),
  stage: DevelopmentStage,
  steps: z.array(StepRecord),
  reviews: z.array(ReviewNote),
  /** The roster member created when the 上级党委 approved the admission. */
  memberId: Id.nullable(),
  closed: z.object({ on: CalendarDate, reason: z.string() }).nullable(),
  createdBy: Id,
  createdAt: EpochMs,
  updatedAt: EpochMs,
})
export type DevelopmentFileDoc = z.infer<typeof DevelopmentFileDoc>

/** applicant_bindings: `_id` = OPENID of an applicant or 积极分子, who is not a member and sees only their own file. */
export const ApplicantBindingDoc = z.object({ _id: z.string(), tenantId: Id, fileId: Id, boundAt: EpochMs })
export type ApplicantBindingDoc = z.infer<typeof ApplicantBindingDoc>

/** applicant_invitations: `_id` is the code (as roster invitations), naming a development file instead of a member. */
export type ApplicantInvitationDoc = Omit<InvitationDoc, 'memberId'> & { fileId: string }

/** A step whose prerequisites are recorded: the earliest day it is allowed and the latest before it is overdue. */
export const NextStep = z.object({
  step: DevelopmentStep,
  earliestOn: z.string(),
  latestOn: z.string().nullable(),
})
export type NextStep = z.infer<typeof NextStep>

export const DUE_KINDS = [
  'talk', // 一个月内谈话
  'review', // 本季度考察记录
  'candidate_ready', // 培养满一年，可确定为发展对象
  'admission_approval', // 接收预备党员待审批 (3 months)
  'probation_end', // 预备期届满
  'conversion_vote', // 预备期满后及时讨论转正
  'conversion_approval', // 转正待审批 (3 months)
] as const
export const DueKind = z.enum(DUE_KINDS)
export type DueKind = z.infer<typeof DueKind>

/** One thing a secretary should act on: '张三 预备期将于 30 天后届满'. */
export const DueItem = z.object({
  fileId: Id,
  name: z.string(),
  kind: DueKind,
  /** The day it falls due. */
  on: z.string(),
  /** Days from today to `on`; negative once overdue. */
  days: z.number().int(),
  overdue: z.boolean(),
  text: z.string(),
})
export type DueItem = z.infer<typeof DueItem>

export const MissingMaterial = z.object({ step: DevelopmentStep, material: Material })

export const Timeline = z.object({
  stage: DevelopmentStage,
  done: z.array(DevelopmentStep),
  next: z.array(NextStep),
  missing: z.array(MissingMaterial),
  /** Quarters of training or probation with no 考察记录 ('2026-Q1'). */
  reviewGaps: z.array(z.string()),
  /** 集中培训 shorter than 24 学时. */
  trainingShort: z.boolean(),
  probationEndsOn: z.string().nullable(),
  due: z.array(DueItem),
})
export type Timeline = z.infer<typeof Timeline>

export const DevelopmentFileView = z.object({
  id: Id,
  branchId: Id,
  branchName: z.string(),
  name: z.string(),
  phone: z.string().nullable(),
  teachingRole: TeachingRole,
  keyTeacher: z.boolean(),
  memberId: Id.nullable(),
  steps: z.array(StepRecord.omit({ recordedBy: true }).extend({ recordedByName: z.string() })),
  reviews: z.array(ReviewNote.extend({ byName: z.string() })),
  timeline: Timeline,
  canManage: z.boolean(),
})
export type DevelopmentFileView = z.infer<typeof DevelopmentFileView>

const DevelopmentRow = z.object({
  id: Id,
  name: z.string(),
  stage: DevelopmentStage,
  teachingRole: TeachingRole,
  keyTeacher: z.boolean(),
  lastStep: DevelopmentStep.nullable(),
  lastStepOn: z.string().nullable(),
  nextStep: DevelopmentStep.nullable(),
  nextEarliestOn: z.string().nullable(),
  overdue: z.number().int(),
})

export const StageCounts = z.record(DevelopmentStage, z.number().int())
export type StageCounts = z.infer<typeof StageCounts>

/** Pipeline figures for one year: people who entered each stage that year. */
export const YearTotals = z.object({
  applications: z.number().int(),
  activists: z.number().int(),
  candidates: z.number().int(),
  admitted: z.number().int(),
  converted: z.number().int(),
})
export type YearTotals = z.infer<typeof YearTotals>

const Page = pageInput()

const DEVELOPMENT_REFUSALS = [
  'DEVELOPMENT.NOT_FOUND',
  'DEVELOPMENT.CLOSED',
  'DEVELOPMENT.STEP_OUT_OF_ORDER',
  'DEVELOPMENT.STEP_DONE',
  'DEVELOPMENT.STEP_TOO_EARLY',
  'DATE.IN_FUTURE',
  'DATE.BEFORE_PREVIOUS',
  'DEVELOPMENT.VOTE_FAILED',
  'DEVELOPMENT.NOT_FORMAL_MEMBER',
  'DEVELOPMENT.NOTICE_TOO_SHORT',
  'DEVELOPMENT.EXTENSION_USED',
  'DEVELOPMENT.FILE_NOT_YOURS',
] as const

const PersonFields = z.object({
  name: PersonName,
  phone: Phone.nullable().default(null),
  teachingRole: TeachingRole,
  keyTeacher: z.boolean().default(false),
})

// ---------------------------------------------------------------- 党费

/** Whose dues follow which part of the schedule. */
export const DUES_CATEGORIES = [
  'employed', // 在职: share of the after-tax regular wage
  'retired', // 离退休: share of the pension
  'student', // 学生: fixed amount
  'unemployed', // 失业、下岗: fixed amount
  'subsistence', // 依靠最低生活保障: fixed amount
] as const
export const DuesCategory = z.enum(DUES_CATEGORIES)
export type DuesCategory = z.infer<typeof DuesCategory>

/** Money is integer 分 (fen) everywhere. */
export const Fen = z.number().int('金额应精确到分').min(0, '金额不能为负数').max(100_000_000, '金额过大')

/** A base of at most this many 分 per month (¥1,000,000) is plausible; beyond it is a typing error. */
const MAX_BASE_FEN = 100_000_000

/**
 * One bracket: a base up to and including `upToFen` pays `rateBp` basis points
 * (1/100 of a percent: 0.5% = 50) of the whole base; the last bracket has no
 * upper bound (null).
 */
export const DuesBracket = z.object({
  upToFen: z.number().int().positive().max(MAX_BASE_FEN).nullable(),
  rateBp: z.number().int().min(0).max(1000, '党费比例不能超过10%'),
})
export type DuesBracket = z.infer<typeof DuesBracket>

const Brackets = z
  .array(DuesBracket)
  .min(1)
  .max(10)
  .refine((brackets) => brackets.at(-1)?.upToFen === null, '最后一档不设上限')
  .refine(
    (brackets) =>
      brackets.slice(0, -1).every((bracket, i) => {
        const next = brackets[i + 1].upToFen
        return bracket.upToFen !== null && (next === null || next > bracket.upToFen)
      }),
    '档次应从低到高排列',
  )

/**
 * 党费标准 (a tenant setting; `_id` = tenantId in dues_schedule, absent = the
 * defaults of the 2008 规定 in cloudfunctions/domain/lifecycle/dues-schedule.ts).
 */
export const DuesSchedule = z.strictObject({
  employed: Brackets,
  retired: Brackets,
  /** 学生、失业、低保: a fixed monthly amount (0.2 元 = 20 分). */
  fixedFen: Fen.max(10_000),
  /**
   * 党费记录起始月份: the first month the app keeps dues for. Months before it are on the paper 党费证, so a
   * county that starts mid-year is not shown owing every earlier month. null: from each member's 入党时间.
   */
  recordsFrom: MonthKey.nullable().default(null),
})
export type DuesSchedule = z.infer<typeof DuesSchedule>

/** dues_bases: `_id` = `${memberId}:${year}`, the monthly base 核定 for a year (imported yearly or edited). */
export const DuesBaseDoc = z.object({
  _id: z.string(),
  tenantId: Id,
  memberId: Id,
  branchId: Id,
  year: Year,
  category: DuesCategory,
  /** After-tax regular monthly wage or pension; 0 for fixed-amount categories. */
  baseFen: Fen,
  source: z.enum(['import', 'hand']),
  updatedBy: Id,
  updatedAt: EpochMs,
})
export type DuesBaseDoc = z.infer<typeof DuesBaseDoc>

/** dues_reductions: a hardship reduction (少交或免交) the branch decided, for a run of months. */
export const DuesReductionDoc = z.object({
  _id: Id,
  tenantId: Id,
  memberId: Id,
  branchId: Id,
  fromMonth: MonthKey,
  toMonth: MonthKey,
  /** The reduced monthly amount; 0 = exempted (免交). */
  monthlyFen: Fen,
  /** The branch's decision (支部委员会/支部大会研究决定), e.g. '2026年3月支委会'. */
  decision: z.string(),
  decidedOn: CalendarDate,
  recordedBy: Id,
  recordedAt: EpochMs,
})
export type DuesReductionDoc = z.infer<typeof DuesReductionDoc>

export const PAYMENT_METHODS = ['cash', 'transfer', 'wechat_pay'] as const // 现金 / 转账 / 微信支付 (reference only)
export const PaymentMethod = z.enum(PAYMENT_METHODS)
export type PaymentMethod = z.infer<typeof PaymentMethod>

/**
 * dues_payments: `_id` = the client's idempotency key, so a retried record
 * pays once. Each month is paid in full (its amount owed); anything more is
 * voluntary extra (自愿多交), kept apart so it never inflates the collection rate.
 */
export const DuesPaymentDoc = z.object({
  _id: z.string(),
  tenantId: Id,
  memberId: Id,
  branchId: Id,
  months: z.array(z.object({ month: MonthKey, amountFen: Fen })).min(1),
  /** The years of `months`, so a year's ledger reads its payments by an indexed field. */
  years: z.array(Year).min(1),
  extraFen: Fen,
  method: PaymentMethod,
  /** 转账流水号 / 微信支付单号; the app records, it never takes money. */
  reference: z.string(),
  paidOn: CalendarDate,
  recordedBy: Id,
  recordedAt: EpochMs,
})
export type DuesPaymentDoc = z.infer<typeof DuesPaymentDoc>

/** One month of one member's dues, as the statement (党费证) and the collection sheet show it. */
export const DuesMonth = z.object({
  month: MonthKey,
  /** A base is 核定 for the month's year; without one nothing can be computed or paid. */
  baseSet: z.boolean(),
  /** What the schedule asks before any reduction. */
  scheduledFen: Fen,
  owedFen: Fen,
  paidFen: Fen,
  extraFen: Fen,
  settled: z.boolean(),
  reduced: z.boolean(),
})
export type DuesMonth = z.infer<typeof DuesMonth>

/** dues_branch_months: `_id` = `${branchId}:${month}`, a branch's collection for a month, rewritten on every dues write of its members. */
export interface DuesBranchMonthDoc extends Collection {
  _id: string
  tenantId: string
  branchId: string
  month: string
  year: number
  updatedAt: number
}

/**
 * dues_status: `_id` = memberId. `unpaidFrom` is the first month of the run of
 * unpaid months the member's ledger ends with (null: the ledger ends paid), so
 * "6 months in arrears at month M" is the query `unpaidFrom <= M - 6` without
 * reading any ledger; rewritten on every dues write of the member.
 */
export interface DuesStatusDoc {
  _id: string
  tenantId: string
  branchId: string
  unpaidFrom: string | null
  updatedAt: number
}

/**
 * dues_runs: `_id` = the running month ('2027-01'). How far the monthly dues
 * timer (duesMonthly) got: the last tenant and branch it finished, so a run cut
 * by the function's timeout is taken up by the next trigger of the morning;
 * `done` once every branch of every tenant is through.
 */
/**
 * A dues timer's progress: the monthly run's (`_id` the running month) or a
 * tenant's refresh after a new 党费标准 (`_id` 'refresh:<tenantId>', kind
 * 'refresh': `requestedAt` the newest save asking for it, `passFor` the save the
 * pass under way answers).
 */
export interface DuesRunDoc {
  _id: string
  cursor: { tenantId: string; branchId: string } | null
  done: boolean
  updatedAt: number
  kind?: 'refresh'
  requestedAt?: number
  passFor?: number | null
}

export const ARREARS_FLAGS = ['none', 'secretary', 'bureau'] as const // 3 months → the secretary, 6 → the bureau
export const Arrears = z.object({
  /** Consecutive closed months unpaid, counting back from last month. */
  months: z.number().int(),
  since: MonthKey.nullable(),
  flag: z.enum(ARREARS_FLAGS),
})
export type Arrears = z.infer<typeof Arrears>

/** A sum of many members' 分 (a county's year passes ¥1,000,000): integers, with no cap. */
const FenTotal = z.number().int().min(0)

export const Collection = z.object({
  /** Member-months with something owed. */
  owedMonths: z.number().int(),
  settledMonths: z.number().int(),
  owedFen: FenTotal,
  /** Paid against what was owed; voluntary extra is not counted. */
  collectedFen: FenTotal,
  extraFen: FenTotal,
  /** settledMonths / owedMonths, three places; null when nothing was owed. */
  rate: z.number().nullable(),
})
export type Collection = z.infer<typeof Collection>

export const DUES_REFUSALS = [
  'DUES.BASE_NOT_SET',
  'DUES.MONTH_NOT_OWED',
  'DUES.MONTH_PAID',
  'DUES.DUPLICATE_MONTH',
  'ROSTER.NOT_FOUND',
] as const

/** A member's year of dues: the base 核定 for it, each month owed and paid, and the arrears now. */
const MemberDuesYear = z.object({
  year: Year,
  category: DuesCategory.nullable(),
  baseFen: Fen.nullable(),
  monthlyFen: Fen.nullable(),
  months: z.array(DuesMonth),
  arrears: Arrears,
})

const DuesBaseInput = z
  .object({
    memberId: Id,
    year: Year,
    category: DuesCategory,
    /** Yuan typed by a secretary become 分 on the client; the contract takes 分 only. */
    baseFen: Fen.max(MAX_BASE_FEN),
  })
  .refine((input) => input.category === 'employed' || input.category === 'retired' || input.baseFen === 0, {
    message: '学生、失业和低保党员按固定金额交纳，不填基数',
    path: ['baseFen'],
  })

// ---------------------------------------------------------------- 组织关系转接

/** A 介绍信's validity: from the day it is issued, that day counted, commonly 30 to 90 days. */
export const LetterValidityDays = z.number().int().min(1).max(180, '介绍信有效期最长180天')

/**
 * transfers: out of the county (转出: 介绍信 issued → 回执 received, the member
 * leaves the roster) or into it (转入: pending → 报到, the member joins the
 * roster). 'expired' is never stored: it is read from the letter's validity.
 */
export const TransferDoc = z.object({
  _id: Id,
  tenantId: Id,
  direction: z.enum(['out', 'in']),
  /** The member leaving; for 转入, the member created on 报到. */
  memberId: Id.nullable(),
  name: z.string(),
  branchId: Id,
  letterNo: z.string(),
  /** 转出: where to (接收党组织); 转入: where from (转出党组织). */
  counterpart: z.string(),
  issuedOn: CalendarDate,
  validDays: LetterValidityDays,
  status: z.enum(['open', 'done', 'cancelled']),
  /** 转入: the roster fields the letter states, written to the member created on 报到; null for 转出. */
  incoming: z
    .object({
      memberType: z.enum(['formal', 'probationary']),
      joinedOn: CalendarDate.nullable(),
      probationEndsOn: CalendarDate.nullable(),
    })
    .nullable(),
  /** 回执 received (out) or 报到 (in). */
  doneOn: CalendarDate.nullable(),
  cancelReason: z.string().nullable(),
  createdBy: Id,
  createdAt: EpochMs,
  updatedAt: EpochMs,
})
export type TransferDoc = z.infer<typeof TransferDoc>

export const TRANSFER_STATES = [
  'issued', // 已开具介绍信，待回执
  'pending', // 待报到
  'expired', // 介绍信已过有效期，未回执/未报到
  'received', // 已回执
  'arrived', // 已报到
  'cancelled', // 已撤销
] as const
/** How the pages name a transfer's state. */
export const TRANSFER_STATE_NAMES: Record<(typeof TRANSFER_STATES)[number], string> = {
  issued: '待回执',
  pending: '待报到',
  expired: '已过期',
  received: '已回执',
  arrived: '已报到',
  cancelled: '已撤销',
}
export const TransferState = z.enum(TRANSFER_STATES)
export type TransferState = z.infer<typeof TransferState>

/** floating_members: a 流动党员 working elsewhere long-term, and where they take part in Party life. */
export const FloatingDoc = z.object({
  _id: Id,
  tenantId: Id,
  memberId: Id,
  branchId: Id,
  /** Where they work or live now. */
  whereabouts: z.string(),
  /** The Party organisation there they take part in (流入地党组织), if any. */
  hostOrg: z.string().nullable(),
  since: CalendarDate,
  until: CalendarDate.nullable(),
  contact: z.string().nullable(),
  recordedBy: Id,
  recordedAt: EpochMs,
})
export type FloatingDoc = z.infer<typeof FloatingDoc>

const TransferRow = z.object({
  id: Id,
  direction: z.enum(['out', 'in']),
  /** The member leaving, or (转入) the member created on 报到: the link to their page. */
  memberId: Id.nullable(),
  name: z.string(),
  branchId: Id,
  branchName: z.string(),
  letterNo: z.string(),
  counterpart: z.string(),
  issuedOn: z.string(),
  expiresOn: z.string(),
  state: TransferState,
  doneOn: z.string().nullable(),
  cancelReason: z.string().nullable(),
})

const LetterNo = z.string().trim().min(1, '请填写介绍信编号').max(30)
const OrgName = z.string().trim().min(2, '请填写党组织名称').max(60)

/** 发展党员: the recruitment pipeline (deployed in the lifecycle function). */
export const developmentActions = {
  createDevelopmentFile: defineAction({
    summary:
      'Opens a development file (发展党员档案) for a person who handed in a written application (step 1, with its date and letter); they are not a member and see only their own file.',
    input: PersonFields.extend({
      branchId: Id,
      appliedOn: CalendarDate,
      applicationLetter: Evidence,
      requestId: Id,
    }),
    output: DevelopmentFileView,
    roles: LIFECYCLE_MANAGERS,
    errors: ['ROSTER.NOT_FOUND', 'DATE.IN_FUTURE', 'DEVELOPMENT.FILE_NOT_YOURS', 'DEVELOPMENT.NOT_FOUND'],
  }),
  updateDevelopmentPerson: defineAction({
    summary: 'Corrects the person on a file: name, phone, teaching role, 骨干教师 mark.',
    input: PersonFields.extend({ fileId: Id }),
    output: DevelopmentFileView,
    roles: LIFECYCLE_MANAGERS,
    errors: ['DEVELOPMENT.NOT_FOUND', 'DEVELOPMENT.CLOSED'],
  }),
  recordDevelopmentStep: defineAction({
    summary:
      'Records the next step of a file with its date, details and materials; refused when out of order, before its earliest day, dated in the future or before the previous step, or when a vote did not carry. 上级党委审批 of an admission puts the person on the roster as 预备党员.',
    input: z.object({
      fileId: Id,
      on: CalendarDate,
      details: StepInput,
      note: Note,
      materials: Attachments.default([]),
    }),
    output: DevelopmentFileView,
    roles: LIFECYCLE_MANAGERS,
    errors: DEVELOPMENT_REFUSALS,
  }),
  addReviewNote: defineAction({
    summary:
      'Adds a 考察记录 to a file in training (积极分子) or probation (预备党员): by a 培养联系人 of the person or a manager of the branch.',
    input: z.object({
      requestId: Id,
      fileId: Id,
      on: CalendarDate,
      text: z.string().trim().min(10, '考察记录不少于10个字').max(2000),
      fileIds: Evidence,
    }),
    output: DevelopmentFileView,
    roles: ROLES,
    errors: [
      'DEVELOPMENT.NOT_FOUND',
      'DEVELOPMENT.CLOSED',
      'DEVELOPMENT.STEP_OUT_OF_ORDER',
      'DEVELOPMENT.FILE_NOT_YOURS',
      'DATE.IN_FUTURE',
      'AUTH.FORBIDDEN',
    ],
  }),
  attachMaterial: defineAction({
    summary: "Adds a file to a recorded step's checklist (e.g. the 入党志愿书 scanned after the meeting).",
    input: z.object({ fileId: Id, step: DevelopmentStep, material: Material, fileIds: z.array(FileId).min(1).max(9) }),
    output: DevelopmentFileView,
    roles: LIFECYCLE_MANAGERS,
    errors: ['DEVELOPMENT.NOT_FOUND', 'DEVELOPMENT.STEP_OUT_OF_ORDER', 'DEVELOPMENT.FILE_NOT_YOURS'],
  }),
  closeDevelopmentFile: defineAction({
    summary: 'Ends a file that will not go on (the person withdrew or left the school), with the reason; kept.',
    input: z.object({ fileId: Id, on: CalendarDate, reason: z.string().trim().min(2).max(200) }),
    output: DevelopmentFileView,
    roles: LIFECYCLE_MANAGERS,
    errors: ['DEVELOPMENT.NOT_FOUND', 'DEVELOPMENT.CLOSED', 'DATE.IN_FUTURE'],
  }),
  developmentFile: defineAction({
    summary: 'One file with its timeline: steps, materials missing, review gaps, next steps with their earliest days.',
    input: z.object({ fileId: Id }),
    output: DevelopmentFileView,
    roles: LIFECYCLE_READERS,
    errors: ['DEVELOPMENT.NOT_FOUND'],
  }),
  listDevelopment: defineAction({
    summary: "A branch's files (paged), filtered by stage, with each one's next step and overdue count.",
    input: Page.extend({
      branchId: Id,
      stage: DevelopmentStage.nullable().default(null),
      keyTeachersOnly: z.boolean().default(false),
    }),
    output: z.object({ items: z.array(DevelopmentRow), total: z.number().int(), page: z.number().int() }),
    roles: LIFECYCLE_READERS,
    errors: ['ROSTER.NOT_FOUND'],
  }),
  developmentDue: defineAction({
    summary:
      "What the secretary should act on in the next 30 days or has let pass: talks, review notes, 预备期 ending ('张三 预备期将于 30 天后届满'), approval windows.",
    input: z.object({ branchId: Id }),
    output: z.object({ items: z.array(DueItem) }),
    roles: LIFECYCLE_READERS,
    errors: ['ROSTER.NOT_FOUND'],
  }),
  pipeline: defineAction({
    summary:
      'Pipeline figures of the branches the caller oversees (bureau staff: the tenant; a 总支书记: the branches under their 党总支; an instructor: the branches they guide): people per stage per branch, overdue steps, the year’s totals, and the 双培养 split by teaching role and 骨干教师.',
    input: z.object({ year: Year }),
    output: z.object({
      branches: z.array(
        z.object({
          branchId: Id,
          name: z.string(),
          stages: StageCounts,
          overdue: z.number().int(),
          year: YearTotals,
        }),
      ),
      byTeachingRole: z.array(
        z.object({ teachingRole: TeachingRole, keyTeacher: z.boolean(), stages: StageCounts, year: YearTotals }),
      ),
    }),
    roles: ['bureau_staff', 'general_branch_secretary', 'instructor'],
    errors: [],
  }),
  inviteApplicant: defineAction({
    summary:
      'A single-use invitation for the person on a file to bind their WeChat and see their own file. With `requestId` (made once per tap) a retry answers the invitation the first try made.',
    input: z.object({ fileId: Id, requestId: Id.optional() }),
    output: z.object({ code: z.string(), expiresAt: z.number(), path: z.string() }),
    roles: LIFECYCLE_MANAGERS,
    errors: ['DEVELOPMENT.NOT_FOUND', 'DEVELOPMENT.CLOSED'],
  }),
  acceptApplicantInvitation: defineAction({
    summary: "Binds the caller's WeChat to a development file once they confirm their name.",
    input: z.object({ code: z.string().regex(/^[A-Za-z0-9]{16}$/, '邀请码格式不正确'), name: PersonName }),
    output: z.object({ fileId: Id }),
    roles: 'anyone',
    errors: [
      'INVITATION.NOT_FOUND',
      'INVITATION.EXPIRED',
      'INVITATION.USED',
      'INVITATION.NAME_MISMATCH',
      'AUTH.ALREADY_BOUND',
    ],
  }),
  myDevelopmentFile: defineAction({
    summary:
      "An applicant's or 积极分子's own file (steps, what comes next) and the activities they are invited to; no one else's.",
    input: z.object({}).strict(),
    output: z.object({
      file: DevelopmentFileView.omit({ canManage: true, phone: true }),
      invitedMeetings: z.array(z.object({ id: Id, title: z.string(), startsAt: z.number(), place: z.string() })),
    }),
    roles: 'anyone',
    errors: ['DEVELOPMENT.NOT_APPLICANT'],
  }),
}

/** The 发展党员登记册 export. */
export const developmentRegisterActions = {
  exportDevelopmentRegister: defineAction({
    summary:
      '发展党员登记册 (.xlsx): one row per file with the dates of its milestones, 培养联系人 and 入党介绍人 — never an identity number or phone. Of one branch the caller manages, or (branchId null) of every branch they manage: the whole tenant for bureau staff, the 党总支 for its secretary.',
    input: z.object({ branchId: Id.nullable().default(null) }),
    output: Download.extend({ rows: z.number().int() }),
    roles: LIFECYCLE_MANAGERS,
    errors: ['ROSTER.NOT_FOUND', 'AUTH.FORBIDDEN'],
  }),
}

/** 党费 (issue #17 §2): deployed in the lifecycle function. */
export const duesActions = {
  getDuesSchedule: defineAction({
    summary:
      "The tenant's dues schedule (党费标准): brackets for wages and pensions, the fixed amount; defaults until set.",
    input: z.object({}).strict(),
    output: DuesSchedule,
    roles: ROLES,
    errors: [],
  }),
  updateDuesSchedule: defineAction({
    summary: "Replaces the tenant's dues schedule (brackets ascending, the last unbounded); bureau staff only.",
    input: DuesSchedule,
    output: DuesSchedule,
    roles: ['bureau_staff'],
    errors: [],
  }),
  setDuesBase: defineAction({
    summary: "Sets a member's category and monthly base (分) for a year; answers the monthly amount it gives. Audited.",
    input: DuesBaseInput,
    output: z.object({ memberId: Id, year: Year, category: DuesCategory, baseFen: Fen, monthlyFen: Fen }),
    roles: LIFECYCLE_MANAGERS,
    errors: ['ROSTER.NOT_FOUND', 'ROSTER.INACTIVE'],
  }),
  setDuesReduction: defineAction({
    summary:
      'Records a hardship reduction or exemption (少交/免交) the branch decided for a run of months, with the decision.',
    input: z
      .object({
        requestId: Id,
        memberId: Id,
        fromMonth: MonthKey,
        toMonth: MonthKey,
        monthlyFen: Fen,
        decision: z.string().trim().min(4, '请写明支部的研究决定').max(100),
        decidedOn: CalendarDate,
      })
      .refine((input) => input.toMonth >= input.fromMonth, { message: '结束月份不能早于开始月份', path: ['toMonth'] }),
    output: z.object({ id: Id }),
    roles: LIFECYCLE_MANAGERS,
    errors: ['ROSTER.NOT_FOUND', 'DUES.BASE_NOT_SET', 'DUES.REDUCTION_TOO_HIGH'],
  }),
  recordDuesPayment: defineAction({
    summary:
      'Records a payment for one or more months (each paid in full) plus any voluntary extra; the request id makes a retry record it once. Audited.',
    input: z.object({
      memberId: Id,
      months: z.array(MonthKey).min(1, '请选择交纳的月份').max(24),
      extraFen: Fen.default(0),
      method: PaymentMethod,
      reference: z.string().trim().max(64).default(''),
      paidOn: CalendarDate,
      requestId: Id,
    }),
    output: z.object({ paymentId: z.string(), paidFen: Fen, extraFen: Fen, duplicate: z.boolean() }),
    roles: LIFECYCLE_MANAGERS,
    errors: [...DUES_REFUSALS, 'DATE.IN_FUTURE'],
  }),
  myDues: defineAction({
    summary: "The caller's dues for a year: month by month owed, paid and extra, and their arrears.",
    input: z.object({ year: Year }),
    output: MemberDuesYear,
    roles: ROLES,
    errors: [],
  }),
  memberDues: defineAction({
    summary:
      "One member's dues for a year as their branch's readers see them (the page where a payment is recorded and a base set). `canManage` is false on one's own page: one's own base, 减免 and payments are another manager's to record.",
    input: z.object({ memberId: Id, year: Year }),
    output: MemberDuesYear.extend({ memberId: Id, name: z.string(), branchId: Id, canManage: z.boolean() }),
    roles: LIFECYCLE_READERS,
    errors: ['ROSTER.NOT_FOUND'],
  }),
  branchDuesSheet: defineAction({
    summary:
      "A branch's collection sheet for a month: each member's amount, paid or not, arrears; paged; the branch's rate.",
    input: Page.extend({ branchId: Id, month: MonthKey }),
    output: z.object({
      month: MonthKey,
      items: z.array(
        z.object({
          memberId: Id,
          name: z.string(),
          category: DuesCategory.nullable(),
          owedFen: Fen,
          paidFen: Fen,
          settled: z.boolean(),
          arrears: Arrears,
        }),
      ),
      total: z.number().int(),
      page: z.number().int(),
      collection: Collection,
      /** Whether the caller keeps this branch's dues (records payments, sees who is behind). */
      canManage: z.boolean(),
    }),
    roles: LIFECYCLE_READERS,
    errors: ['ROSTER.NOT_FOUND'],
  }),
  exportDuesSheet: defineAction({
    summary: "The branch's monthly collection sheet (.xlsx), or a member's yearly statement (党费证式明细).",
    input: z.discriminatedUnion('of', [
      z.object({ of: z.literal('branch_month'), branchId: Id, month: MonthKey }),
      z.object({ of: z.literal('member_year'), memberId: Id, year: Year }),
    ]),
    output: z.object({ url: z.string(), fileName: z.string() }),
    roles: ROLES,
    errors: ['ROSTER.NOT_FOUND', 'AUTH.FORBIDDEN'],
  }),
  duesArrears: defineAction({
    summary:
      'Members with 3 or more consecutive unpaid months (a secretary: their branches; bureau staff: 6 or more, tenant-wide). A flag only: no status ever changes.',
    input: z.object({ branchId: Id.nullable().default(null) }),
    output: z.object({
      items: z.array(z.object({ memberId: Id, name: z.string(), branchName: z.string(), arrears: Arrears })),
    }),
    roles: LIFECYCLE_MANAGERS,
    errors: ['ROSTER.NOT_FOUND'],
  }),
  duesCollection: defineAction({
    summary:
      "Bureau figures: each branch's collection rate and amounts per month of a year, and the tenant's; the year's figures count the closed months only (the running month is still being collected, later ones are not due).",
    input: Page.extend({ year: Year }),
    output: z.object({
      months: z.array(MonthKey),
      /** The last closed month the year's figures count (null: none of the year has closed yet). */
      closedThrough: MonthKey.nullable(),
      /** A new 党费标准 is being applied to the stored figures (the hourly duesRefresh timer): they may still be the old ones. */
      refreshing: z.boolean(),
      branches: z.array(z.object({ branchId: Id, name: z.string(), months: z.array(Collection), year: Collection })),
      total: z.number().int(),
      page: z.number().int(),
      tenant: Collection,
    }),
    roles: ['bureau_staff'],
    errors: [],
  }),
}

/** One row of a 党费基数 import as the preview shows it (Excel's row number; errors name their reason in Chinese). */
export const DuesImportRow = z.object({
  row: z.number().int(),
  name: z.string(),
  memberId: Id.nullable(),
  category: DuesCategory.nullable(),
  baseFen: Fen.nullable(),
  monthlyFen: Fen.nullable(),
  /** set: confirming writes it; unchanged: the year's base is already this; error: not imported. */
  status: z.enum(['set', 'unchanged', 'error']),
  message: z.string(),
})
export type DuesImportRow = z.infer<typeof DuesImportRow>

const DuesImportResult = z.object({
  set: z.number().int(),
  unchanged: z.number().int(),
  /** Rows previewed as 'set' whose member left the branch (or the roster) before the confirm. */
  skipped: z.number().int(),
})

/**
 * dues_imports: a previewed base import. It keeps what confirming writes (member ids, categories and bases,
 * no names or phone numbers), so the raw upload is deleted as soon as the preview has read it.
 */
export const DuesImportDoc = z.object({
  _id: Id,
  tenantId: Id,
  branchId: Id,
  year: Year,
  createdBy: Id,
  createdAt: EpochMs,
  writes: z.array(z.object({ row: z.number().int(), memberId: Id, category: DuesCategory, baseFen: Fen })),
  unchanged: z.number().int(),
  errors: z.number().int(),
  status: z.enum(['previewed', 'running', 'done']),
  /** When the status last changed: a 'running' import that stalled (the function was cut off) may run again. */
  updatedAt: EpochMs,
  result: DuesImportResult.nullable(),
})
export type DuesImportDoc = z.infer<typeof DuesImportDoc>

/** 党费基数 .xlsx import (issue #17 §2): preview row by row, then confirm; the template to fill. */
export const duesImportActions = {
  duesBaseTemplate: defineAction({
    summary: 'A link to the 党费基数 template (.xlsx: 姓名, 手机号码, 类别, 税后月工资, and a sheet of filling notes).',
    input: z.object({}).strict(),
    output: Download,
    roles: LIFECYCLE_MANAGERS,
    errors: [],
  }),
  previewDuesBaseImport: defineAction({
    summary:
      "Reads a yearly .xlsx of bases (姓名, 手机号码, 类别, 税后月工资) for a branch and shows row by row each member's base and monthly amount; writes nothing but the preview.",
    input: z.object({ fileID: FileId, branchId: Id, year: Year }),
    output: z.object({
      importId: Id,
      totals: z.object({ set: z.number().int(), unchanged: z.number().int(), error: z.number().int() }),
      /** Errors first, then by row; at most DUES_IMPORT_PREVIEW_ROWS. */
      rows: z.array(DuesImportRow),
    }),
    roles: LIFECYCLE_MANAGERS,
    errors: [
      'ROSTER.NOT_FOUND',
      'ROSTER.IMPORT_UNREADABLE',
      'ROSTER.IMPORT_TOO_LARGE',
      'ROSTER.IMPORT_NO_ROWS',
      'ROSTER.FILE_NOT_FOUND',
      'DUES.IMPORT_HEADERS',
    ],
  }),
  confirmDuesBaseImport: defineAction({
    summary:
      'Writes the previewed bases (each audited) as setDuesBase does; only its creator or bureau staff confirm. Confirming again writes nothing and answers the same result.',
    input: z.object({ importId: Id }),
    output: DuesImportResult,
    roles: LIFECYCLE_MANAGERS,
    errors: ['DUES.IMPORT_NOT_FOUND', 'DUES.IMPORT_DONE', 'ROSTER.NOT_FOUND'],
  }),
}

/** A branch is a few dozen members: the preview shows every row up to this many. */
export const DUES_IMPORT_PREVIEW_ROWS = 500

/** 组织关系转接 and 流动党员 (deployed in the lifecycle function, issue #17 §3). */
export const transferActions = {
  issueTransferLetter: defineAction({
    summary:
      '转出 out of the county: records the 介绍信 (number, destination, date, validity); the member stays on the roster until the 回执 comes back.',
    input: z.object({
      requestId: Id,
      memberId: Id,
      letterNo: LetterNo,
      destination: OrgName,
      issuedOn: CalendarDate,
      validDays: LetterValidityDays,
    }),
    output: TransferRow,
    roles: LIFECYCLE_MANAGERS,
    errors: ['ROSTER.NOT_FOUND', 'ROSTER.INACTIVE', 'TRANSFER.OPEN', 'DATE.IN_FUTURE'],
  }),
  registerIncomingTransfer: defineAction({
    summary:
      '转入 into the county: a pending member named on a 介绍信 from elsewhere, who appears on the roster once they 报到 at the branch.',
    input: z
      .object({
        requestId: Id,
        name: PersonName,
        branchId: Id,
        letterNo: LetterNo,
        origin: OrgName,
        issuedOn: CalendarDate,
        validDays: LetterValidityDays,
        memberType: z.enum(['formal', 'probationary']),
        /** 入党时间 as the letter states it. */
        joinedOn: CalendarDate.nullable().default(null),
        probationEndsOn: CalendarDate.nullable().default(null),
      })
      // A 预备党员's letter states when the probation ends; a 正式党员 has none.
      .refine((input) => (input.memberType === 'probationary') === (input.probationEndsOn !== null), {
        message: '预备党员请填写预计转正日期，正式党员不填',
        path: ['probationEndsOn'],
      }),
    output: TransferRow,
    roles: LIFECYCLE_MANAGERS,
    errors: ['ROSTER.NOT_FOUND', 'DATE.IN_FUTURE'],
  }),
  completeTransfer: defineAction({
    summary:
      '回执 received (转出: the member leaves the roster, history kept) or 报到 (转入: the member joins the roster, within the letter’s validity).',
    input: z.object({ transferId: Id, on: CalendarDate }),
    output: TransferRow,
    roles: LIFECYCLE_MANAGERS,
    errors: [
      'TRANSFER.NOT_FOUND',
      'TRANSFER.DONE',
      'TRANSFER.LETTER_EXPIRED',
      'DATE.IN_FUTURE',
      'DATE.BEFORE_PREVIOUS',
      'ROSTER.INACTIVE',
    ],
  }),
  cancelTransfer: defineAction({
    summary: 'Withdraws an open transfer (the letter was not used), with the reason.',
    input: z.object({ transferId: Id, reason: z.string().trim().min(2).max(100) }),
    output: TransferRow,
    roles: LIFECYCLE_MANAGERS,
    errors: ['TRANSFER.NOT_FOUND', 'TRANSFER.DONE'],
  }),
  listTransfers: defineAction({
    summary:
      "Transfers of a branch, of one member (their page), or, for bureau staff, the tenant's: open ones oldest letter first (expired flagged), or all newest first.",
    input: Page.extend({
      branchId: Id.nullable().default(null),
      memberId: Id.nullable().default(null),
      openOnly: z.boolean().default(true),
    }),
    output: z.object({ items: z.array(TransferRow), total: z.number().int(), page: z.number().int() }),
    roles: LIFECYCLE_READERS,
    errors: ['ROSTER.NOT_FOUND'],
  }),
  recordFloating: defineAction({
    summary: 'Registers a member as 流动党员: where they are and the Party organisation they take part in there.',
    input: z.object({
      requestId: Id,
      memberId: Id,
      whereabouts: z.string().trim().min(2, '请填写外出地点').max(60),
      hostOrg: z.string().trim().max(60).nullable().default(null),
      since: CalendarDate,
      contact: z.string().trim().max(60).nullable().default(null),
    }),
    output: z.object({ id: Id }),
    roles: LIFECYCLE_MANAGERS,
    errors: ['ROSTER.NOT_FOUND', 'ROSTER.INACTIVE', 'FLOATING.ACTIVE', 'DATE.IN_FUTURE'],
  }),
  endFloating: defineAction({
    summary: 'Ends a 流动党员 record when the member is back (kept as history).',
    input: z.object({ floatingId: Id, until: CalendarDate }),
    output: z.object({ id: Id }),
    roles: LIFECYCLE_MANAGERS,
    errors: ['FLOATING.NOT_FOUND', 'DATE.BEFORE_PREVIOUS'],
  }),
  listFloating: defineAction({
    summary:
      "A branch's 流动党员 now (or, for bureau staff, the tenant's), with where they take part in Party life; for one member (their page), every record, ended ones too.",
    input: Page.extend({ branchId: Id.nullable().default(null), memberId: Id.nullable().default(null) }),
    output: z.object({
      items: z.array(
        z.object({
          id: Id,
          memberId: Id,
          name: z.string(),
          branchName: z.string(),
          whereabouts: z.string(),
          hostOrg: z.string().nullable(),
          contact: z.string().nullable(),
          since: z.string(),
          until: z.string().nullable(),
        }),
      ),
      total: z.number().int(),
      page: z.number().int(),
    }),
    roles: LIFECYCLE_READERS,
    errors: ['ROSTER.NOT_FOUND'],
  }),
}

/** Every lifecycle contract, deployed or not. */
export const lifecycleActions = {
  ...developmentActions,
  ...developmentRegisterActions,
  ...duesActions,
  ...duesImportActions,
  ...transferActions,
}
