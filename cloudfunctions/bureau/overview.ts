import type { api } from '../../types/api'
import type { TrendPoint } from '../../types/bureau'
import { lastTwelveMonths, previousMonth, shareOf } from '../domain/bureau/rates'
import { completionShare, countStates } from '../domain/meeting-compliance/cells'
import { periodBounds, periodKeyOf } from '../domain/time'
import { COLLECTIONS } from '../runtime/collections'
import type { Handler, HandlerContext } from '../runtime/router'
import { loadComplianceView } from '../shared/compliance-view'
import { tenantOrgs } from '../shared/tenant-orgs'
import { visibleBranches } from './scope'
import { studyCounts } from './study-counts'

/**
 * 督导总览: counts, this month's and last month's 三会一课 by the matrix's
 * states, study and points, and the 12-month trend — from countBy
 * aggregations, the maintained points totals and the compliance view (the
 * matrix's own cells); no ledger is scanned.
 */
export const overview: Handler<typeof api.bureau.overview> = async (_input, ctx) => {
  const { caller, store, clock } = ctx
  const now = clock.now()
  const tenantId = caller.member.tenantId
  const month = periodKeyOf(now, 'month')
  const months = lastTwelveMonths(month)
  const [orgs, memberCounts] = await Promise.all([
    tenantOrgs(store, tenantId),
    store.countBy(COLLECTIONS.members, { tenantId, status: 'active' }, 'branchId'),
  ])
  const branches = visibleBranches(caller, orgs)
  const ids = new Set(branches.map((branch) => branch._id))
  const bureauWide = caller.roles.includes('bureau_staff')
  const window = { start: periodBounds(months[0]).start, end: periodBounds(month).end }
  const [view, active, study] = await Promise.all([
    loadComplianceView(store, tenantId, branches, window, now),
    pointsActivity(ctx, months, bureauWide ? null : [...ids]),
    studyCounts(ctx, months, ids, bureauWide),
  ])
  const cellsOf = (period: string) => branches.map((branch) => view.cell(branch._id, period))
  const thisMonth = cellsOf(month)
  const trend: TrendPoint[] = months.map((period) => {
    const running = period === month
    const studied = study.byMonth.get(period)
    return {
      period,
      compliance: running ? null : completionShare(countStates(cellsOf(period).map((cell) => cell.state))),
      running,
      study: studied ? shareOf(studied.checkedIn, studied.targeted) : null,
      pointsActive: active.membersByMonth.get(period) ?? 0,
    }
  })
  const current = study.byMonth.get(month) ?? { tasks: 0, targeted: 0, checkedIn: 0 }
  return {
    month,
    branches: branches.length,
    members: branches.reduce((sum, branch) => sum + (memberCounts.get(branch._id) ?? 0), 0),
    compliance: {
      thisMonth: countStates(thisMonth.map((cell) => cell.state)),
      lastMonth: countStates(cellsOf(previousMonth(month)).map((cell) => cell.state)),
      unscheduled: thisMonth.filter((cell) => cell.state === 'open' && cell.items.some((item) => item.status === 'due'))
        .length,
    },
    study: current,
    points: { activeMembers: active.membersByMonth.get(month) ?? 0, entries: active.entriesThisMonth },
    trend,
  }
}

/**
 * Per month, members with any points entry and entries written, over the
 * caller's branches: two sums over the branches' maintained totals
 * (`members`, `entries`), never the members' own totals.
 */
async function pointsActivity(ctx: HandlerContext, months: string[], branchIds: string[] | null) {
  const { caller, store } = ctx
  const where = {
    tenantId: caller.member.tenantId,
    scope: 'branch',
    period: store.command.in(months),
    ...(branchIds ? { subjectId: store.command.in(branchIds) } : {}),
  }
  const [membersByMonth, entriesByMonth] = await Promise.all([
    store.sumBy(COLLECTIONS.pointsTotals, where, 'period', 'members'),
    store.sumBy(COLLECTIONS.pointsTotals, { ...where, period: months[months.length - 1] }, 'period', 'entries'),
  ])
  return {
    membersByMonth: membersByMonth as Map<string, number>,
    entriesThisMonth: entriesByMonth.get(months[months.length - 1]) ?? 0,
  }
}
