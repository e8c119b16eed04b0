import { defineAction } from './action'
import { DateOnly, Id } from './ids'
import { ROSTER_MANAGERS, ROSTER_READERS } from './roles'
import { CommitteePosition, MemberType } from './roster'
import * as z from './zod'

/**
 * Limits of one roster upload (花名册导入). The client checks the size before
 * uploading; the server checks both again before it materialises the file.
 */
export const ROSTER_IMPORT_LIMITS = {
  maxBytes: 5 * 1024 * 1024,
  /** Data rows after the header; 10,000 covers the largest county in one file. */
  maxDataRows: 10_000,
  /** Files often start with a title row (XX支部党员花名册); the header is looked for this far down. */
  headerSearchRows: 10,
} as const

/** Refusals of a whole file; also the `ErrorCode`s a handler throws for them. */
export const IMPORT_FILE_CODES = [
  'ROSTER.IMPORT_UNREADABLE', // not a spreadsheet, corrupt, encrypted, .xls
  'ROSTER.IMPORT_TOO_LARGE', // too many bytes or rows
  'ROSTER.IMPORT_NO_ROWS', // empty file, or a header without data rows
  'ROSTER.IMPORT_HEADERS', // no 姓名 column in the first rows
] as const
export type ImportFileCode = (typeof IMPORT_FILE_CODES)[number]

/** Problems of one cell or row; the row is left out when any has severity 'error'. */
export const IMPORT_ROW_CODES = [
  'NAME_MISSING',
  'NAME_INVALID', // control characters, too long, no letters, stray symbols
  'CELL_FORMULA', // a formula without a cached result
  'CELL_ERROR', // #N/A, #REF! …
  'DATE_INVALID',
  'DATE_MONTH_ONLY', // warning: 2019.07 is read as 2019-07-01
  'DATE_IN_FUTURE',
  'DATE_TOO_EARLY',
  'PROBATION_BEFORE_JOIN', // 转正日期 before 入党日期
  'MEMBER_TYPE_UNKNOWN',
  'PHONE_INVALID',
  'BRANCH_MISSING',
  'BRANCH_UNKNOWN',
  'BRANCH_NOT_TARGET', // a secretary's file names another branch
  'GROUP_UNKNOWN',
  'GROUP_NOT_IN_BRANCH',
  'DUPLICATE_IN_FILE', // same phone, or same name in the same branch without phone
  'PHONE_TAKEN', // an existing member of another name has this phone
  'MEMBER_IN_OTHER_BRANCH', // moving members goes through 组织关系转接, not import
  'MATCH_AMBIGUOUS', // several same-name members in the branch
  'SECRETARY_TAKEN', // the branch has a 书记 already, or the file names two
  'NAME_TAKEN_OTHER_PHONE', // warning: a same-name member with another phone exists; a new member is created
] as const

export const ImportIssueCode = z.enum([...IMPORT_FILE_CODES, ...IMPORT_ROW_CODES])
export type ImportIssueCode = z.infer<typeof ImportIssueCode>

export const ImportIssue = z.object({
  /** 1-based spreadsheet row as Excel shows it; 0 when the issue concerns the whole file. */
  row: z.number().int().nonnegative(),
  /** The header as written in the file, or the canonical Chinese name when the column is missing; '' for the file. */
  column: z.string(),
  code: ImportIssueCode,
  severity: z.enum(['error', 'warning']),
  /** What the secretary reads, in Chinese. */
  message: z.string(),
})
export type ImportIssue = z.infer<typeof ImportIssue>

/**
 * The member fields a roster file may set. A field is absent when the file has
 * no such column (or, for 人员类别, a blank cell): the stored value is then left
 * alone. Gender and birth date are not here on purpose: MemberDoc does not keep
 * them and PIPL asks to collect the minimum, so those columns are ignored.
 */
export const ImportFields = z.object({
  name: z.string().min(1).max(30),
  branchId: Id,
  memberType: MemberType.optional(),
  joinedOn: DateOnly.nullable().optional(),
  probationEndsOn: DateOnly.nullable().optional(),
  groupId: Id.nullable().optional(),
  phone: z.string().nullable().optional(),
  committeePosition: CommitteePosition.nullable().optional(),
})
export type ImportFields = z.infer<typeof ImportFields>

export const ImportRowResult = z.object({
  row: z.number().int().positive(),
  /** Stable across re-imports of the same file: `phone:<11 digits>` or `name:<branchId>:<name>`. */
  key: z.string(),
  matchMemberId: Id.nullable(),
  fields: ImportFields,
})
export type ImportRowResult = z.infer<typeof ImportRowResult>

export const ImportPreview = z.object({
  validRows: z.array(ImportRowResult),
  issues: z.array(ImportIssue),
  /** Identity-number columns (身份证号…): recognised only to be dropped; their values are never read. */
  droppedColumns: z.array(z.string()),
  /** Columns not imported: unknown headers, repeated ones, and 性别/出生日期 which are not stored. */
  ignoredColumns: z.array(z.string()),
  totals: z.object({
    /** Non-blank rows below the header. */
    dataRows: z.number().int().nonnegative(),
    validRows: z.number().int().nonnegative(),
    invalidRows: z.number().int().nonnegative(),
    /** Of the valid rows: those matching an existing member, and those that will be new members. */
    matched: z.number().int().nonnegative(),
    added: z.number().int().nonnegative(),
  }),
})
export type ImportPreview = z.infer<typeof ImportPreview>

