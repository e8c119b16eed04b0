import { decodeCells } from '../domain/sheet/cell-codec'
import { DomainError } from '../runtime/domain-error'
import { isInFolder } from '../runtime/files'
import type { Functions } from '../runtime/functions'
import type { HandlerContext } from '../runtime/router'
import { deleteNow } from './retention'

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

/** Where a caller's uploads for import must live (the app uploads there): a fileID elsewhere is someone else's file. */
export function importFolder(tenantId: string, memberId: string): string {
  return `imports/${tenantId}/${memberId}/`
}

/** The caller's own import upload (roster, assessment scheme, 党费基数), read; any other file is ROSTER.FILE_NOT_FOUND. */
export async function readImportUpload(
  { caller, functions }: Pick<HandlerContext, 'caller' | 'functions'>,
  fileID: string,
) {
  if (!isInFolder(fileID, importFolder(caller.member.tenantId, caller.member._id))) {
    throw new DomainError('ROSTER.FILE_NOT_FOUND')
  }
  return readUploadedSheet(functions, fileID)
}

/**
 * The same, for an import that keeps only what its preview read (党费基数, the 五星支部 scheme): the raw file
 * is deleted once read, or once it failed to read (it may hold more than the app keeps: wages of people who are
 * not members, ID numbers). Another's file is refused and left alone: it is not the caller's to delete.
 */
export async function readImportUploadOnce(
  ctx: Pick<HandlerContext, 'caller' | 'functions' | 'store' | 'clock' | 'files'>,
  fileID: string,
) {
  const upload = { fileID, tenantId: ctx.caller.member.tenantId, kind: 'import-upload' as const }
  let sheet: Awaited<ReturnType<typeof readImportUpload>>
  try {
    sheet = await readImportUpload(ctx, fileID)
  } catch (error) {
    if (!(error instanceof DomainError && error.code === 'ROSTER.FILE_NOT_FOUND')) await deleteNow(ctx, upload)
    throw error
  }
  await deleteNow(ctx, upload)
  return sheet
}
