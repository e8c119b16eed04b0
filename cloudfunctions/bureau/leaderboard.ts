import type { MemberStanding } from '../../types/bureau'
import type { BranchStanding, TotalsDoc } from '../../types/points'
import type { MemberDoc } from '../../types/roster'
import { type BranchSort, rankBranches, rankBy } from '../domain/points/ranking'
import { shanghaiPeriods } from '../domain/time'
import { exemptMembers } from '../points/exempt'
import { exemptTotals, topMembers } from '../points/standings'
import { TOTALS } from '../points/totals'
import type { HandlerContext } from '../runtime/router'
import { tenantOrgs, visibleBranches } from './scope'

const TOP_MEMBERS = 50

/**
 * 积分排行: the fair branch ranking (points domain's rankBranches: average per
 * active non-exempt member, participation, or total) and the top members, for
 * any period key, from the maintained totals — one countBy per fact, no ledger.
 */
export async function rankings(ctx: HandlerContext, periodInput: string | undefined, sort: BranchSort) {
  const { caller, store, clock } = ctx
  const tenantId = caller.member.tenantId
  const period = periodInput ?? shanghaiPeriods(clock.now()).year
  const [orgs, memberCounts, totals, participants, exempt] = await Promise.all([
    tenantOrgs(store, tenantId),
    store.countBy('members', { tenantId, status: 'active' }, 'branchId'),
    store.findAll<TotalsDoc>(
      TOTALS,
      { tenantId, scope: 'branch', period },
      { fields: { _id: true, subjectId: true, points: true } },
    ),
    store.countBy(TOTALS, { tenantId, scope: 'member', period }, 'branchId'),
    exemptMembers(store, tenantId),
  ])
  const branches = visibleBranches(caller, orgs)
  const visible = new Set(branches.map((branch) => branch._id))
  const exemptIds = new Set(exempt.keys())
  const excluded = await exemptTotals(store, { tenantId, period }, exemptIds)
  const totalOf = new Map(totals.map((row) => [row.subjectId, row.points]))
  const ranked: BranchStanding[] = rankBranches(
    branches.map((branch) => {
      const members = memberCounts.get(branch._id) ?? 0
      const exemptHere = [...exempt.values()].filter((doc) => doc.branchId === branch._id).length
      const exemptRows = excluded.filter((row) => row.branchId === branch._id)
      return {
        branchId: branch._id,
        name: branch.name,
        members,
        activeMembers: Math.max(0, members - exemptHere),
        total: (totalOf.get(branch._id) ?? 0) - exemptRows.reduce((sum, row) => sum + row.points, 0),
        participants: Math.max(0, (participants.get(branch._id) ?? 0) - exemptRows.length),
      }
    }),
    sort,
  )
  const bureauWide = caller.roles.includes('bureau_staff')
  const scope = bureauWide ? { tenantId, period } : { tenantId, period, branchId: store.command.in([...visible]) }
  const top = rankBy(await topMembers(store, scope, exemptIds, TOP_MEMBERS), (row) => row.points)
  const people = top.length
    ? await store.find<MemberDoc>(
        'members',
        { _id: store.command.in(top.map((row) => row.subjectId)) },
        { fields: { _id: true, name: true } },
      )
    : []
  const nameOf = new Map(people.map((member) => [member._id, member.name]))
  const branchName = new Map(orgs.map((org) => [org._id, org.name]))
  const members: MemberStanding[] = top.map((row) => ({
    memberId: row.subjectId,
    name: nameOf.get(row.subjectId) ?? '',
    branchName: branchName.get(row.branchId) ?? '',
    points: row.points,
    rank: row.rank,
  }))
  return { period, branches: ranked, members }
}

export async function leaderboard(
  input: { period?: string; sort: BranchSort; page: number; pageSize: number },
  ctx: HandlerContext,
) {
  const { period, branches, members } = await rankings(ctx, input.period, input.sort)
  const from = (input.page - 1) * input.pageSize
  return {
    period,
    branches: branches.slice(from, from + input.pageSize),
    total: branches.length,
    page: input.page,
    members,
  }
}
