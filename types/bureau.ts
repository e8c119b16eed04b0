import { defineAction } from './action'
import { CellState, ComplianceStatus, MeetingRecordState, StateCounts } from './compliance'
import { Id } from './ids'
import { MeetingType } from './meetings'
import { pageInput } from './paging'
import { BranchStanding, LeaderboardSort } from './points'
import { ROSTER_READERS } from './roles'
import * as z from './zod'

/**
 * 教育局党建督导: what the bureau looks at across every branch — the overview,
 * the 三会一课 compliance matrix, leaderboards, study participation and exports.
 */

/** Bureau staff see everything; instructors (党建指导员) see the branches assigned to them. */
export const BUREAU_VIEWERS = ['bureau_staff', 'instructor'] as const
/** The matrix, its cells and the record book are also open to secretaries, for their own branch's row. */
export const BUREAU_ROW_READERS = ROSTER_READERS

/** 学校类型, read from the branch's name (小学/中学/职业学校/联合支部). */
export const SCHOOL_KINDS = ['primary', 'secondary', 'vocational', 'joint', 'other'] as const
export const SchoolKind = z.enum(SCHOOL_KINDS)
export type SchoolKind = z.infer<typeof SchoolKind>

export const MatrixGranularity = z.enum(['month', 'quarter'])
export type MatrixGranularity = z.infer<typeof MatrixGranularity>

/** One requirement in a cell: the type, its 党小组 (党小组会 is judged per group) and its status. */
export const MatrixItem = z.object({
  type: MeetingType,
  groupName: z.string().nullable(),
  period: z.string(),
  status: ComplianceStatus,
})
export type MatrixItem = z.infer<typeof MatrixItem>

export const MatrixCell = z.object({ period: z.string(), state: CellState, items: z.array(MatrixItem) })
export type MatrixCell = z.infer<typeof MatrixCell>

export const MatrixRow = z.object({
  branchId: Id,
  branchName: z.string(),
  generalBranchName: z.string().nullable(),
  schoolKind: SchoolKind,
  cells: z.array(MatrixCell),
  /** Required meetings 未按期开展 over the year so far (missing or below quorum). */
  missing: z.number().int(),
  /** Whether 支委会 is required of the branch (a committee: 7+ full members, or the bureau's setting). */
  hasCommittee: z.boolean(),
  /** When the bureau last reminded the secretary, if ever. */
  remindedAt: z.number().nullable(),
})
export type MatrixRow = z.infer<typeof MatrixRow>

export const MatrixFilter = z.object({
  year: z.number().int().min(2000).max(2100).optional(),
  granularity: MatrixGranularity.default('month'),
  generalBranchId: Id.nullable().default(null),
  schoolKind: SchoolKind.nullable().default(null),
  /** Only branches with a meeting 未按期开展 (滞后支部). */
  behindOnly: z.boolean().default(false),
})

const Page = pageInput({ size: 30, maxSize: 100 })

export const MatrixTotals = z.object({
  branches: z.number().int(),
  /** Per period: cells of each state, over every branch the filter keeps. */
  perPeriod: z.array(StateCounts.extend({ period: z.string() })),
})
export type MatrixTotals = z.infer<typeof MatrixTotals>

export const ComplianceMatrix = z.object({
  year: z.number().int(),
  granularity: MatrixGranularity,
  periods: z.array(z.string()),
  rows: z.array(MatrixRow),
  total: z.number().int(),
  page: z.number().int(),
  totals: MatrixTotals,
  generalBranches: z.array(z.object({ id: Id, name: z.string() })),
})
export type ComplianceMatrix = z.infer<typeof ComplianceMatrix>

export const TrendPoint = z.object({
  period: z.string(),
  /**
   * Share of the branches with something due that month whose cell is 已开展 or
   * 已补开 (0–1); null before the bureau's first recorded meeting, with nothing
   * due, and for the month still running.
   */
  compliance: z.number().nullable(),
  /** The month is still running: left out of the line, drawn as 进行中. */
  running: z.boolean(),
  /** Share of targeted members who checked in on tasks due that month (0–1), null with no task. */
  study: z.number().nullable(),
  /** Members with any points entry that month. */
  pointsActive: z.number().int(),
})
export type TrendPoint = z.infer<typeof TrendPoint>

