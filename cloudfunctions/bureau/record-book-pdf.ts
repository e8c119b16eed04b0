import type { api } from '../../types/api'
import { periodKeyOf } from '../domain/time'
import type { Handler } from '../runtime/router'
import { loadBranch, requireAccess } from '../shared/branch-access'
import { exportRecordBookPdf, readRecordBook } from '../shared/record-book'

/** 三会一课记录本 (PDF) for 调阅: the document the secretary prints, for any branch the caller may read. */
export const recordBookPdf: Handler<typeof api.bureau.recordBookPdf> = async (input, ctx) => {
  const { caller, store, clock } = ctx
  const branch = await loadBranch(store, caller, input.branchId)
  requireAccess(caller, branch, 'read')
  const now = clock.now()
  const book = await readRecordBook(store, branch, input.period ?? periodKeyOf(now, 'year'), now)
  return exportRecordBookPdf(ctx, book, now, { action: 'bureau.recordBookPdf', targetId: branch._id })
}
