import { decodeCells } from '../domain/sheet/cell-codec'
import type { Functions } from '../runtime/functions'

/**
 * The cells of an uploaded spreadsheet, read by the sheets function, and the
 * file's SHA-256 (an import's rows key on it). The caller has checked the
 * file lies in its caller's own folder; refusals (too large, not a
 * spreadsheet…) arrive as the sheets function's coded errors.
 */
export async function readUploadedSheet(functions: Functions, fileID: string) {
  const { rows, sha256 } = await functions.call('sheets', 'read', { fileID })
  return { rows: decodeCells(rows), sha256 }
}
