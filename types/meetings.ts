import { defineAction } from './action'
import { CellState, ComplianceStatus, MeetingRecordState, StateCounts } from './compliance'
import { DateOnly, Id } from './ids'
import { pageInput } from './paging'
import { ROLES, ROSTER_MANAGERS, ROSTER_READERS } from './roles'
import { SubscribeTemplates, TEMPLATE_USES } from './subscribe-templates'
import * as z from './zod'

/** 三会一课 and the other organised activities a branch holds. */
export const MEETING_TYPES = [
  'general_meeting', // 支部党员大会
  'committee_meeting', // 支委会
  'group_meeting', // 党小组会
  'lecture', // 党课
  'theme_day', // 主题党日
  'org_life', // 组织生活会
  'appraisal', // 民主评议党员
  'study', // 集中学习
  'other', // 其他
] as const
export const MeetingType = z.enum(MEETING_TYPES)
export type MeetingType = z.infer<typeof MeetingType>

/** How often a type is required: 每月 / 每季度 / 每半年 / 每年 / 每学期 (school terms the bureau configures). */
export const FREQUENCIES = ['month', 'quarter', 'half', 'year', 'term'] as const
export const Frequency = z.enum(FREQUENCIES)
export type Frequency = z.infer<typeof Frequency>

/** A minimum: at least `atLeast` meetings of the type in every period of `every`. */
export const Requirement = z.object({ every: Frequency, atLeast: z.number().int().min(1).max(12).default(1) })
export type Requirement = z.infer<typeof Requirement>

/** 学期: a school term as the bureau sets it ('2026—2027学年第一学期', 2026-09-01 to 2027-01-20). */
export const SchoolTerm = z
  .object({ name: z.string().trim().min(2, '请填写学期名称').max(30), start: DateOnly, end: DateOnly })
  .refine((term) => term.end > term.start, { message: '学期结束日期应晚于开始日期', path: ['end'] })
export type SchoolTerm = z.infer<typeof SchoolTerm>

/** Secretaries schedule and run meetings in the branches they manage (bureau staff anywhere). */
export const MEETING_MANAGERS = ROSTER_MANAGERS
/** Who may look at a branch's meetings, record book and compliance (each then checked per branch). */
export const MEETING_READERS = ROSTER_READERS

/** meeting_rules: one per tenant (`_id` = tenantId); absent means the defaults. */
export const MeetingRules = z
  .object({
    /** Minimum per type; null = no minimum. */
    minimums: z.record(MeetingType, Requirement.nullable()),
    /** School terms (学期) for types required every term, in order, not overlapping. */
    terms: z.array(SchoolTerm).max(20).default([]),
    /**
     * A meeting is 已开展 once its attendance and minutes are recorded; until
     * this many days after its end it is 待补记录 (the secretary is reminded),
     * after that 未开展.
     */
    recordWithinDays: z.number().int().min(1).max(60).default(7),
    /** 补录: a record completed up to this many days after the meeting ended still counts. */
    backfillWithinDays: z.number().int().min(1).max(366).default(30),
    /**
     * 支委会 is required where a branch has a committee: 7 or more full members
     * (支部工作条例), unless the bureau says otherwise for a branch here.
     */
    committeeOverrides: z.record(Id, z.boolean()).default({}),
    /** Check-in opens this many minutes before the start and closes at the end. */
    checkInOpensMinutes: z.number().int().min(0).max(240),
    /** After the start plus this grace a check-in counts as late (迟到). */
    lateGraceMinutes: z.number().int().min(0).max(60),
    /**
     * 订阅消息模板: per use, the template the tenant's mini-program chose on the
     * platform and which of our values fills which keyword (types/subscribe-templates.ts);
     * a use without one sends nothing and the app says so.
     */
    templates: SubscribeTemplates,
    /**
     * From this day of the month (Asia/Shanghai), a branch with no 主题党日
     * scheduled that month is reminded (its secretary and its robot, once a
     * month); null = never. Only while 主题党日 is required monthly.
     */
    themeDayReminderDay: z.number().int().min(1).max(28).nullable().default(20),
    /**
     * 长期订阅: the platform grants long-term subscribe messages only to some
     * mini-program categories (government, education, medical…). When the
     * tenant's category has them, a member's one acceptance of a template
     * listed in `longTermTemplates` keeps counting: sends spend no credit.
     */
    longTermSubscriptions: z.boolean().default(false),
    longTermTemplates: z.array(z.string().min(1).max(64)).max(10).default([]),
  })
  .superRefine((rules, ctx) => {
    if (rules.backfillWithinDays < rules.recordWithinDays)
      ctx.addIssue({ code: 'custom', message: '补录时限不能短于记录时限', path: ['backfillWithinDays'] })
    const byTerm = Object.values(rules.minimums).some((minimum) => minimum?.every === 'term')
    if (byTerm && rules.terms.length === 0)
      ctx.addIssue({ code: 'custom', message: '按学期要求的会议需要先设置学期起止日期', path: ['terms'] })
    rules.terms.forEach((term, index) => {
      const previous = rules.terms[index - 1]
      if (previous && term.start <= previous.end)
        ctx.addIssue({ code: 'custom', message: '学期应按时间先后排列且不能重叠', path: ['terms', index, 'start'] })
    })
  })