export const Overview = z.object({
  month: z.string(),
  branches: z.number().int(),
  members: z.number().int(),
  /** Branches by the state of their month in the matrix: this month (running) and last month. */
  compliance: z.object({
    thisMonth: StateCounts,
    lastMonth: StateCounts,
    /** Of this month's 进行中 branches, those with a required meeting not yet even scheduled. */
    unscheduled: z.number().int(),
  }),
  study: z.object({ tasks: z.number().int(), targeted: z.number().int(), checkedIn: z.number().int() }),
  points: z.object({ activeMembers: z.number().int(), entries: z.number().int() }),
  trend: z.array(TrendPoint),
})
export type Overview = z.infer<typeof Overview>

export const CellMeeting = z.object({
  id: Id,
  type: MeetingType,
  alsoCounts: z.array(MeetingType),
  title: z.string(),
  startsAt: z.number(),
  place: z.string(),
  status: z.enum(['scheduled', 'cancelled']),
  /** Its record under the rules (已开展, 待补记录, 未开展 …). */
  record: MeetingRecordState,
  backfilled: z.boolean(),
  expected: z.number().int(),
  attended: z.number().int(),
  leave: z.number().int(),
  absent: z.number().int(),
  /** Not yet marked: 未签到 until marking closes. */
  unmarked: z.number().int(),
  minutes: z.string().nullable(),
})
export type CellMeeting = z.infer<typeof CellMeeting>

export const CellDetail = z.object({
  branchId: Id,
  branchName: z.string(),
  period: z.string(),
  state: CellState,
  items: z.array(MatrixItem),
  hasCommittee: z.boolean(),
  meetings: z.array(CellMeeting),
})
export type CellDetail = z.infer<typeof CellDetail>

/** bureau_reminders: `_id` = `${branchId}:${period}:${day}`, one reminder per branch, period and day. */
export interface ReminderDoc {
  _id: string
  tenantId: string
  branchId: string
  period: string
  owed: string[]
  secretaryId: string | null
  robotQueued: boolean
  by: string
  byName: string
  at: number
}

/** A period for rankings: '2026-04', '2026-Q2', '2026' or 'all'. */
export const RankPeriod = z.string().regex(/^(\d{4}(-\d{2}|-Q[1-4])?|all)$/, '统计周期格式不正确')

export const MemberStanding = z.object({
  memberId: Id,
  name: z.string(),
  branchName: z.string(),
  points: z.number().int(),
  rank: z.number().int(),
})
export type MemberStanding = z.infer<typeof MemberStanding>

export const StudyTaskRow = z.object({
  taskId: Id,
  title: z.string(),
  startsOn: z.string(),
  dueOn: z.string(),
  branches: z.number().int(),
  targeted: z.number().int(),
  checkedIn: z.number().int(),
})
export type StudyTaskRow = z.infer<typeof StudyTaskRow>

export const StudyBranchRow = z.object({
  branchId: Id,
  branchName: z.string(),
  targeted: z.number().int(),
  checkedIn: z.number().int(),
  rate: z.number(),
})
export type StudyBranchRow = z.infer<typeof StudyBranchRow>

export const EXPORT_VIEWS = ['matrix', 'leaderboard', 'study'] as const
export const Download = z.object({ url: z.string(), fileName: z.string() })

