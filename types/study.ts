import { defineAction } from './action'
import { DateOnly, Id } from './ids'
import { pageInput } from './paging'
import { ROLES, ROSTER_MANAGERS, ROSTER_READERS } from './roles'
import * as z from './zod'

/** Who may publish study tasks (发布学习任务): secretaries for their branches, bureau staff for any. */
export const STUDY_PUBLISHERS = ROSTER_MANAGERS

export const NOTE_MIN_DEFAULT = 15
export const NOTE_MAX = 1000

const Url = z
  .string()
  .trim()
  .max(500)
  .regex(/^https?:\/\/\S+$/, '请填写以 http:// 或 https:// 开头的链接')
const FileId = z.string().min(10).max(300)

export const StudyContent = z.object({
  text: z.string().trim().max(5000).default(''),
  link: Url.nullable().default(null),
  videoLink: Url.nullable().default(null),
  /** An attached document in cloud storage, uploaded by the publisher. */
  fileID: FileId.nullable().default(null),
  /** The document's name as the publisher's file had it (党章学习材料.pdf), shown to members. */
  fileName: z.string().trim().max(100).nullable().default(null),
})

/** Documents the phone's viewer opens (wx.openDocument's file types). */
export const DOCUMENT_TYPES = ['pdf', 'doc', 'docx', 'ppt', 'pptx', 'xls', 'xlsx'] as const
export type DocumentType = (typeof DOCUMENT_TYPES)[number]

/** The most a task may ask a member to spend with its material before checking in. */
export const MAX_READ_MINUTES = 120

/** study_tasks */
export interface StudyTaskDoc {
  _id: string
  tenantId: string
  title: string
  content: z.output<typeof StudyContent>
  startsOn: string
  dueOn: string
  /** Target branches; a member is targeted when their branch is listed and `memberIds` is null or names them. */
  branchIds: string[]
  memberIds: string[] | null
  /** 党员集中学习日 */
  collectiveDay: boolean
  minNoteLength: number
  /** 阅读时长: minutes from first opening the material before a check-in counts; absent or 0 = not asked. */
  minReadMinutes?: number
  publishedBy: string
  publishedByName: string
  publishedAt: number
}

/** study_nudges: one 提醒未学习 for one member, written by the study function, delivered by the meetings reminder timer. */
export interface NudgeDoc {
  _id: string
  tenantId: string
  taskId: string
  memberId: string
  branchId: string
  at: number
  by: string
  /** Set by the meetings reminder timer once sent through the member's channels. */
  deliveredAt?: number
}

/** study_reads: `_id` = `${taskId}:${memberId}`, when a member first opened a task's material (the server's clock). */
export interface ReadDoc {
  _id: string
  tenantId: string
  taskId: string
  memberId: string
  openedAt: number
}

/** study_checkins: `_id` = `${taskId}:${memberId}`, so a member checks in once per task. */
export interface CheckinDoc {
  _id: string
  tenantId: string
  taskId: string
  memberId: string
  branchId: string
  note: string
  photos: string[]
  at: number
  /** Asia/Shanghai day of the first check-in, for streaks. */
  day: string
  updatedAt: number
}

const Task = z.object({
  id: Id,
  title: z.string(),
  content: z.object({
    text: z.string(),
    link: z.string().nullable(),
    videoLink: z.string().nullable(),
    fileID: z.string().nullable(),
    fileName: z.string().nullable(),
  }),
  startsOn: DateOnly,
  dueOn: DateOnly,
  collectiveDay: z.boolean(),
  minNoteLength: z.number().int(),
  minReadMinutes: z.number().int(),
  publishedByName: z.string(),
  branchCount: z.number().int(),
})
export type StudyTask = z.infer<typeof Task>

const MyCheckin = z.object({ note: z.string(), photos: z.array(z.string()), at: z.number(), updatedAt: z.number() })

const TaskWithMine = Task.extend({ checkin: MyCheckin.nullable(), open: z.boolean() })
export type TaskWithMine = z.infer<typeof TaskWithMine>

/** One task as its page shows it: with when the caller first opened its material (null: not yet). */
const TaskDetail = TaskWithMine.extend({ readingSince: z.number().nullable() })
export type TaskDetail = z.infer<typeof TaskDetail>

const Page = pageInput()

const CHECKIN_REFUSALS = [
  'STUDY.TASK_NOT_FOUND',
  'STUDY.NOT_TARGET',
  'STUDY.NOT_STARTED',
  'STUDY.PAST_DUE',
  'STUDY.NOTE_TOO_SHORT',
  'STUDY.FILE_NOT_YOURS',
] as const

const Materials = ['document', 'article', 'video'] as const