export type MeetingRules = z.infer<typeof MeetingRules>

export const ATTENDANCE_STATUSES = ['present', 'late', 'leave', 'absent'] as const // 出席 / 迟到 / 请假 / 缺席
export const AttendanceStatus = z.enum(ATTENDANCE_STATUSES)
export type AttendanceStatus = z.infer<typeof AttendanceStatus>

/**
 * Who a meeting is for: the whole branch (党员大会, 党课, 主题党日 — optionally
 * with the branch's 入党积极分子 and 发展对象 attending without a vote, 列席),
 * its committee (支委会), or one 党小组 (党小组会, convened by its 组长).
 */
export const Scope = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('branch'), prospects: z.boolean().optional() }), // 全体党员
  z.object({ kind: z.literal('group'), groupId: Id }), // 一个党小组
  z.object({ kind: z.literal('committee') }), // 支委成员
])
export type Scope = z.infer<typeof Scope>
export type ScopeKind = Scope['kind']

/**
 * Who each type is for: 党小组会 one 党小组, 支委会 the committee, 党员大会 and
 * the yearly 组织生活会 / 民主评议 the whole branch; 党课, 主题党日, 集中学习 and
 * other activities the branch or one group. The first is the form's default.
 */
export const SCOPES_OF: Record<MeetingType, readonly ScopeKind[]> = {
  general_meeting: ['branch'],
  committee_meeting: ['committee'],
  group_meeting: ['group'],
  lecture: ['branch', 'group'],
  theme_day: ['branch', 'group'],
  org_life: ['branch'],
  appraisal: ['branch'],
  study: ['branch', 'group'],
  other: ['branch', 'group'],
}

/** A position on Earth as a phone reports it: finite degrees within range (NaN, Infinity and 1e308 are refused). */
export const Coordinates = z.object({
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
})
export type Coordinates = z.infer<typeof Coordinates>

export const GeoPoint = Coordinates.extend({
  /** Check-ins farther than this from the place are refused. */
  radiusMeters: z.number().int().min(50).max(5000).default(300),
})
export type GeoPoint = z.infer<typeof GeoPoint>

/**
 * A period key in Asia/Shanghai: '2026-04', '2026-Q2', '2026-H1', '2026', or a
 * school term by its first and last day ('2026-09-01~2027-01-20').
 */
export const PeriodKey = z
  .string()
  .regex(
    /^(\d{4}(-\d{2}|-Q[1-4]|-H[12])?|\d{4}-\d{2}-\d{2}~\d{4}-\d{2}-\d{2})$/,
    '期间格式应为 2026-04、2026-Q2、2026-H1 或 2026',
  )

/** meetings */
export interface MeetingDoc {
  _id: string
  tenantId: string
  branchId: string
  scope: Scope
  type: MeetingType
  /** Other types the same meeting also counts as (民主评议 held within 组织生活会, 党课 within 党员大会). */
  alsoCounts?: MeetingType[]
  title: string
  agenda: string
  startsAt: number
  endsAt: number
  place: string
  location: GeoPoint | null
  hostId: string | null
  noteTakerId: string | null
  attendeeIds: string[]
  /** 列席: 入党积极分子 and 发展对象 invited without a vote (development file ids); never charged or counted in 应到. */
  guestIds?: string[]
  status: 'scheduled' | 'cancelled'
  /** A monthly series (e.g. 主题党日 on the same day each month) shares this id. */
  seriesId: string | null
  /** 补开: held for a past period that missed it (counts as held late there). */
  makeUpFor: string | null
  cancelReason: string | null
  /** 补录: entered after it took place, by whom and when (shown in the record book and the audit log). */
  backfilled?: { at: number; by: string } | null
  minutes: {
    text: string
    photos: string[]
    writtenBy: string
    writtenAt: number
    /** When the minutes were first saved: later edits do not move a record past its deadline. */
    firstWrittenAt?: number
    /** The attendance line (应到/实到/请假/缺席/未签到) as the roll stood when saved. */
    summary?: string
  } | null
  /** 动态消息 activity of the share card, valid 24 h. */
  activity: { id: string; expiresAt: number } | null
  /** Reminder slots ('24h', '1h') whose pass over every attendee finished. */
  remindersDone: string[]
  /** Set once absentees were recorded after the end. */
  closedAt: number | null
  createdBy: string
  createdAt: number
  updatedAt: number
}

