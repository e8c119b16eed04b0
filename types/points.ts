import { defineAction } from './action'
import { DomainEventKind } from './events'
import { Id } from './ids'
import { pageInput } from './paging'
import { ROLES, ROSTER_MANAGERS, ROSTER_READERS, Role } from './roles'
import * as z from './zod'

/** Periods totals are kept for: 月度 / 季度 / 年度 / 累计. */
export const PERIOD_KINDS = ['month', 'quarter', 'year', 'all'] as const
export const PeriodKind = z.enum(PERIOD_KINDS)
export type PeriodKind = z.infer<typeof PeriodKind>

/** A period as stored on totals: '2026-03', '2026-Q1', '2026' or 'all' (Asia/Shanghai calendar). */
export const PeriodKey = z.string().regex(/^(\d{4}(-\d{2}|-Q[1-4])?|all)$/, '统计周期格式不正确')

/** Who may hand out points at all; each rule narrows it further (grantRoles). */
export const POINTS_GRANTERS = ROSTER_MANAGERS
/** Who may propose an award for someone else (党小组长/支委 propose, the 书记 approves). */
export const POINTS_PROPOSERS = [...ROSTER_READERS] as const satisfies readonly Role[]

/** Caps on what one member may earn (or lose) from one rule, applied at award time; null = no cap. */
export const Caps = z.object({
  day: z.number().int().positive().nullable(),
  month: z.number().int().positive().nullable(),
  year: z.number().int().positive().nullable(),
})
export type Caps = z.infer<typeof Caps>

export const RuleKey = z
  .string()
  .min(2)
  .max(32)
  .regex(/^[a-z][a-z0-9_]*$/, '规则编码只能包含小写字母、数字和下划线')

/** One item of a tenant's catalogue (积分细则). */
export const PointsRule = z.object({
  key: RuleKey,
  name: z.string().trim().min(1).max(30),
  /** Fixed value per award, negative for a deduction; for `variable` rules the default a granter may change. */
  points: z
    .number()
    .int()
    .min(-100)
    .max(100)
    .refine((n) => n !== 0, '分值不能为0'),
  /** The granter chooses the value (same sign as `points`), e.g. 志愿服务 by hours. */
  variable: z.boolean(),
  caps: Caps,
  /** Roles that may grant it by hand; empty = only events grant it. */
  grantRoles: z.array(Role),
  /** The domain event that grants it automatically, if any. */
  auto: DomainEventKind.nullable(),
  /** A written reason is needed (always for deductions). */
  reasonRequired: z.boolean(),
  /** Members may claim it with evidence (申报). */
  claimable: z.boolean(),
  active: z.boolean(),
})
export type PointsRule = z.infer<typeof PointsRule>

/** Year-end grade bands (年度评定): minimum yearly points for each band; below `basic` is 不合格. */
export const GradeBands = z
  .object({
    excellent: z.number().int(),
    qualified: z.number().int(),
    basic: z.number().int(),
  })
  .refine((b) => b.excellent > b.qualified && b.qualified > b.basic, '等次分数线应从高到低')
export type GradeBands = z.infer<typeof GradeBands>
export const GRADES = ['excellent', 'qualified', 'basic', 'unqualified'] as const
export const Grade = z.enum(GRADES)
export type Grade = z.infer<typeof Grade>

export const RuleCatalogue = z.object({
  rules: z.array(PointsRule).min(1).max(50),
  grades: GradeBands,
  /** Whether ordinary members see the bureau-wide member list (otherwise their branch only). */
  membersSeeBureau: z.boolean(),
})
export type RuleCatalogue = z.infer<typeof RuleCatalogue>

/** points_rules: one per tenant, `_id` = tenantId. */
export type PointsRulesDoc = RuleCatalogue & { _id: string; tenantId: string; updatedAt: number; updatedBy: string }

/** points_ledger: append-only; `_id` is the idempotency key, so the same source pays once. */
export const LedgerEntry = z.object({
  _id: z.string(),
  tenantId: Id,
  memberId: Id,
  branchId: Id,
  ruleKey: RuleKey,
  ruleName: z.string(),
  points: z.number().int(),
  /** What the rule would have paid before a cap cut it. */
  requested: z.number().int(),
  capped: z.boolean(),
  reason: z.string(),
  grantedBy: z.string(),
  grantedByName: z.string(),
  at: z.number(),
  /** The domain event, claim, import row… this entry pays for; null for a plain manual award. */
  sourceEvent: z.string().nullable(),
  day: z.string(),
  month: z.string(),
  quarter: z.string(),
  year: z.string(),
})
export type LedgerEntry = z.infer<typeof LedgerEntry>

