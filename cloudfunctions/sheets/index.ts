import { createHash } from 'node:crypto'
import { sheetsActions } from '../../types/sheets'
import { encodeCells } from '../domain/sheet/cell-codec'
import { DomainError } from '../runtime/domain-error'
import { createRouter, type Handler } from '../runtime/router'
import { readSheet } from './read-sheet'
import { writeXlsx } from './write-xlsx'

/** Writes the workbook and stores it where the calling function said. */
const write: Handler<typeof sheetsActions.write> = async (input, { files }) => ({
  fileID: await files.upload(input.cloudPath, await writeXlsx(input.tables)),
})

/** Reads an upload the calling function has checked is its caller's own. */
const read: Handler<typeof sheetsActions.read> = async (input, { files }) => {
  const content = await files.download(input.fileID)
  if (!content) throw new DomainError('ROSTER.FILE_NOT_FOUND')
  const rows = await readSheet(content)
  return { rows: encodeCells(rows), sha256: createHash('sha256').update(content).digest('hex') }
}

/**
 * 表格: the sheets function. Only other functions call it (server-only
 * actions): it alone carries the spreadsheet libraries (exceljs, the CSV
 * parser, GBK decoding), so the domain functions stay small and start fast.
 */
export const main = createRouter(sheetsActions, { write, read })