/** meeting_attendance: `_id` = `${meetingId}:${memberId}`, one per member per meeting. */
export interface AttendanceDoc {
  _id: string
  tenantId: string
  meetingId: string
  branchId: string
  memberId: string
  status: AttendanceStatus
  via: 'code' | 'hand' | 'leave' | 'close' | 'backfill'
  at: number
  recordedBy: string
  /**
   * The points fact this row still has to record (written in the same write as
   * the row, cleared once the domain event exists): a crash between the two
   * leaves it here, and the next reminder run records it.
   */
  pendingEvent?: { correction: boolean; at: number; payableFrom: number }
}

/** meeting_checkin_tries: `_id` = `${meetingId}:${memberId}`, wrong short codes typed, to stop guessing. */
export interface CheckInTriesDoc {
  _id: string
  tenantId: string
  wrong: number
  lastAt: number
}

/** meeting_leaves: `_id` = `${meetingId}:${memberId}`. */
export interface LeaveDoc {
  _id: string
  tenantId: string
  meetingId: string
  branchId: string
  memberId: string
  memberName: string
  reason: string
  /** withdrawn: the member took a pending request back (撤回); it then counts as never asked. */
  status: 'pending' | 'approved' | 'rejected' | 'withdrawn'
  requestedAt: number
  decidedBy: string | null
  decidedAt: number | null
  /** Why a request was not approved, kept with the decision. */
  decisionNote?: string | null
  /** When the member took the request back. */
  withdrawnAt?: number
}

/** meeting_rules: `_id` = tenantId, the tenant's rule set as bureau staff last saved it. */
export type MeetingRulesDoc = MeetingRules & { _id: string; updatedAt?: number; updatedBy?: string }

/** meeting_secrets: `_id` = tenantId, the HMAC secret of the check-in codes; no action ever returns it. */
export interface MeetingSecretDoc {
  _id: string
  secret: string
}

const MeetingFields = z
  .object({
    type: MeetingType,
    /** 合并召开: further types the meeting also counts as. */
    alsoCounts: z.array(MeetingType).max(3).default([]),
    title: z.string().trim().min(2, '请填写会议名称').max(60),
    agenda: z.string().trim().max(2000).default(''),
    startsAt: z.number().int(),
    endsAt: z.number().int(),
    place: z.string().trim().min(1, '请填写地点').max(60),
    location: GeoPoint.nullable().default(null),
    hostId: Id.nullable().default(null),
    noteTakerId: Id.nullable().default(null),
  })
  .refine((m) => m.endsAt > m.startsAt, { message: '结束时间应晚于开始时间', path: ['endsAt'] })
  .refine((m) => m.endsAt - m.startsAt <= 12 * 3_600_000, { message: '会议时长不能超过12小时', path: ['endsAt'] })
  .refine((m) => !m.alsoCounts.includes(m.type) && new Set(m.alsoCounts).size === m.alsoCounts.length, {
    message: '合并召开的会议类型不能重复',
    path: ['alsoCounts'],
  })

const Attendance = z.object({
  memberId: Id,
  name: z.string(),
  status: AttendanceStatus.nullable(),
  at: z.number().nullable(),
  leave: z.enum(['pending', 'approved', 'rejected']).nullable(),
})

const Counts = z.object({
  expected: z.number().int(),
  present: z.number().int(),
  late: z.number().int(),
  leave: z.number().int(),
  absent: z.number().int(),
  unmarked: z.number().int(),
})
export type AttendanceCounts = z.infer<typeof Counts>

export const MeetingSummary = z.object({
  id: Id,
  branchId: Id,
  branchName: z.string(),
  type: MeetingType,
  title: z.string(),
  startsAt: z.number(),
  endsAt: z.number(),
  place: z.string(),
  status: z.enum(['scheduled', 'cancelled']),
  seriesId: z.string().nullable(),
  /** The caller's own attendance, when they are an attendee. */
  mine: AttendanceStatus.nullable(),
  myLeave: z.enum(['pending', 'approved', 'rejected']).nullable(),
  hasMinutes: z.boolean(),
  alsoCounts: z.array(MeetingType),
  /** 补录: entered after it took place. */
  backfilled: z.boolean(),
  /** The meeting's record as the compliance rule reads it (未开始 / 进行中 / 待补记录 / 已开展 …). */
  record: MeetingRecordState,
})
export type MeetingSummary = z.infer<typeof MeetingSummary>

