import type { api } from '../../types/api'
import { periodKeyOf } from '../domain/time'
import type { Handler } from '../runtime/router'
import { loadBranch, requireAccess } from '../shared/branch-access'
import { exportRecordBookXlsx, readRecordBook } from '../shared/record-book'

/** 三会一课记录本: a branch's meetings of a period in order, for the bureau's inspection (调阅). */
export const recordBook: Handler<typeof api.meetings.recordBook> = async (input, ctx) => {
  const { caller, store, clock } = ctx
  const branch = await loadBranch(store, caller, input.branchId)
  requireAccess(caller, branch, 'read')
  const now = clock.now()
  const book = await readRecordBook(store, branch, input.period ?? periodKeyOf(now, 'year'), now)
  const fileUrl = input.export
    ? (await exportRecordBookXlsx(ctx, book, now, { action: 'meetings.recordBook', targetId: branch._id })).url
    : null
  return { ...book, fileUrl }
}
