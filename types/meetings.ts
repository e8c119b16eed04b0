import { defineAction } from './action'
import { Id } from './ids'
import { pageInput } from './paging'
import { ROLES, ROSTER_MANAGERS, ROSTER_READERS } from './roles'
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

export const Frequency = z.enum(['month', 'quarter', 'year'])
export type Frequency = z.infer<typeof Frequency>

/** Secretaries schedule and run meetings in the branches they manage (bureau staff anywhere). */
export const MEETING_MANAGERS = ROSTER_MANAGERS
/** Who may look at a branch's meetings, record book and compliance (each then checked per branch). */
export const MEETING_READERS = ROSTER_READERS

/** meeting_rules: one per tenant (`_id` = tenantId); absent means the defaults. */
export const MeetingRules = z.object({
  /** Minimum frequency per type; null = no minimum. */
  minimums: z.record(MeetingType, Frequency.nullable()),
  /** Check-in opens this many minutes before the start and closes at the end. */
  checkInOpensMinutes: z.number().int().min(0).max(240),
  /** After the start plus this grace a check-in counts as late (迟到). */
  lateGraceMinutes: z.number().int().min(0).max(60),
  /** Subscribe-message template ids (订阅消息模板) the tenant's mini-program has chosen. */
  templates: z.object({ meetingReminder: z.string().max(64), politicalBirthday: z.string().max(64) }),
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
export type MeetingRules = z.infer<typeof MeetingRules>

export const ATTENDANCE_STATUSES = ['present', 'late', 'leave', 'absent'] as const // 出席 / 迟到 / 请假 / 缺席
export const AttendanceStatus = z.enum(ATTENDANCE_STATUSES)
export type AttendanceStatus = z.infer<typeof AttendanceStatus>

export const Scope = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('branch') }), // 全体党员
  z.object({ kind: z.literal('group'), groupId: Id }), // 一个党小组
  z.object({ kind: z.literal('committee') }), // 支委成员
])
export type Scope = z.infer<typeof Scope>

export const GeoPoint = z.object({
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
  /** Check-ins farther than this from the place are refused. */
  radiusMeters: z.number().int().min(50).max(5000).default(300),
})
export type GeoPoint = z.infer<typeof GeoPoint>

/** A period key in Asia/Shanghai: '2026-04', '2026-Q2' or '2026'. */
export const PeriodKey = z.string().regex(/^\d{4}(-\d{2}|-Q[1-4])?$/, '期间格式应为 2026-04、2026-Q2 或 2026')

/** meetings */
export interface MeetingDoc {
  _id: string
  tenantId: string
  branchId: string
  scope: Scope
  type: MeetingType
  title: string
  agenda: string
  startsAt: number
  endsAt: number
  place: string
  location: GeoPoint | null
  hostId: string | null
  noteTakerId: string | null
  attendeeIds: string[]
  status: 'scheduled' | 'cancelled'
  /** A monthly series (e.g. 主题党日 on the same day each month) shares this id. */
  seriesId: string | null
  /** 补开: held for a past period that missed it (counts as held late there). */
  makeUpFor: string | null
  cancelReason: string | null
  minutes: { text: string; photos: string[]; writtenBy: string; writtenAt: number } | null
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
  via: 'code' | 'hand' | 'leave' | 'close'
  at: number
  recordedBy: string
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
  status: 'pending' | 'approved' | 'rejected'
  requestedAt: number
  decidedBy: string | null
  decidedAt: number | null
  /** Why a request was not approved, kept with the decision. */
  decisionNote?: string | null
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
})
export type MeetingSummary = z.infer<typeof MeetingSummary>

export const MeetingDetail = MeetingSummary.extend({
  agenda: z.string(),
  scope: Scope,
  location: GeoPoint.nullable(),
  hostName: z.string().nullable(),
  noteTakerName: z.string().nullable(),
  cancelReason: z.string().nullable(),
  makeUpFor: z.string().nullable(),
  attendee: z.boolean(),
  canManage: z.boolean(),
  counts: Counts,
  /** The roll (名单), for those who can read the branch. */
  attendance: z.array(Attendance).nullable(),
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
})
export type MeetingDetail = z.infer<typeof MeetingDetail>

export const COMPLIANCE_STATUSES = ['held', 'held_late', 'planned', 'due', 'missing'] as const
export const ComplianceItem = z.object({
  type: MeetingType,
  frequency: Frequency,
  period: z.string(),
  status: z.enum(COMPLIANCE_STATUSES),
  meetingIds: z.array(z.string()),
})
export type ComplianceItem = z.infer<typeof ComplianceItem>

const Page = pageInput()

const FileId = z.string().min(10).max(300)