/** points_totals: per member or branch per period, kept with `_.inc` after each ledger insert. */
export interface TotalsDoc {
  _id: string
  tenantId: string
  /**
   * member / branch: points and entries per period; usage: a member's use of
   * a rule per cap period; presence: a member's entries in one branch per
   * period, whose first makes the member count in the branch's `members`.
   */
  scope: 'member' | 'branch' | 'usage' | 'presence'
  subjectId: string
  branchId: string
  period: string
  points: number
  entries: number
  /** Branch totals only: members with any entry in the branch in the period (participation, activity). */
  members?: number
  /** Usage totals only: the claims made on it, by award (a short hash of the award's key). */
  claims?: Record<string, number | null>
}

export const EXEMPT_REASONS = ['retired', 'away', 'ill'] as const // 退休 / 长期外出 / 病休
export const ExemptReason = z.enum(EXEMPT_REASONS)
export type ExemptReason = z.infer<typeof ExemptReason>

/** points_exempt: `_id` = memberId while a member is exempt (退休/长期外出/病休). */
export interface ExemptDoc {
  _id: string
  tenantId: string
  branchId: string
  reason: ExemptReason
  since: number
  by: string
}

const Page = pageInput()

const HistoryItem = z.object({
  id: z.string(),
  ruleName: z.string(),
  points: z.number().int(),
  capped: z.boolean(),
  reason: z.string(),
  grantedByName: z.string(),
  at: z.number(),
})

const Standing = z.object({
  memberId: Id,
  name: z.string(),
  branchName: z.string(),
  points: z.number().int(),
  rank: z.number().int(),
})
export type Standing = z.infer<typeof Standing>

export const BranchStanding = z.object({
  branchId: Id,
  name: z.string(),
  members: z.number().int(),
  activeMembers: z.number().int(),
  total: z.number().int(),
  average: z.number(),
  participation: z.number(),
  rank: z.number().int(),
})
export type BranchStanding = z.infer<typeof BranchStanding>

export const LeaderboardSort = z.enum(['average', 'participation', 'total'])

const ClaimStatus = z.enum(['pending', 'approved', 'rejected'])
const Claim = z.object({
  id: Id,
  memberId: Id,
  memberName: z.string(),
  ruleKey: RuleKey,
  ruleName: z.string(),
  points: z.number().int(),
  note: z.string(),
  photos: z.array(z.string()),
  kind: z.enum(['claim', 'proposal']),
  proposedByName: z.string(),
  status: ClaimStatus,
  decisionReason: z.string().nullable(),
  createdAt: z.number(),
})
export type Claim = z.infer<typeof Claim>

/** points_claims: a member's claim (申报) or a committee member's proposal, until the secretary decides. */
export interface ClaimDoc {
  _id: string
  tenantId: string
  memberId: string
  memberName: string
  branchId: string
  ruleKey: string
  ruleName: string
  points: number
  note: string
  photos: string[]
  kind: 'claim' | 'proposal'
  proposedBy: string
  proposedByName: string
  status: 'pending' | 'approved' | 'rejected'
  decidedBy: string | null
  decisionReason: string | null
  createdAt: number
}

