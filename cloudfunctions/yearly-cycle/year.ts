import type { api } from '../../types/api'
import type { OrgDoc } from '../../types/roster'
import type { YearRow } from '../../types/yearly-cycle'
import { branchAccess } from '../domain/access/branch-access'
import { passesYearFilter, yearRow } from '../domain/yearly-cycle/year-row'
import type { Caller } from '../runtime/caller'
import { COLLECTIONS } from '../runtime/collections'
import type { Handler, HandlerContext } from '../runtime/router'
import type { Store } from '../runtime/store'
import { loadCycleYears } from '../shared/cycle-years'
import { tenantOrgs } from '../shared/tenant-orgs'
import { reportRoundId } from './ids'

/** The branches the caller oversees under `orgId` (a 党总支, or the whole tenant), and the 党总支 they may narrow to. */
async function overseen(store: Store, caller: Caller, orgId: string | null) {
  const orgs = await tenantOrgs(store, caller.member.tenantId)
  const visible = orgs.filter((org) => org.kind === 'branch' && branchAccess(caller.member, org) !== 'none')
  return {
    branches: visible.filter((branch) => !orgId || branch._id === orgId || branch.ancestors.includes(orgId)),
    generalBranches: orgs
      .filter((org) => org.kind === 'general_branch' && visible.some((branch) => branch.ancestors.includes(org._id)))
      .map((org) => ({ id: org._id, name: org.name })),
  }
}

/**
 * The year's rows of some branches: the year's digests and linked 组织生活会
 * meetings judged by loadCycleYears, and one read of the 述职 round.
 */
export async function yearRows(
  store: Store,
  tenantId: string,
  year: number,
  branches: readonly OrgDoc[],
  now: number,
): Promise<YearRow[]> {
  const [judge, round] = await Promise.all([
    loadCycleYears(store, tenantId, year, now),
    store.get(COLLECTIONS.reportRounds, reportRoundId(tenantId, year)),
  ])
  return branches.map((branch) => yearRow(judge(branch, round?.deadline ?? null).judged))
}

/** 年度工作 for the bureau: branches × the year's items, filtered like the compliance matrix, paged. */
export const yearOverview: Handler<(typeof api)['yearly-cycle']['yearOverview']> = async (input, ctx) => {
  const { caller, store, clock } = ctx
  const { branches, generalBranches } = await overseen(store, caller, input.orgId)
  const rows = await yearRows(store, caller.member.tenantId, input.year, branches, clock.now())
  const kept = rows.filter((row) => passesYearFilter(row, input.filter))
  const from = (input.page - 1) * input.pageSize
  return {
    items: kept.slice(from, from + input.pageSize),
    total: kept.length,
    page: input.page,
    branches: rows.length,
    complete: rows.filter((row) => row.complete).length,
    generalBranches,
  }
}

/** Every row of the year the caller oversees, for the export. */
export async function allYearRows(
  { caller, store, clock }: Pick<HandlerContext, 'caller' | 'store' | 'clock'>,
  year: number,
  orgId: string | null,
) {
  const { branches } = await overseen(store, caller, orgId)
  return yearRows(store, caller.member.tenantId, year, branches, clock.now())
}
