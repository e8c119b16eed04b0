import { defineAction } from './action'
import { IMPORT_FILE_CODES } from './roster-import'
import * as z from './zod'

/**
 * 表格: what the sheets function writes and reads — .xlsx exports of tables,
 * and the cells of an uploaded .xlsx or .csv (rosters, external scores). Only
 * the sheets function loads the spreadsheet libraries.
 */
const Cell = z.union([z.string(), z.number(), z.boolean(), z.null()])

export const SheetTable = z.object({
  /** The worksheet's tab (Excel allows 31 characters). */
  name: z.string().min(1).max(31),
  headers: z.array(z.string().max(100)).min(1).max(50),
  rows: z.array(z.array(Cell)).max(60_000),
  /** 0-based columns kept as text (phone numbers, which Excel would show as 1.38E+10). */
  textColumns: z.array(z.number().int().min(0)).default([]),
})
export type SheetTable = z.input<typeof SheetTable>

/** Where written workbooks go: exports (a reader's download) or templates (shared blanks). */
const WorkbookPath = z
  .string()
  .max(500)
  .regex(/^(exports|templates)\/[^\\]+\.xlsx$/, '表格须存放在 exports/ 或 templates/ 下')
  .refine((path) => !path.split('/').includes('..'), '表格路径不能包含 ..')

export const sheetsActions = {
  write: defineAction({
    summary:
      'Writes tables as one .xlsx (a sheet per table, header row bold and frozen, columns sized to their text), stores it at cloudPath and answers its fileID.',
    input: z.object({ tables: z.array(SheetTable).min(1).max(10), cloudPath: WorkbookPath }),
    output: z.object({ fileID: z.string() }),
    roles: 'server',
    serverOnly:
      'The spreadsheet libraries load only in this function, so the functions that export tables stay small and start fast; they send the rows, having checked who may see them.',
    errors: [],
  }),
  read: defineAction({
    summary:
      'Reads the first visible sheet of an uploaded .xlsx or .csv (GBK, UTF-8 or UTF-16) into its cells, row by row from spreadsheet row 1, refusing files too large, empty or not spreadsheets; with the file’s SHA-256.',
    input: z.object({ fileID: z.string().min(10).max(500) }),
    output: z.object({
      /** Cells as read; dates travel as {"$date": epoch ms} (domain/sheet/cell-codec.ts). */
      rows: z.array(z.array(z.unknown())),
      sha256: z.string(),
    }),
    roles: 'server',
    serverOnly:
      'Imports read uploads here so roster and points carry no spreadsheet parser; they check first that the file is the caller’s own.',
    errors: [...IMPORT_FILE_CODES, 'ROSTER.FILE_NOT_FOUND'],
  }),
}
