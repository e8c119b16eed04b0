import type { api } from '../../types/api'
import type { OrgDoc } from '../../types/roster'
import { toMatrixItems } from '../domain/bureau/cells'
import { periodBounds } from '../domain/time'
import type { Handler, HandlerContext } from '../runtime/router'
import { loadBranch, requireAccess } from '../shared/branch-access'
import { loadComplianceView } from '../shared/compliance-view'
import { readRecordBook } from '../shared/record-book'

/** The 三会一课 cell of one branch for one period, judged by the same view as the matrix. */
export async function branchCell(ctx: HandlerContext, branch: Pick<OrgDoc, '_id' | 'createdAt'>, period: string) {
  const branchId = branch._id
  const view = await loadComplianceView(
    ctx.store,
    ctx.caller.member.tenantId,
    [branch],
    periodBounds(period),
    ctx.clock.now(),
  )
  return { ...view.cell(branchId, period), hasCommittee: view.facts(branchId).hasCommittee }
}

/** 调阅: one cell, read-only — its requirements and the record book's entries of the period, with their minutes. */
export const cellDetail: Handler<typeof api.bureau.cellDetail> = async (input, ctx) => {
  const branch = await loadBranch(ctx.store, ctx.caller, input.branchId)
  requireAccess(ctx.caller, branch, 'read')
  const [cell, book] = await Promise.all([
    branchCell(ctx, branch, input.period),
    readRecordBook(ctx.store, branch, input.period, ctx.clock.now()),
  ])
  return {
    branchId: branch._id,
    branchName: branch.name,
    period: input.period,
    state: cell.state,
    items: toMatrixItems(cell.items),
    hasCommittee: cell.hasCommittee,
    meetings: book.entries.map((entry) => ({
      id: entry.id,
      type: entry.type,
      alsoCounts: entry.alsoCounts,
      title: entry.title,
      startsAt: entry.startsAt,
      place: entry.place,
      status: entry.status,
      record: entry.record,
      backfilled: entry.backfilled,
      expected: entry.counts.expected,
      attended: entry.counts.present + entry.counts.late,
      leave: entry.counts.leave,
      absent: entry.counts.absent,
      unmarked: entry.counts.unmarked,
      minutes: entry.minutes,
    })),
  }
}
