import type { api } from '../../types/api'
import { periodKeyOf } from '../domain/time'
import type { Handler } from '../runtime/router'
import { loadBranch, requireAccess } from '../shared/branch-access'
import { exportRecordBookPdf, readRecordBook } from '../shared/record-book'

/** 记录本 PDF for the secretary: those who manage the branch, for 调阅 by the bureau or a printed copy. */
export const recordBookPdf: Handler<typeof api.meetings.recordBookPdf> = async (input, ctx) => {
  const { caller, store, clock } = ctx
  const branch = await loadBranch(store, caller, input.branchId)
  requireAccess(caller, branch, 'manage')
  const now = clock.now()
  const book = await readRecordBook(store, branch, input.period ?? periodKeyOf(now, 'year'), now)
  const { url, fileName } = await exportRecordBookPdf(ctx, book, now, {
    action: 'meetings.recordBookPdf',
    targetId: branch._id,
  })
  return { fileUrl: url, fileName }
}
