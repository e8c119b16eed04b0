import { renderRecordBookPdf } from '../meetings/record-book-pdf'
import type { HandlerContext } from '../runtime/router'
import { loadBranch, requireAccess } from '../shared/branch-access'
import { uploadExport } from './export-sheet'

/** 三会一课记录本 (PDF) for 调阅: the meetings function's document, for any branch the caller may read. */
export async function recordBookPdf(input: { branchId: string; period?: string }, ctx: HandlerContext) {
  const branch = await loadBranch(ctx.store, ctx.caller, input.branchId)
  requireAccess(ctx.caller, branch, 'read')
  const { fileName, content } = await renderRecordBookPdf({ branchId: branch._id, period: input.period }, ctx)
  return uploadExport(ctx, fileName, content)
}