/** A branch member as the forms pick them (host, note-taker, the 补录 roll). */
export const ScopeMember = z.object({
  id: Id,
  name: z.string(),
  groupId: Id.nullable(),
  committeePosition: z.string().nullable(),
  /** 正式党员 vote in a 党员大会; 预备党员 attend without a vote. */
  voting: z.boolean(),
})
export type ScopeMember = z.infer<typeof ScopeMember>

export const MeetingDetail = MeetingSummary.extend({
  agenda: z.string(),
  scope: Scope,
  /** The 党小组 of a group meeting. */
  groupName: z.string().nullable(),
  location: GeoPoint.nullable(),
  hostId: Id.nullable(),
  hostName: z.string().nullable(),
  noteTakerId: Id.nullable(),
  noteTakerName: z.string().nullable(),
  cancelReason: z.string().nullable(),
  makeUpFor: z.string().nullable(),
  attendee: z.boolean(),
  canManage: z.boolean(),
  counts: Counts,
  /** The roll (名单), for those who can read the branch. */
  attendance: z.array(Attendance).nullable(),
  /** 列席: 入党积极分子 and 发展对象 invited without a vote, for those who can read the branch. */
  guests: z.array(z.object({ id: Id, name: z.string() })).nullable(),
  /** Absences are recorded only once marking closed after the end; before that the unmarked are 未签到. */
  markingClosed: z.boolean(),
  minutes: z
    .object({
      text: z.string(),
      /** cloud:// fileIDs, as saved. */
      photos: z.array(z.string()),
      /** A temporary https link per photo (same order), for <Image>; null when the file is gone. */
      photoUrls: z.array(z.string().nullable()),
      writtenAt: z.number(),
      writtenByName: z.string(),
    })
    .nullable(),
  checkInOpensAt: z.number(),
  lateAfter: z.number(),
  /** Check-in closes at the end; marking by hand stays open for corrections. */
  checkInClosesAt: z.number(),
  /**
   * The caller's 订阅会议提醒: the tenant's reminder template to ask for (null
   * until the tenant has configured one), and how many reminders the caller's
   * acceptances still pay for (long-term: any acceptance keeps reaching them,
   * nothing is spent).
   */
  reminder: z.object({ templateId: z.string().nullable(), credits: z.number().int(), longTerm: z.boolean() }),
  /** 请假审批结果: the template the app asks for when the caller asks for leave; null until configured. */
  leaveTemplateId: z.string().nullable(),
})
export type MeetingDetail = z.infer<typeof MeetingDetail>

/**
 * One requirement of one period for one unit: the type, how often and how
 * many, the period it is judged over, the 党小组 (for 党小组会, judged per
 * group), how many evidenced meetings count and what that makes it.
 */
export const ComplianceItem = z.object({
  type: MeetingType,
  frequency: Frequency,
  atLeast: z.number().int(),
  period: z.string(),
  groupId: Id.nullable(),
  groupName: z.string().nullable(),
  status: ComplianceStatus,
  /** Meetings of the period with attendance and minutes recorded in time. */
  held: z.number().int(),
  meetingIds: z.array(z.string()),
})
export type ComplianceItem = z.infer<typeof ComplianceItem>

const RecordMarks = z
  .array(z.object({ memberId: Id, status: AttendanceStatus }))
  .min(1)
  .max(500)

const Page = pageInput()

/** Template ids a tap accepted (or a switch withdraws): the platform asks for at most 5 at once. */
const TemplateIds = z.object({ templateIds: z.array(z.string().min(1).max(64)).min(1).max(5) })

export const MySubscription = z.object({
  use: z.enum(TEMPLATE_USES),
  /** The template to ask for; null while the tenant has not configured this use. */
  templateId: z.string().nullable(),
  /** Sends the caller's acceptances still pay for (long-term: 1 once accepted, never spent). */
  credits: z.number().int(),
  longTerm: z.boolean(),
})
export type MySubscription = z.infer<typeof MySubscription>

const FileId = z.string().min(10).max(300)

const MEETING_NOT_FOUND = 'MEETING.NOT_FOUND' as const

