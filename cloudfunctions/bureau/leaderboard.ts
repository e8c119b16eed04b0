import type { api } from '../../types/api'
import type { MemberStanding } from '../../types/bureau'
import type { BranchStanding } from '../../types/points'
import { type BranchSort, rankBy } from '../domain/ranking'
import { shanghaiPeriods } from '../domain/time'
import { COLLECTIONS } from '../runtime/collections'
import type { Handler, HandlerContext } from '../runtime/router'
import { branchStandings, exemptMembers, topMembers } from '../shared/standings'
import { tenantOrgs } from '../shared/tenant-orgs'
import { visibleBranches } from './scope'

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
  const [orgs, exempt] = await Promise.all([tenantOrgs(store, tenantId), exemptMembers(store, tenantId, clock.now())])
  const branches = visibleBranches(caller, orgs)
  const visible = new Set(branches.map((branch) => branch._id))
  const exemptIds = new Set(exempt.keys())
  const ranked: BranchStanding[] = await branchStandings(store, tenantId, period, branches, sort, clock.now())
  const bureauWide = caller.roles.includes('bureau_staff')
  const scope = bureauWide ? { tenantId, period } : { tenantId, period, branchId: store.command.in([...visible]) }
  const top = rankBy(await topMembers(store, scope, exemptIds, TOP_MEMBERS), (row) => row.points)
  const people = top.length
    ? await store.find(
        COLLECTIONS.members,
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

export const leaderboard: Handler<typeof api.bureau.leaderboard> = async (input, ctx) => {
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