const MEETING_NOT_FOUND = 'MEETING.NOT_FOUND' as const

export const meetingsActions = {
  schedule: defineAction({
    summary:
      'Schedules a meeting for a branch, one of its party groups or its committee; `repeatMonthly` > 1 makes a monthly series on the same day and time (e.g. 主题党日). Attendees are the scope’s active members.',
    input: z.object({
      branchId: Id,
      scope: Scope.default({ kind: 'branch' }),
      meeting: MeetingFields,
      repeatMonthly: z.number().int().min(1).max(12).default(1),
      makeUpFor: PeriodKey.nullable().default(null),
    }),
    output: z.object({ ids: z.array(Id), seriesId: z.string().nullable() }),
    roles: MEETING_MANAGERS,
    errors: ['ROSTER.NOT_FOUND', 'ROSTER.GROUP_MISMATCH', 'MEETING.IN_PAST', 'MEETING.NO_ATTENDEES'],
  }),
  update: defineAction({
    summary: 'Edits a meeting that has not ended; attendees are told of a time or place change.',
    input: z.object({ meetingId: Id, meeting: MeetingFields }),
    output: MeetingDetail,
    roles: MEETING_MANAGERS,
    errors: [MEETING_NOT_FOUND, 'MEETING.CANCELLED', 'MEETING.IN_PAST'],
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
      'The rotating check-in code (签到码) a secretary shows: a token valid for this and the previous 30 s slot, the scene link members open, and with `image` a 小程序码 PNG link.',
    input: z.object({ meetingId: Id, image: z.boolean().default(false) }),
    output: z.object({
      token: z.string(),
      path: z.string(),
      scene: z.string(),
      refreshAt: z.number(),
      imageUrl: z.string().nullable(),
      counts: Counts,
    }),
    roles: MEETING_MANAGERS,
    errors: [MEETING_NOT_FOUND, 'MEETING.CANCELLED', 'MEETING.CLOSED'],
  }),
  checkIn: defineAction({
    summary:
      'Checks the caller in with the rotating code (or the scene `meetingId.token` from a scanned 小程序码), within the window, near the place when the meeting has one; a second check-in returns the first.',
    input: z.object({
      meetingId: Id.optional(),
      token: z.string().min(8).max(64).optional(),
      scene: z.string().max(64).optional(),
      position: z.object({ latitude: z.number(), longitude: z.number() }).nullable().default(null),
    }),
    output: z.object({ status: AttendanceStatus, at: z.number(), first: z.boolean(), title: z.string() }),
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
      'A branch’s 三会一课记录本 for a period (default: this year): every meeting in order with attendance and minutes; `export` adds an .xlsx link.',
    input: z.object({ branchId: Id, period: PeriodKey.optional(), export: z.boolean().default(false) }),
    output: z.object({
      branchName: z.string(),
      period: z.string(),
      entries: z.array(
        z.object({
          id: Id,
          type: MeetingType,
          title: z.string(),
          startsAt: z.number(),
          place: z.string(),
          status: z.enum(['scheduled', 'cancelled']),
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
      'Which required meetings each visible branch held, held late, planned, still owes or missed in a period (default: this month): secretaries their own branch, instructors theirs, bureau every branch.',
    input: z.object({ period: PeriodKey.optional(), branchId: Id.optional() }),
    output: z.object({
      period: z.string(),
      branches: z.array(z.object({ branchId: Id, branchName: z.string(), items: z.array(ComplianceItem) })),
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
      'Bureau staff rebuild the per-branch meeting digests of a year (default: this year) that the bureau matrix and overview read, and see how many entries had drifted from the meetings.',
    input: z.object({ year: z.number().int().min(2000).max(2100).optional() }),
    output: z.object({
      year: z.number().int(),
      branches: z.number().int(),
      meetings: z.number().int(),
      drifted: z.number().int(),
    }),
    roles: ['bureau_staff'],
    errors: [],
  }),
  subscribe: defineAction({
    summary: 'Records the subscribe-message templates the caller accepted in a tap: one send credit each.',
    input: z.object({ templateIds: z.array(z.string().min(1).max(64)).min(1).max(5) }),
    output: z.object({ credits: z.record(z.string(), z.number().int()) }),
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
      'The secretary’s “提醒未签到”: reminds attendees not yet checked in (and without leave) through the channels each has.',
    input: z.object({ meetingId: Id }),
    output: z.object({ reminded: z.number().int(), subscribeSent: z.number().int(), robotQueued: z.boolean() }),
    roles: MEETING_MANAGERS,
    errors: [MEETING_NOT_FOUND, 'MEETING.CANCELLED', 'MEETING.CLOSED'],
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
