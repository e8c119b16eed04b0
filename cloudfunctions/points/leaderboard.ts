import type { api } from '../../types/api'
import type { BranchStanding, Standing } from '../../types/points'
import { branchAccess } from '../domain/access/branch-access'
import { periodKey } from '../domain/points/period'
import { type BranchSort, rankBy } from '../domain/ranking'
import { COLLECTIONS } from '../runtime/collections'
import { DomainError } from '../runtime/domain-error'
import type { Handler, HandlerContext } from '../runtime/router'
import type { Where } from '../runtime/store'
import { loadBranch } from '../shared/branch-access'
import { branchStandings, exemptMembers, exemptTotals, rankOf, topMembers } from '../shared/standings'
import { loadCatalogue } from './catalogue'
import { memberTotalId } from './totals'

const TOP = 50

/** 积分排行榜: members (a branch, or the whole bureau when allowed) or branches (fairly). */
export const leaderboard: Handler<typeof api.points.leaderboard> = async (input, ctx) => {
  const period = periodKey(input.period, ctx.clock.now())
  if (input.of === 'branches')
    return { period, members: [], me: null, branches: await branchBoard(ctx, period, input.sort) }
  return { period, ...(await memberBoard(ctx, period, input.branchId)), branches: [] }
}

/** Which member list the caller may see: any branch they can read, their own, or the tenant (bureau, or all when the tenant allows). */
async function memberScope(ctx: HandlerContext, branchId: string | null): Promise<Where> {
  const { caller, store } = ctx
  const tenantId = caller.member.tenantId
  if (branchId) {
    const branch = await loadBranch(store, caller, branchId)
    if (branch._id !== caller.member.branchId && branchAccess(caller.member, branch) === 'none') {
      throw new DomainError('AUTH.FORBIDDEN')
    }
    return { tenantId, branchId }
  }
  if (caller.roles.includes('bureau_staff') || (await loadCatalogue(store, tenantId)).membersSeeBureau) {
    return { tenantId }
  }
  if (!caller.member.branchId) throw new DomainError('AUTH.FORBIDDEN')
  return { tenantId, branchId: caller.member.branchId }
}

async function memberBoard(ctx: HandlerContext, period: string, branchId: string | null) {
  const { caller, store, clock } = ctx
  const tenantId = caller.member.tenantId
  const scope: Where = { ...(await memberScope(ctx, branchId)), period }
  const exempt = await exemptMembers(store, tenantId, clock.now())
  const exemptIds = new Set(exempt.keys())
  const [top, mine, excluded] = await Promise.all([
    topMembers(store, scope, exemptIds, TOP),
    store.get(COLLECTIONS.pointsTotals, memberTotalId(tenantId, caller.member._id, period)),
    exemptTotals(store, scope, exemptIds),
  ])
  const ranked = rankBy(top, (row) => row.points)
  const inScope = !scope.branchId || scope.branchId === caller.member.branchId
  const myRank =
    inScope && caller.member.branchId && !exemptIds.has(caller.member._id)
      ? await rankOf(store, scope, mine?.points ?? 0, excluded)
      : null
  const ids = [...new Set([...ranked.map((row) => row.subjectId), caller.member._id])]
  const [members, branches] = await Promise.all([
    store.find(
      COLLECTIONS.members,
      { _id: store.command.in(ids) },
      { fields: { _id: true, name: true, branchId: true } },
    ),
    store.findAll(COLLECTIONS.orgs, { tenantId, kind: 'branch' }, { fields: { _id: true, name: true } }),
  ])
  const nameOf = new Map(members.map((member) => [member._id, member.name]))
  const branchName = new Map(branches.map((branch) => [branch._id, branch.name]))
  const standing = (memberId: string, memberBranch: string, points: number, rank: number): Standing => ({
    memberId,
    name: nameOf.get(memberId) ?? '',
    branchName: branchName.get(memberBranch) ?? '',
    points,
    rank,
  })
  return {
    members: ranked.map((row) => standing(row.subjectId, row.branchId, row.points, row.rank)),
    me: myRank === null ? null : standing(caller.member._id, caller.member.branchId ?? '', mine?.points ?? 0, myRank),
  }
}

/** Branch standings: bureau staff see all; those who read branches see the same comparison. */
async function branchBoard(ctx: HandlerContext, period: string, sort: BranchSort): Promise<BranchStanding[]> {
  const { caller, store, clock } = ctx
  if (!caller.roles.some((role) => role !== 'member')) throw new DomainError('AUTH.FORBIDDEN')
  const branches = await store.findAll(COLLECTIONS.orgs, {
    tenantId: caller.member.tenantId,
    kind: 'branch',
    status: 'active',
  })
  return branchStandings(
    store,
    caller.member.tenantId,
    period,
    branches.sort((a, b) => a.order - b.order),
    sort,
    clock.now(),
  )
}