const Reason = z.string().trim().max(200)
/** A calendar month, 'YYYY-MM' in Asia/Shanghai: the period outside scores are for. */
export const Month = z.string().regex(/^20\d{2}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM')
const FileId = z.string().min(10).max(300)

const AWARD_REFUSALS = [
  'POINTS.RULE_NOT_FOUND',
  'POINTS.NOT_GRANTABLE',
  'POINTS.REASON_REQUIRED',
  'POINTS.CAP_REACHED',
  'POINTS.BAD_VALUE',
  'ROSTER.NOT_FOUND',
  'ROSTER.INACTIVE',
  'AUTH.SELF_DEALING',
] as const

/** 外部积分折算: scores kept elsewhere (学习强国…) become points of one rule at `factor` points per score unit. */
export const ScoreConversion = z.object({
  ruleKey: RuleKey,
  /** What the scores are called, e.g. 学习强国. */
  source: z.string().trim().min(1, '请填写积分来源').max(20),
  factor: z.number().positive('折算比例应大于0').max(100),
})
export type ScoreConversion = z.infer<typeof ScoreConversion>

/** points_conversions: `_id` = `${tenantId}:${ruleKey}`, one conversion per rule. */
export type ConversionDoc = ScoreConversion & { _id: string; tenantId: string; updatedAt: number; updatedBy: string }

export const ScoreImportRow = z.object({
  row: z.number().int(),
  name: z.string(),
  score: z.number().nullable(),
  points: z.number().int(),
  /** pay: will be paid; paid: this file's row was paid before; skip: converts to 0; error: not imported. */
  status: z.enum(['pay', 'paid', 'skip', 'error']),
  message: z.string(),
})
export type ScoreImportRow = z.infer<typeof ScoreImportRow>

export const ScoreImportPreview = z.object({
  importId: Id,
  ruleName: z.string(),
  source: z.string(),
  factor: z.number(),
  totals: z.object({
    dataRows: z.number().int(),
    pay: z.number().int(),
    paid: z.number().int(),
    skip: z.number().int(),
    error: z.number().int(),
    points: z.number().int(),
  }),
  /** Errors first, then the rest in row order, at most 300. */
  rows: z.array(ScoreImportRow),
})
export type ScoreImportPreview = z.infer<typeof ScoreImportPreview>

export const ScoreImportResult = z.object({
  importId: Id,
  paid: z.number().int(),
  alreadyPaid: z.number().int(),
  capped: z.number().int(),
  points: z.number().int(),
})
export type ScoreImportResult = z.infer<typeof ScoreImportResult>

/** points_imports: one file of external scores, from its preview to its payment. */
export interface ScoreImportDoc {
  _id: string
  tenantId: string
  createdBy: string
  createdAt: number
  fileID: string
  branchId: string
  ruleKey: string
  /** The month the scores are for: a member is paid once per rule and month, whatever the file. */
  period: string
  status: 'previewed' | 'running' | 'done'
  result: ScoreImportResult | null
}

export const pointsActions = {
  myPoints: defineAction({
    summary:
      "The caller's total for a period, their rank in the branch, and their ledger history with reasons (paged).",
    input: Page.extend({ period: PeriodKind.default('year') }),
    output: z.object({
      period: z.string(),
      points: z.number().int(),
      rank: z.number().int().nullable(),
      rankOf: z.number().int(),
      exempt: z.boolean(),
      history: z.array(HistoryItem),
      total: z.number().int(),
      page: z.number().int(),
    }),
    roles: ROLES,
    errors: [],
  }),
  leaderboard: defineAction({
    summary:
      'Member ranking (a branch, or the bureau when allowed) top 50 plus own rank, or branch ranking by average, participation or total; ties share a rank; exempt members left out.',
    input: z.discriminatedUnion('of', [
      z.object({ of: z.literal('members'), period: PeriodKind.default('year'), branchId: Id.nullable().default(null) }),
      z.object({
        of: z.literal('branches'),
        period: PeriodKind.default('year'),
        sort: LeaderboardSort.default('average'),
      }),
    ]),
    output: z.object({
      period: z.string(),
      members: z.array(Standing),
      me: Standing.nullable(),
      branches: z.array(BranchStanding),
    }),
    roles: ROLES,
    errors: ['ROSTER.NOT_FOUND'],
  }),
  award: defineAction({
    summary:
      'Awards or deducts points to a member by hand, within the rule (roles, caps) and the caller’s branches, never to the caller themself; a reason is required for deductions and manual items; the request id the client makes once per intent makes a retry pay once.',
    input: z.object({
      memberId: Id,
      ruleKey: RuleKey,
      points: z.number().int().min(-100).max(100).optional(),
      reason: Reason.default(''),
      /** Made once per intent by the client (the award form): a retry of the same intent pays once. */
      requestId: Id,
    }),
    output: z.object({
      entryId: z.string(),
      points: z.number().int(),
      total: z.number().int(),
      duplicate: z.boolean(),
    }),
    roles: POINTS_GRANTERS,
    errors: AWARD_REFUSALS,
  }),
  submitClaim: defineAction({
    summary:
      'A member claims a claimable item with a note and photo evidence (申报), or a committee member proposes one for a member of the branch; the secretary decides.',
    input: z.object({
      ruleKey: RuleKey,
      memberId: Id.optional(),
      points: z.number().int().min(-100).max(100).optional(),
      note: z.string().trim().min(5).max(300),
      photos: z.array(FileId).max(9).default([]),
    }),
    output: Claim,
    roles: ROLES,
    errors: [
      'POINTS.RULE_NOT_FOUND',
      'POINTS.NOT_CLAIMABLE',
      'POINTS.BAD_VALUE',
      'POINTS.FILE_NOT_YOURS',
      'ROSTER.NOT_FOUND',
    ],
  }),
  listClaims: defineAction({
    summary: 'Claims: the caller’s own, or those pending in a branch the caller manages (status filter), newest first.',
    input: Page.extend({ branchId: Id.nullable().default(null), status: ClaimStatus.default('pending') }),
    output: z.object({ items: z.array(Claim), total: z.number().int(), page: z.number().int() }),
    roles: ROLES,
    errors: ['ROSTER.NOT_FOUND'],
  }),
  reviewClaim: defineAction({
    summary:
      'The secretary approves (the item enters the ledger once) or rejects (reason kept) a pending claim; never their own claim, which another manager of the branch or bureau staff decides.',
    input: z.object({ claimId: Id, approve: z.boolean(), reason: Reason.default('') }),
    output: Claim,
    roles: POINTS_GRANTERS,
    errors: ['POINTS.CLAIM_NOT_FOUND', 'POINTS.CLAIM_DECIDED', 'POINTS.REASON_REQUIRED', ...AWARD_REFUSALS],
  }),
  getRules: defineAction({
    summary: "The tenant's rule catalogue (积分细则), grade bands and settings; defaults until bureau staff edit them.",
    input: z.object({}).strict(),
    output: RuleCatalogue,
    roles: ROLES,
    errors: [],
  }),
  updateRules: defineAction({
    summary: "Replaces the tenant's rule catalogue; keys must be unique; bureau staff only.",
    input: RuleCatalogue,
    output: RuleCatalogue,
    roles: ['bureau_staff'],
    errors: ['POINTS.RULES_INVALID'],
  }),
  processEvents: defineAction({
    summary:
      'Pays pending domain events (meeting attendance, study check-ins) by the rule catalogue, each once, and marks them processed, within a time budget; a failing event is recorded and set aside, never holding up the rest; the minute timer does the same.',
    input: z.object({ limit: z.number().int().min(1).max(1000).default(200) }),
    output: z.object({
      processed: z.number().int(),
      paid: z.number().int(),
      skipped: z.number().int(),
      /** Failed this time: recorded on the event and tried again later, behind the rest. */
      failed: z.number().int(),
      /** Taken but not reached before the run's deadline: the next run takes them. */
      left: z.number().int(),
    }),
    roles: ['bureau_staff'],
    errors: [],
  }),
  settleEvent: defineAction({
    summary:
      'Pays one recorded domain event now, as the minute timer would (once, by the tenant’s rules and caps) and marks it processed; answers the points its entry holds (0 when no active rule pays it, the member has no branch, or it is attendance, which settles its meeting’s pair). `reason` is written on the entry.',
    input: z.object({ eventId: z.string().min(1).max(200), reason: z.string().max(200).default('') }),
    output: z.object({ points: z.number().int() }),
    roles: 'server',
    serverOnly:
      'The study function pays a check-in on the spot through it, so the member sees the points at once; members never pay themselves, and the timer pays what a failed call left.',
    errors: [],
  }),
  reconcile: defineAction({
    summary:
      "Rebuilds the tenant's totals from the ledger chunk by chunk (members, then branches) and reports (and repairs) every total that had drifted; a call stops after ~12 s with a cursor to continue from and its progress.",
    input: z
      .object({
        /** Where the previous call stopped; null starts a run. */
        cursor: z.string().max(300).nullable().default(null),
        /** At most this many chunks in this call (shorter calls, finer progress). */
        chunks: z.number().int().min(1).max(10_000).optional(),
      })
      .strict(),
    output: z.object({
      /** Ledger entries read in this call. */
      entries: z.number().int(),
      /** Totals checked in this call. */
      totals: z.number().int(),
      /** The totals this call repaired (at most 200 listed; driftCount counts them all). */
      drift: z.array(z.object({ id: z.string(), was: z.number().int(), is: z.number().int() })),
      driftCount: z.number().int(),
      done: z.boolean(),
      cursor: z.string().nullable(),
      progress: z.object({
        phase: z.enum(['members', 'branches', 'done']),
        done: z.number().int(),
        of: z.number().int(),
      }),
    }),
    roles: ['bureau_staff'],
    errors: [],
  }),
  setExempt: defineAction({
    summary: 'Marks a member exempt (退休/长期外出/病休: out of rankings and participation, history kept) or ends it.',
    input: z.object({ memberId: Id, exempt: z.boolean(), reason: ExemptReason.optional() }),
    output: z.object({ memberId: Id, exempt: z.boolean() }),
    roles: POINTS_GRANTERS,
    errors: ['ROSTER.NOT_FOUND', 'INPUT.INVALID'],
  }),
  grades: defineAction({
    summary: "Year-end grades (优秀/合格/基本合格/不合格) of a branch's members from their yearly points.",
    input: z.object({ branchId: Id, year: z.number().int().min(2000).max(2100) }),
    output: z.object({
      year: z.number().int(),
      bands: GradeBands,
      items: z.array(
        z.object({ memberId: Id, name: z.string(), points: z.number().int(), grade: Grade, exempt: z.boolean() }),
      ),
    }),
    roles: ROSTER_READERS,
    errors: ['ROSTER.NOT_FOUND'],
  }),
  setScoreConversion: defineAction({
    summary:
      'Bureau staff set how scores kept elsewhere (e.g. 学习强国) convert into points: the rule that pays them (its caps apply) and points per score unit.',
    input: ScoreConversion,
    output: ScoreConversion.extend({ ruleName: z.string() }),
    roles: ['bureau_staff'],
    errors: ['POINTS.RULE_NOT_FOUND'],
  }),
  scoreConversions: defineAction({
    summary: "The tenant's score conversions, each with its rule's name and caps.",
    input: z.object({}).strict(),
    output: z.object({ items: z.array(ScoreConversion.extend({ ruleName: z.string(), caps: Caps })) }),
    roles: POINTS_GRANTERS,
    errors: [],
  }),
  previewScoreImport: defineAction({
    summary:
      'Reads an uploaded .xlsx/.csv of outside scores (姓名, 手机号码, 积分) of one month for a branch the caller manages, for a rule the caller may grant, and shows row by row who would get how many points, who was already paid for that rule and month and what is wrong (the caller’s own row among them: another manager imports it); nothing is written to the ledger.',
    input: z.object({ fileID: FileId, branchId: Id, ruleKey: RuleKey, period: Month }),
    output: ScoreImportPreview,
    roles: POINTS_GRANTERS,
    errors: [
      'POINTS.NO_CONVERSION',
      'POINTS.NOT_GRANTABLE',
      'POINTS.RULE_NOT_FOUND',
      'POINTS.IMPORT_HEADERS',
      'POINTS.FILE_NOT_YOURS',
      'ROSTER.NOT_FOUND',
      'ROSTER.IMPORT_UNREADABLE',
      'ROSTER.IMPORT_TOO_LARGE',
      'ROSTER.IMPORT_NO_ROWS',
      'ROSTER.FILE_NOT_FOUND',
    ],
  }),
  confirmScoreImport: defineAction({
    summary:
      'Pays the previewed rows: one ledger entry per member under a key of the rule and month, so another file (or the same one again) for that month pays nobody twice; caps cut what they must.',
    input: z.object({ importId: Id }),
    output: ScoreImportResult,
    roles: POINTS_GRANTERS,
    errors: [
      'POINTS.IMPORT_NOT_FOUND',
      'POINTS.IMPORT_DONE',
      'POINTS.NO_CONVERSION',
      'POINTS.NOT_GRANTABLE',
      'ROSTER.FILE_NOT_FOUND',
    ],
  }),
}
