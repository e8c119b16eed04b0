import type { api } from '../../types/api'
import type { TrendPoint } from '../../types/bureau'
import { cellState, judgedItems, monthStanding, recordsSince } from '../domain/bureau/cells'
import { lastTwelveMonths, previousMonth, shareOf } from '../domain/bureau/rates'
import { periodBounds, periodKeyOf } from '../domain/time'
import { COLLECTIONS } from '../runtime/collections'
import type { Handler, HandlerContext } from '../runtime/router'
import { meetingsByBranch } from '../shared/meeting-digests'
import { loadRules } from '../shared/meeting-rules'
import { tenantOrgs, visibleBranches } from './scope'
import { studyCounts } from './study-counts'

/**
 * 督导总览: counts, this month's 三会一课, study and points, and the 12-month
 * trend — from countBy aggregations, the maintained points totals and one
 * projected read of a year's meetings; no ledger is scanned.
 */
export const overview: Handler<typeof api.bureau.overview> = async (_input, ctx) => {
  const { caller, store, clock } = ctx
  const now = clock.now()
  const tenantId = caller.member.tenantId
  const month = periodKeyOf(now, 'month')
  const months = lastTwelveMonths(month)
  const [orgs, rules, memberCounts] = await Promise.all([
    tenantOrgs(store, tenantId),
    loadRules(store, tenantId),
    store.countBy(COLLECTIONS.members, { tenantId, status: 'active' }, 'branchId'),
  ])
  const branches = visibleBranches(caller, orgs)
  const ids = new Set(branches.map((branch) => branch._id))
  const bureauWide = caller.roles.includes('bureau_staff')
  const first = periodBounds(months[0]).start
  const [{ byBranch: meetings, earliest }, active, study] = await Promise.all([
    // Up to the end of this month: a meeting scheduled for later this month keeps its branch on track.
    // Make-ups (补开) for earlier months fall inside the same window: one read serves all 12.
    meetingsByBranch(store, tenantId, first, periodBounds(month).end, ids),
    pointsActivity(ctx, months, bureauWide ? null : [...ids]),
    studyCounts(ctx, months, ids, bureauWide),
  ])
  const since = recordsSince(earliest, now)
  const itemsOf = (branchId: string, period: string) =>
    judgedItems(period, rules.minimums, meetings.get(branchId) ?? [], now, since)
  const thisMonth = branches.map((branch) => monthStanding(itemsOf(branch._id, month)))
  const last = previousMonth(month)
  const trend: TrendPoint[] = months.map((period) => {
    const complete = branches.filter((branch) => {
      const state = cellState(itemsOf(branch._id, period), period, now, since)
      return state === 'held' || state === 'late'
    }).length
    const studied = study.byMonth.get(period)
    return {
      period,
      compliance: periodBounds(period).end <= since ? null : (shareOf(complete, branches.length) ?? 0),
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
      onTrack: thisMonth.filter((standing) => standing === 'on_track').length,
      behind: thisMonth.filter((standing) => standing === 'behind').length,
      missedLastMonth: branches.filter((branch) => itemsOf(branch._id, last).some((item) => item.status === 'missing'))
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