export const studyActions = {
  publishTask: defineAction({
    summary:
      'Publishes a study task (text, article or video link, attached document; 集中学习日) to the branches the caller manages, or to the whole tenant / chosen branches for bureau staff. `requestId` (made once per intent by the client) is the task’s id: a retry after a network error answers the task the first try published.',
    input: z
      .object({
        requestId: Id.optional(),
        title: z.string().trim().min(2, '请填写标题').max(60),
        content: StudyContent,
        startsOn: DateOnly,
        dueOn: DateOnly,
        branchIds: z.array(Id).max(500).nullable().default(null),
        memberIds: z.array(Id).max(500).nullable().default(null),
        collectiveDay: z.boolean().default(false),
        minNoteLength: z.number().int().min(0).max(200).default(NOTE_MIN_DEFAULT),
        minReadMinutes: z.number().int().min(0).max(MAX_READ_MINUTES).default(0),
      })
      .refine((task) => task.dueOn >= task.startsOn, { message: '截止日期不能早于开始日期', path: ['dueOn'] })
      .refine(
        (task) =>
          task.minReadMinutes === 0 || Boolean(task.content.link || task.content.videoLink || task.content.fileID),
        { message: '要求阅读时长时，请附上文章、视频或学习材料', path: ['minReadMinutes'] },
      ),
    output: Task,
    roles: STUDY_PUBLISHERS,
    errors: ['ROSTER.NOT_FOUND', 'STUDY.FILE_NOT_YOURS', 'STUDY.NO_TARGETS'],
  }),
  myTasks: defineAction({
    summary: "The caller's study tasks: open (not yet done and not past due) or done, newest first.",
    input: Page.extend({ status: z.enum(['open', 'done']).default('open') }),
    output: z.object({ items: z.array(TaskWithMine), total: z.number().int(), page: z.number().int() }),
    roles: ROLES,
    errors: [],
  }),
  getTask: defineAction({
    summary:
      'One task the caller is targeted by or manages, with their own check-in if any and when they first opened its material.',
    input: z.object({ taskId: Id }),
    output: TaskDetail,
    roles: ROLES,
    errors: ['STUDY.TASK_NOT_FOUND'],
  }),
  openMaterial: defineAction({
    summary:
      'Opens a task’s material: for the document a 10-minute link and its type (for downloadFile + openDocument), for an article or a video its link. The first open of a targeted member starts their reading time (阅读时长), by the server’s clock.',
    input: z.object({ taskId: Id, material: z.enum(Materials) }),
    output: z.object({
      url: z.string(),
      fileName: z.string().nullable(),
      fileType: z.enum(DOCUMENT_TYPES).nullable(),
      readingSince: z.number().nullable(),
    }),
    roles: ROLES,
    errors: ['STUDY.TASK_NOT_FOUND', 'STUDY.NO_MATERIAL'],
  }),
  checkIn: defineAction({
    summary:
      'Checks in on a task with a 心得 note (task’s minimum length) and optional photos; once per task, not after the due date; pays the study rule once.',
    input: z.object({
      taskId: Id,
      note: z.string().trim().max(NOTE_MAX, `心得不能超过${NOTE_MAX}字`),
      photos: z.array(FileId).max(9).default([]),
    }),
    output: z.object({ task: TaskWithMine, pointsAwarded: z.number().int() }),
    roles: ROLES,
    errors: [...CHECKIN_REFUSALS, 'STUDY.ALREADY_CHECKED_IN', 'STUDY.READ_TOO_SHORT'],
  }),
  editCheckin: defineAction({
    summary: 'Edits the caller’s own 心得 and photos until the due date.',
    input: z.object({
      taskId: Id,
      note: z.string().trim().max(NOTE_MAX, `心得不能超过${NOTE_MAX}字`),
      photos: z.array(FileId).max(9).default([]),
    }),
    output: TaskWithMine,
    roles: ROLES,
    errors: [...CHECKIN_REFUSALS, 'STUDY.NOT_CHECKED_IN'],
  }),
  participation: defineAction({
    summary:
      'Who has and has not studied a task, in one branch the caller may read (default: the first targeted branch they reach).',
    input: z.object({ taskId: Id, branchId: Id.optional() }),
    output: z.object({
      branchId: Id,
      branchName: z.string(),
      studied: z.array(z.object({ memberId: Id, name: z.string(), at: z.number(), note: z.string() })),
      notStudied: z.array(z.object({ memberId: Id, name: z.string(), nudgedAt: z.number().nullable() })),
    }),
    roles: ROSTER_READERS,
    errors: ['STUDY.TASK_NOT_FOUND', 'ROSTER.NOT_FOUND'],
  }),
  nudge: defineAction({
    summary:
      'Records a reminder to every targeted member of a branch who has not studied yet and was not reminded of the task in the last 12 hours; the meetings reminder timer delivers it within 5 minutes (subscribe message where the member holds a credit, one summary to the branch’s WeCom robot).',
    input: z.object({ taskId: Id, branchId: Id }),
    output: z.object({
      nudged: z.number().int(),
      /** Not studied, but reminded in the last 12 hours: left out this time. */
      recentlyNudged: z.number().int(),
    }),
    roles: STUDY_PUBLISHERS,
    errors: ['STUDY.TASK_NOT_FOUND', 'ROSTER.NOT_FOUND', 'STUDY.PAST_DUE'],
  }),
  myStudy: defineAction({
    summary: "The caller's streaks (consecutive days and weeks with study, Asia/Shanghai) and check-in history, paged.",
    input: Page,
    output: z.object({
      streakDays: z.number().int(),
      streakWeeks: z.number().int(),
      totalCheckins: z.number().int(),
      history: z.array(z.object({ taskId: Id, title: z.string(), note: z.string(), at: z.number() })),
      total: z.number().int(),
      page: z.number().int(),
    }),
    roles: ROLES,
    errors: [],
  }),
}