export const bureauActions = {
  overview: defineAction({
    summary:
      'The bureau dashboard: branch and member counts, this month’s 三会一课 (on track / behind / missed last month), study participation, points activity, and the 12-month trend.',
    input: z.object({}),
    output: Overview,
    roles: BUREAU_VIEWERS,
    errors: [],
  }),
  complianceMatrix: defineAction({
    summary:
      'Branches × months (or quarters) of a year, each cell held / late / open / missing per required meeting type (the tenant’s meeting rules), filtered by general branch, school kind or behind only; paged. Secretaries get their own branch’s row.',
    input: MatrixFilter.extend(Page.shape),
    output: ComplianceMatrix,
    roles: BUREAU_ROW_READERS,
    errors: ['ROSTER.NOT_FOUND'],
  }),
  cellDetail: defineAction({
    summary:
      'One cell of the matrix, read-only (调阅): the branch’s meetings of the period with attendance and minutes.',
    input: z.object({ branchId: Id, period: z.string().regex(/^\d{4}(-\d{2}|-Q[1-4])$/) }),
    output: CellDetail,
    roles: BUREAU_ROW_READERS,
    errors: ['ROSTER.NOT_FOUND'],
  }),
  remindSecretary: defineAction({
    summary:
      'Records a reminder to a behind branch’s secretary about the meetings it owes in a period, and posts it to the branch’s WeCom robot when one is set; once per branch, period and day.',
    input: z.object({ branchId: Id, period: z.string().regex(/^\d{4}(-\d{2}|-Q[1-4])$/) }),
    output: z.object({
      reminded: z.boolean(),
      owed: z.array(MeetingType),
      robotQueued: z.boolean(),
      secretaryName: z.string().nullable(),
    }),
    roles: BUREAU_VIEWERS,
    errors: ['ROSTER.NOT_FOUND', 'BUREAU.NOTHING_OWED'],
  }),
  leaderboard: defineAction({
    summary:
      'Rankings for a chosen period from the maintained points totals: branches fairly (average per member, participation, or total) and the bureau’s top members; ties share a rank; exempt members left out.',
    input: pageInput({ size: 50, maxSize: 100, maxPage: 1000 }).extend({
      period: RankPeriod.optional(),
      sort: LeaderboardSort.default('average'),
    }),
    output: z.object({
      period: z.string(),
      branches: z.array(BranchStanding),
      total: z.number().int(),
      page: z.number().int(),
      members: z.array(MemberStanding),
    }),
    roles: BUREAU_VIEWERS,
    errors: [],
  }),
  studyTasks: defineAction({
    summary: 'Study tasks published in the tenant, newest first, each with targeted members and check-ins; paged.',
    input: Page,
    output: z.object({ items: z.array(StudyTaskRow), total: z.number().int(), page: z.number().int() }),
    roles: BUREAU_VIEWERS,
    errors: [],
  }),
  studyByBranch: defineAction({
    summary: 'One study task’s participation by branch: targeted members, check-ins and the rate, lowest rate first.',
    input: z.object({ taskId: Id }),
    output: z.object({ task: StudyTaskRow, branches: z.array(StudyBranchRow) }),
    roles: BUREAU_VIEWERS,
    errors: ['STUDY.TASK_NOT_FOUND'],
  }),
  exportSheet: defineAction({
    summary:
      'An .xlsx of a view (the compliance matrix of a year, the leaderboard of a period, a task’s study participation); a link valid for 10 minutes.',
    input: z.discriminatedUnion('view', [
      MatrixFilter.extend({ view: z.literal('matrix') }),
      z.object({
        view: z.literal('leaderboard'),
        period: RankPeriod.optional(),
        sort: LeaderboardSort.default('average'),
      }),
      z.object({ view: z.literal('study'), taskId: Id }),
    ]),
    output: Download,
    roles: BUREAU_ROW_READERS,
    errors: ['STUDY.TASK_NOT_FOUND'],
  }),
  recordBookPdf: defineAction({
    summary: 'A branch’s 三会一课记录本 for a period as a PDF (Chinese text, font subset embedded), for inspection.',
    input: z.object({
      branchId: Id,
      period: z
        .string()
        .regex(/^\d{4}(-\d{2}|-Q[1-4])?$/)
        .optional(),
    }),
    output: Download,
    roles: BUREAU_ROW_READERS,
    errors: ['ROSTER.NOT_FOUND'],
  }),
  monthlyReport: defineAction({
    summary:
      'The one-page monthly report of the whole bureau as a PDF (counts, 三会一课 by the matrix’s states, branches that have not held or not recorded, study, points), to forward into a WeChat chat; with the figures it printed.',
    input: z.object({
      month: z
        .string()
        .regex(/^\d{4}-\d{2}$/)
        .optional(),
    }),
    output: Download.extend({
      month: z.string(),
      running: z.boolean(),
      states: StateCounts,
      branches: z.array(z.object({ branchId: Id, branchName: z.string(), state: CellState })),
    }),
    roles: ['bureau_staff'],
    errors: [],
  }),
}

export const SCHOOL_KIND_LABELS: Record<SchoolKind, string> = {
  primary: '小学',
  secondary: '中学',
  vocational: '职业学校',
  joint: '联合支部',
  other: '其他',
}