export const meetingsActions = {
  schedule: defineAction({
    summary:
      'Schedules a meeting for a branch, one of its party groups or its committee (the scope defaults from the type: 支委会 the committee, 党小组会 must name its group); `repeatMonthly` > 1 makes a monthly series on the same day and time (e.g. 主题党日). Only the scope’s active members are invited, reminded, marked absent and charged. Host and note-taker are members of the branch. A retry with the same `requestId` schedules nothing twice.',
    input: z.object({
      branchId: Id,
      scope: Scope.optional(),
      meeting: MeetingFields,
      repeatMonthly: z.number().int().min(1).max(12).default(1),
      makeUpFor: PeriodKey.nullable().default(null),
      /** The client's id of this intent, generated once per form: the first meeting's id. */
      requestId: Id.optional(),
    }),
    output: z.object({ ids: z.array(Id), seriesId: z.string().nullable() }),
    roles: MEETING_MANAGERS,
    errors: [
      'ROSTER.NOT_FOUND',
      'ROSTER.GROUP_MISMATCH',
      'MEETING.IN_PAST',
      'MEETING.NO_ATTENDEES',
      'MEETING.SCOPE_MISMATCH',
      'MEETING.NOT_IN_BRANCH',
    ],
  }),
  backfill: defineAction({
    summary:
      '补录: records a meeting that already took place — its roll (出席/迟到/请假/缺席 for every invited member), minutes and photos — marked 补录 in the record book and the audit log. The bureau’s 补录时限 decides whether it still counts. `requestId` is the meeting’s id (photos are uploaded under it first); a retry completes what a first try left undone.',
    input: z.object({
      requestId: Id,
      branchId: Id,
      scope: Scope.optional(),
      meeting: MeetingFields,
      marks: RecordMarks,
      minutes: z.object({
        text: z.string().trim().min(10, '会议记录至少10个字').max(10_000),
        photos: z.array(FileId).max(9).default([]),
      }),
      makeUpFor: PeriodKey.nullable().default(null),
    }),
    output: z.object({ id: Id, record: MeetingRecordState, summary: z.string() }),
    roles: MEETING_MANAGERS,
    errors: [
      'AUTH.SELF_DEALING',
      'ROSTER.NOT_FOUND',
      'ROSTER.GROUP_MISMATCH',
      'MEETING.NOT_PAST',
      'MEETING.TOO_OLD',
      'MEETING.NO_ATTENDEES',
      'MEETING.SCOPE_MISMATCH',
      'MEETING.NOT_IN_BRANCH',
      'MEETING.NOT_ATTENDEE',
      'MEETING.ROLL_INCOMPLETE',
      'MEETING.FILE_NOT_YOURS',
      'MEETING.ID_TAKEN',
    ],
  }),
  scopeMembers: defineAction({
    summary:
      'The branch’s active members with their 党小组 and committee position, its 党小组 (with 组长), whether it has a committee, and its 入党积极分子/发展对象: what the schedule and 补录 forms pick from.',
    input: z.object({ branchId: Id }),
    output: z.object({
      branchName: z.string(),
      members: z.array(ScopeMember),
      groups: z.array(z.object({ id: Id, name: z.string(), leaderId: Id.nullable() })),
      hasCommittee: z.boolean(),
      prospects: z.array(z.object({ id: Id, name: z.string(), stage: z.enum(['activist', 'candidate']) })),
    }),
    roles: MEETING_MANAGERS,
    errors: ['ROSTER.NOT_FOUND'],
  }),
  update: defineAction({
    summary:
      'Edits a meeting that has not ended (its scope stays); the invited are told of a new time or place, with the reason given.',
    input: z.object({ meetingId: Id, meeting: MeetingFields, reason: z.string().trim().max(100).default('') }),
    output: MeetingDetail,
    roles: MEETING_MANAGERS,
    errors: [
      MEETING_NOT_FOUND,
      'MEETING.CANCELLED',
      'MEETING.IN_PAST',
      'MEETING.SCOPE_MISMATCH',
      'MEETING.NOT_IN_BRANCH',
    ],
  }),
  cancel: defineAction({
    summary: 'Cancels a meeting that has not started; attendees are told through the reminder channels.',
    input: z.object({ meetingId: Id, reason: z.string().trim().min(2, '请填写取消原因').max(100) }),
    output: z.object({ cancelled: z.literal(true), told: z.number().int() }),
    roles: MEETING_MANAGERS,
    errors: [MEETING_NOT_FOUND, 'MEETING.CANCELLED', 'MEETING.IN_PAST'],
  }),
  listMine: defineAction({
    summary:
      'The caller’s meetings as an attendee: upcoming (soonest first) or past (latest first), with their attendance.',
    input: Page.extend({ when: z.enum(['upcoming', 'past']).default('upcoming') }),
    output: z.object({ items: z.array(MeetingSummary), total: z.number().int(), page: z.number().int() }),
    roles: ROLES,
    errors: [],
  }),
  listBranch: defineAction({
    summary: 'A branch’s meetings in a period (default: this month), in time order.',
    input: z.object({ branchId: Id, period: PeriodKey.optional() }),
    output: z.object({ branchId: Id, branchName: z.string(), period: z.string(), items: z.array(MeetingSummary) }),
    roles: MEETING_READERS,
    errors: ['ROSTER.NOT_FOUND'],
  }),
  get: defineAction({
    summary: 'One meeting for an attendee or a reader of its branch; readers also get the roll.',
    input: z.object({ meetingId: Id }),
    output: MeetingDetail,
    roles: ROLES,
    errors: [MEETING_NOT_FOUND],
  }),
  checkInCode: defineAction({
    summary:
      'The rotating check-in code (签到码) a secretary shows while check-in is open: a token valid for this and the previous 30 s slot, the 小程序码 scene that opens the check-in page from the phone camera (with `image`, a PNG link), and a 6-digit short code members type (this and the previous minute). Before check-in opens it answers MEETING.NOT_OPEN with when it opens.',
    input: z.object({ meetingId: Id, image: z.boolean().default(false) }),
    output: z.object({
      token: z.string(),
      scene: z.string(),
      shortCode: z.string(),
      refreshAt: z.number(),
      imageUrl: z.string().nullable(),
      closesAt: z.number(),
      counts: Counts,
    }),
    roles: MEETING_MANAGERS,
    errors: [MEETING_NOT_FOUND, 'MEETING.CANCELLED', 'MEETING.CLOSED', 'MEETING.NOT_OPEN'],
  }),
  checkIn: defineAction({
    summary:
      'Checks the caller in with the rotating code (or the scene `meetingId.token` from a scanned 小程序码, or the meeting and the 6-digit short code), within the window, within the radius of the place when the meeting has one (a position that is missing, out of range or too far is refused); a second check-in returns the first. Ten wrong short codes lock the member out of typing for that meeting. Attendance points are paid from the start of the meeting.',
    input: z.object({
      meetingId: Id.optional(),
      token: z.string().min(8).max(64).optional(),
      shortCode: z
        .string()
        .regex(/^\d{6}$/, '签到码为6位数字')
        .optional(),
      scene: z.string().max(64).optional(),
      position: Coordinates.nullable().default(null),
    }),
    output: z.object({
      status: AttendanceStatus,
      at: z.number(),
      first: z.boolean(),
      title: z.string(),
      meetingId: Id,
    }),
    roles: ROLES,
    errors: [
      MEETING_NOT_FOUND,
      'MEETING.CANCELLED',
      'MEETING.TOKEN_INVALID',
      'MEETING.NOT_OPEN',
      'MEETING.CLOSED',
      'MEETING.NOT_ATTENDEE',
      'MEETING.TOO_FAR',
      'MEETING.LOCATION_REQUIRED',
      'MEETING.TOO_MANY_TRIES',
    ],
  }),
  markAttendance: defineAction({
    summary:
      'Marks attendance by hand (出席/迟到/请假/缺席) for attendees, e.g. those without phones; once the meeting window opened; never the caller’s own (another manager of the branch or bureau staff marks it).',
    input: z.object({
      meetingId: Id,
      marks: z
        .array(z.object({ memberId: Id, status: AttendanceStatus }))
        .min(1)
        .max(500),
    }),
    output: z.object({ marked: z.number().int(), counts: Counts }),
    roles: MEETING_MANAGERS,
    errors: [MEETING_NOT_FOUND, 'MEETING.CANCELLED', 'MEETING.NOT_OPEN', 'MEETING.NOT_ATTENDEE', 'AUTH.SELF_DEALING'],
  }),
  requestLeave: defineAction({
    summary: 'An attendee asks for leave (请假) with a reason, before the start.',
    input: z.object({ meetingId: Id, reason: z.string().trim().min(2, '请填写请假原因').max(200) }),
    output: z.object({ status: z.literal('pending') }),
    roles: ROLES,
    errors: [
      MEETING_NOT_FOUND,
      'MEETING.CANCELLED',
      'MEETING.NOT_ATTENDEE',
      'MEETING.STARTED',
      'MEETING.ALREADY_CHECKED_IN',
    ],
  }),
  withdrawLeave: defineAction({
    summary:
      'The caller takes back their own leave request (撤回请假) while it waits for a decision; once approved or rejected it stands. Withdrawing twice is the same as once.',
    input: z.object({ meetingId: Id }).strict(),
    output: z.object({ withdrawn: z.literal(true) }),
    roles: ROLES,
    errors: [MEETING_NOT_FOUND, 'MEETING.LEAVE_NOT_FOUND', 'MEETING.LEAVE_DECIDED'],
  }),
  listLeaves: defineAction({
    summary: 'Leave requests of a meeting, for those who manage its branch.',
    input: z.object({ meetingId: Id }),
    output: z.object({
      items: z.array(
        z.object({
          memberId: Id,
          name: z.string(),
          reason: z.string(),
          status: z.enum(['pending', 'approved', 'rejected']),
          requestedAt: z.number(),
          decisionNote: z.string().nullable(),
        }),
      ),
    }),
    roles: MEETING_MANAGERS,
    errors: [MEETING_NOT_FOUND],
  }),
  decideLeave: defineAction({
    summary: 'Approves or rejects a pending leave request; approved leave is recorded as excused (请假).',
    input: z
      .object({ meetingId: Id, memberId: Id, approve: z.boolean(), note: z.string().trim().max(100).default('') })
      .refine((decision) => decision.approve || decision.note.length >= 2, {
        message: '不批准时请写明原因',
        path: ['note'],
      }),
    output: z.object({ status: z.enum(['approved', 'rejected']) }),
    roles: MEETING_MANAGERS,
    errors: [MEETING_NOT_FOUND, 'MEETING.LEAVE_NOT_FOUND', 'MEETING.LEAVE_DECIDED'],
  }),
  writeMinutes: defineAction({
    summary: 'Writes the minutes (会议记录) with photos; the attendance summary is filled in from the roll.',
    input: z.object({
      meetingId: Id,
      text: z.string().trim().min(10, '会议记录至少10个字').max(10_000),
      photos: z.array(FileId).max(9).default([]),
    }),
    output: z.object({ summary: z.string(), counts: Counts }),
    roles: MEETING_MANAGERS,
    errors: [MEETING_NOT_FOUND, 'MEETING.CANCELLED', 'MEETING.NOT_STARTED', 'MEETING.FILE_NOT_YOURS'],
  }),
  recordBook: defineAction({
    summary:
      'A branch’s 三会一课记录本 for a period (default: this year): every meeting in order with its record (未开始 / 进行中 / 待补记录 / 已开展 …, 补录 marked), attendance (未签到 until marking closes) and minutes; `export` adds an .xlsx link.',
    input: z.object({ branchId: Id, period: PeriodKey.optional(), export: z.boolean().default(false) }),
    output: z.object({
      branchName: z.string(),
      period: z.string(),
      entries: z.array(
        z.object({
          id: Id,
          type: MeetingType,
          alsoCounts: z.array(MeetingType),
          title: z.string(),
          startsAt: z.number(),
          place: z.string(),
          status: z.enum(['scheduled', 'cancelled']),
          record: MeetingRecordState,
          backfilled: z.boolean(),
          counts: Counts,
          minutes: z.string().nullable(),
        }),
      ),
      fileUrl: z.string().nullable(),
    }),
    roles: MEETING_READERS,
    errors: ['ROSTER.NOT_FOUND'],
  }),
  recordBookPdf: defineAction({
    summary:
      'The branch’s 三会一课记录本 for a period (default: this year) as a printable PDF for inspection (调阅), for those who manage the branch: a 10-minute link.',
    input: z.object({ branchId: Id, period: PeriodKey.optional() }),
    output: z.object({ fileUrl: z.string(), fileName: z.string() }),
    roles: MEETING_MANAGERS,
    errors: ['ROSTER.NOT_FOUND'],
  }),
  compliance: defineAction({
    summary:
      'Each visible branch’s 三会一课 by the evidence rule: without `period`, every requirement of the periods running now (this month, quarter, half-year, year, term) — held, awaiting its record, planned or still due; with a month or quarter, the requirements falling due in it and the cell state the bureau’s matrix shows. Secretaries their own branch, instructors theirs, bureau every branch.',
    input: z.object({ period: PeriodKey.optional(), branchId: Id.optional() }),
    output: z.object({
      period: z.string().nullable(),
      branches: z.array(
        z.object({
          branchId: Id,
          branchName: z.string(),
          state: CellState.nullable(),
          items: z.array(ComplianceItem),
        }),
      ),
    }),
    roles: MEETING_READERS,
    errors: ['ROSTER.NOT_FOUND'],
  }),
  getRules: defineAction({
    summary: 'The tenant’s meeting rule set: minimum frequencies, check-in window, grace, templates.',
    input: z.object({}),
    output: MeetingRules,
    roles: ROLES,
    errors: [],
  }),
  updateRules: defineAction({
    summary: 'Bureau staff adjust the tenant’s meeting rule set.',
    input: MeetingRules,
    output: MeetingRules,
    roles: ['bureau_staff'],
    errors: [],
  }),
  rebuildDigests: defineAction({
    summary:
      'Bureau staff rebuild the per-branch meeting digests of a year (default: this year) that the bureau matrix and overview read — each meeting with its evidence (attendance, minutes, quorum) under the current rules — and see what changed: entries that had drifted, and each month whose state the rebuild changed (before → after). Branches are rebuilt in chunks: call again with `cursor` until `done`.',
    input: z.object({
      year: z.number().int().min(2000).max(2100).optional(),
      cursor: z.number().int().min(0).default(0),
    }),
    output: z.object({
      year: z.number().int(),
      done: z.boolean(),
      cursor: z.number().int(),
      progress: z.object({ done: z.number().int(), of: z.number().int() }),
      branches: z.number().int(),
      meetings: z.number().int(),
      drifted: z.number().int(),
      /** Meetings of this call by their record under the rules (已开展, 待补记录 …). */
      records: z.record(MeetingRecordState, z.number().int()),
      /** Months whose state the rebuild changed (up to 100; `changed` counts them all). */
      changes: z.array(
        z.object({
          branchId: Id,
          branchName: z.string(),
          period: z.string(),
          before: CellState,
          after: CellState,
        }),
      ),
      changed: z.number().int(),
      /** The year's months by state after the rebuild, over the branches of this call. */
      states: StateCounts,
    }),
    roles: ['bureau_staff'],
    errors: [],
  }),
  subscribe: defineAction({
    summary:
      'Records the subscribe-message templates the caller accepted in a tap: one send credit each. Only templates of the tenant’s 订阅消息 table are taken.',
    input: TemplateIds,
    output: z.object({ credits: z.record(z.string(), z.number().int()) }),
    roles: ROLES,
    errors: ['REMINDER.UNKNOWN_TEMPLATE'],
  }),
  unsubscribe: defineAction({
    summary:
      'Withdraws the caller’s acceptances of templates (e.g. 政治生日 switched off in 我的): nothing more is sent under them until accepted again. Withdrawing twice is the same as once.',
    input: TemplateIds,
    output: z.object({ withdrawn: z.number().int() }),
    roles: ROLES,
    errors: [],
  }),
  mySubscriptions: defineAction({
    summary:
      'The caller’s subscribe messages, one row per use (会议提醒, 政治生日, 学习提醒, 主题党日通知, 请假审批结果): the tenant’s template (null until configured) and the sends the caller’s acceptances still pay for.',
    input: z.object({}),
    output: z.object({ items: z.array(MySubscription) }),
    roles: ROLES,
    errors: [],
  }),
  shareCard: defineAction({
    summary: 'The 动态消息 activity id for sharing the meeting into a group chat (kept 24 h), and the current counts.',
    input: z.object({ meetingId: Id }),
    output: z.object({ activityId: z.string(), expiresAt: z.number(), counts: Counts }),
    roles: ROLES,
    errors: [MEETING_NOT_FOUND, 'MEETING.CANCELLED'],
  }),
  remindAbsent: defineAction({
    summary:
      'The secretary’s “提醒未到”: reminds attendees who have not come (no check-in, no leave; a recorded 缺席 counts as not come) through the channels each has — to check in while the meeting runs, to catch up (补学) for a week after it ended.',
    input: z.object({ meetingId: Id }),
    output: z.object({ reminded: z.number().int(), subscribeSent: z.number().int(), robotQueued: z.boolean() }),
    roles: MEETING_MANAGERS,
    errors: [MEETING_NOT_FOUND, 'MEETING.CANCELLED', 'MEETING.CLOSED'],
  }),
  testRobot: defineAction({
    summary:
      'The secretary’s 发送测试消息: posts a test message to the branch’s WeCom robot at once and answers whether WeCom took it.',
    input: z.object({ branchId: Id }),
    output: z.object({ sentAt: z.number() }),
    roles: MEETING_MANAGERS,
    errors: ['ROSTER.NOT_FOUND', 'REMINDER.NO_ROBOT', 'REMINDER.ROBOT_BUSY', 'REMINDER.ROBOT_FAILED'],
  }),
  remindNow: defineAction({
    summary:
      'The secretary’s 立即提醒: posts the branch’s next meeting (not yet ended) to its WeCom robot at once, whatever the reminder timer has sent.',
    input: z.object({ branchId: Id }),
    output: z.object({ meetingId: Id, title: z.string(), sentAt: z.number() }),
    roles: MEETING_MANAGERS,
    errors: [
      'ROSTER.NOT_FOUND',
      'REMINDER.NO_ROBOT',
      'REMINDER.ROBOT_BUSY',
      'REMINDER.ROBOT_FAILED',
      'MEETING.NONE_UPCOMING',
    ],
  }),
  getRobot: defineAction({
    summary: 'The branch’s WeCom group robot (企业微信群机器人), its webhook masked.',
    input: z.object({ branchId: Id }),
    output: z.object({ maskedUrl: z.string().nullable(), setAt: z.number().nullable() }),
    roles: MEETING_MANAGERS,
    errors: ['ROSTER.NOT_FOUND'],
  }),
  setRobot: defineAction({
    summary: 'Sets (or with null removes) the branch’s WeCom robot webhook; only a WeCom robot URL is accepted.',
    input: z.object({ branchId: Id, url: z.string().trim().max(300).nullable() }),
    output: z.object({ maskedUrl: z.string().nullable(), setAt: z.number().nullable() }),
    roles: MEETING_MANAGERS,
    errors: ['ROSTER.NOT_FOUND', 'REMINDER.BAD_WEBHOOK'],
  }),
}
