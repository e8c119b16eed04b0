import type { api } from '../../types/api'
import type { MatrixRow } from '../../types/bureau'
import { toMatrixItems } from '../domain/bureau/cells'
import { schoolKindOf } from '../domain/bureau/school-kind'
import { countStates } from '../domain/meeting-compliance/cells'
import { periodsOfYear } from '../domain/meeting-compliance/periods'
import { periodBounds, shanghaiPeriods } from '../domain/time'
import { DomainError } from '../runtime/domain-error'
import type { Handler, HandlerContext, HandlerInput } from '../runtime/router'
import { loadComplianceView } from '../shared/compliance-view'
import { tenantOrgs } from '../shared/tenant-orgs'
import { lastReminders } from './reminders'
import { generalBranchOf, visibleBranches } from './scope'

/** The matrix's filters: the page's, which the .xlsx export shares. */
type MatrixQuery = Omit<HandlerInput<typeof api.bureau.complianceMatrix>, 'page' | 'pageSize'>

/** Items that count as 未按期开展 in a row's tally. */
const NOT_HELD = new Set(['missing', 'no_quorum'])

/**
 * The whole matrix of a year for the branches the caller oversees, filtered:
 * every cell judged by the one compliance view (shared/compliance-view.ts)
 * over one read of the year's digests. The page and the .xlsx export both
 * come from here; the overview, trend and monthly report judge the same cells.
 */
export async function buildMatrix(query: MatrixQuery, { caller, store, clock }: HandlerContext) {
  const now = clock.now()
  const tenantId = caller.member.tenantId
  const year = query.year ?? Number(shanghaiPeriods(now).year)
  const periods = periodsOfYear(year, query.granularity)
  const [orgs, reminded] = await Promise.all([tenantOrgs(store, tenantId), lastReminders(store, tenantId, year)])
  const orgById = new Map(orgs.map((org) => [org._id, org]))
  // A filter naming a 党总支 this tenant does not have is a mistake to tell, not an empty matrix.
  if (query.generalBranchId && orgById.get(query.generalBranchId)?.kind !== 'general_branch')
    throw new DomainError('ROSTER.NOT_FOUND', '未找到该党总支')
  const visible = visibleBranches(caller, orgs)
  const branches = visible.filter(
    (branch) =>
      (!query.generalBranchId || branch.ancestors.includes(query.generalBranchId)) &&
      (!query.schoolKind || schoolKindOf(branch) === query.schoolKind),
  )
  const view = await loadComplianceView(store, tenantId, branches, periodBounds(String(year)), now)
  const rows: MatrixRow[] = branches.map((branch) => {
    const cells = periods.map((period) => {
      const { items, state } = view.cell(branch._id, period)
      return { period, state, items: toMatrixItems(items) }
    })
    return {
      branchId: branch._id,
      branchName: branch.name,
      generalBranchName: generalBranchOf(branch, orgById)?.name ?? null,
      schoolKind: schoolKindOf(branch),
      cells,
      missing: cells.reduce((sum, cell) => sum + cell.items.filter((item) => NOT_HELD.has(item.status)).length, 0),
      hasCommittee: view.facts(branch._id).hasCommittee,
      remindedAt: reminded.get(branch._id) ?? null,
    }
  })
  const kept = query.behindOnly ? rows.filter((row) => row.missing > 0) : rows
  return {
    year,
    granularity: query.granularity,
    periods,
    rows: kept,
    totals: {
      branches: kept.length,
      perPeriod: periods.map((period, index) => ({
        period,
        ...countStates(kept.map((row) => row.cells[index].state)),
      })),
    },
    generalBranches: orgs
      .filter((org) => org.kind === 'general_branch' && visible.some((branch) => branch.ancestors.includes(org._id)))
      .map((org) => ({ id: org._id, name: org.name })),
  }
}

/** 三会一课 compliance matrix, one page of rows (the totals cover every row the filter keeps). */
export const complianceMatrix: Handler<typeof api.bureau.complianceMatrix> = async (input, ctx) => {
  const matrix = await buildMatrix(input, ctx)
  const from = (input.page - 1) * input.pageSize
  return {
    ...matrix,
    rows: matrix.rows.slice(from, from + input.pageSize),
    total: matrix.rows.length,
    page: input.page,
  }
}
