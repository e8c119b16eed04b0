import type { api } from '../../types/api'
import { cellState, judgedItems, recordsSince, toMatrixItems } from '../domain/bureau/cells'
import { MAKE_UP_HORIZON } from '../domain/meeting-compliance'
import { periodBounds } from '../domain/time'
import type { Handler, HandlerContext } from '../runtime/router'
import { loadBranch, requireAccess } from '../shared/branch-access'
import { meetingsByBranch } from '../shared/meeting-digests'
import { loadRules } from '../shared/meeting-rules'
import { readRecordBook } from '../shared/record-book'

/** The 三会一课 items of one branch for one period, by the meetings function's rule. */
export async function branchItems(ctx: HandlerContext, branchId: string, period: string) {
  const { store, caller, clock } = ctx
  const now = clock.now()
  const { start, end } = periodBounds(period)
  const [rules, { byBranch, earliest }] = await Promise.all([
    loadRules(store, caller.member.tenantId),
    meetingsByBranch(
      store,
      caller.member.tenantId,
      start,
      Math.min(end + MAKE_UP_HORIZON, Math.max(end, now + 1)),
      new Set([branchId]),
    ),
  ])
  const since = recordsSince(earliest, now)
  return { items: judgedItems(period, rules.minimums, byBranch.get(branchId) ?? [], now, since), since }
}

/** 调阅: one cell, read-only — the record book's entries of the period (the meetings function's own view). */
export const cellDetail: Handler<typeof api.bureau.cellDetail> = async (input, ctx) => {
  const branch = await loadBranch(ctx.store, ctx.caller, input.branchId)
  requireAccess(ctx.caller, branch, 'read')
  const [{ items, since }, book] = await Promise.all([
    branchItems(ctx, branch._id, input.period),
    readRecordBook(ctx.store, branch, input.period),
  ])
  return {
    branchId: branch._id,
    branchName: branch.name,
    period: input.period,
    state: cellState(items, input.period, ctx.clock.now(), since),
    items: toMatrixItems(items),
    meetings: book.entries.map((entry) => ({
      id: entry.id,
      type: entry.type,
      title: entry.title,
      startsAt: entry.startsAt,
      place: entry.place,
      status: entry.status,
      expected: entry.counts.expected,
      attended: entry.counts.present + entry.counts.late,
      leave: entry.counts.leave,
      absent: entry.counts.absent + entry.counts.unmarked,
      minutes: entry.minutes,
    })),
  }
}