/** At most this many issues travel back in one preview (function replies stay well under 100 KB). */
export const PREVIEW_ISSUE_LIMIT = 300
export const PREVIEW_SAMPLE_LIMIT = 50

export const ImportStatus = z.object({
  importId: Id,
  status: z.enum(['previewed', 'running', 'done', 'failed']),
  branchId: Id.nullable(),
  /** Rows the confirmed import writes (new and changed members); progress counts `done` of it. */
  total: z.number().int().nonnegative(),
  done: z.number().int().nonnegative(),
  created: z.number().int().nonnegative(),
  updated: z.number().int().nonnegative(),
  unchanged: z.number().int().nonnegative(),
  error: z.string().nullable(),
  /** Last progress written; a run silent for long was cut off (function timeout) and reads as failed. */
  updatedAt: z.number(),
})
export type ImportStatus = z.infer<typeof ImportStatus>

/** imports: one roster import, from its preview to its last written row. */
export interface ImportDoc {
  _id: string
  tenantId: string
  createdBy: string
  createdAt: number
  fileID: string
  branchId: string | null
  status: ImportStatus['status']
  total: number
  done: number
  created: number
  updated: number
  unchanged: number
  error: string | null
  updatedAt: number
}

export const ImportPreviewSummary = z.object({
  importId: Id,
  totals: ImportPreview.shape.totals,
  /** What confirming would do: a re-import of the same file is all `unchanged`. */
  plan: z.object({
    create: z.number().int().nonnegative(),
    update: z.number().int().nonnegative(),
    unchanged: z.number().int().nonnegative(),
  }),
  issues: z.array(ImportIssue),
  issueCount: z.number().int().nonnegative(),
  droppedColumns: z.array(z.string()),
  ignoredColumns: z.array(z.string()),
  /** The first valid rows, as the secretary will recognise them. */
  sample: z.array(
    z.object({
      row: z.number().int().positive(),
      name: z.string(),
      branchName: z.string(),
      action: z.enum(['create', 'update', 'unchanged']),
    }),
  ),
})
export type ImportPreviewSummary = z.infer<typeof ImportPreviewSummary>

/** A file in cloud storage (cloud://…), as `uploadFile` answered it. */
const FileID = z.string().startsWith('cloud://').max(500)

export const rosterImportActions = {
  importTemplate: defineAction({
    summary: 'A link to the roster template (.xlsx with the Chinese headers and a sheet of filling notes).',
    input: z.object({}).strict(),
    output: z.object({ url: z.string(), fileName: z.string() }),
    roles: ROSTER_MANAGERS,
    errors: [],
  }),
  previewImport: defineAction({
    summary:
      'Checks an uploaded roster file row by row and answers what confirming would do; writes nothing to the roster. branchId null = bureau staff importing the branches named in the file.',
    input: z.object({ fileID: FileID, branchId: Id.nullable() }),
    output: ImportPreviewSummary,
    roles: ROSTER_MANAGERS,
    errors: [
      'ROSTER.NOT_FOUND',
      'ROSTER.FILE_NOT_FOUND',
      'ROSTER.IMPORT_UNREADABLE',
      'ROSTER.IMPORT_TOO_LARGE',
      'ROSTER.IMPORT_NO_ROWS',
      'ROSTER.IMPORT_HEADERS',
    ],
  }),
  confirmImport: defineAction({
    summary:
      'Writes a previewed import (re-checking the file first); keeps running if the page is left, with progress in importStatus. A failed or cut-off run may be confirmed again: it writes only what is missing.',
    input: z.object({ importId: Id }),
    output: ImportStatus,
    roles: ROSTER_MANAGERS,
    errors: [
      'ROSTER.NOT_FOUND',
      'ROSTER.FILE_NOT_FOUND',
      'ROSTER.IMPORT_HAS_ERRORS',
      'ROSTER.IMPORT_STALE',
      'ROSTER.IMPORT_ALREADY_CONFIRMED',
    ],
  }),
  latestImport: defineAction({
    summary:
      "The caller's most recent import into a branch (or the whole tenant for branchId null), so any device can pick up its progress.",
    input: z.object({ branchId: Id.nullable() }),
    output: z.object({ latest: ImportStatus.nullable() }),
    roles: ROSTER_MANAGERS,
    errors: ['ROSTER.NOT_FOUND'],
  }),
  importStatus: defineAction({
    summary: 'Progress and outcome of an import.',
    input: z.object({ importId: Id }),
    output: ImportStatus,
    roles: ROSTER_MANAGERS,
    errors: ['ROSTER.NOT_FOUND'],
  }),
  exportRoster: defineAction({
    summary:
      'The roster of a branch (or, for bureau staff with branchId null, of the whole tenant) as .xlsx; phones masked for those who do not manage the branch.',
    input: z.object({ branchId: Id.nullable() }),
    output: z.object({ url: z.string(), fileName: z.string(), count: z.number().int().nonnegative() }),
    roles: ROSTER_READERS,
    errors: ['ROSTER.NOT_FOUND'],
  }),
}
