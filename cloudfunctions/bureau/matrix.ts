import type { api } from '../../types/api'
import type { CellState, MatrixRow } from '../../types/bureau'
import type { OrgDoc } from '../../types/roster'
import { cellState, judgedItems, periodsOfYear, recordsSince, toMatrixItems } from '../domain/bureau/cells'
import { schoolKindOf } from '../domain/bureau/school-kind'
import { type complianceOf, MAKE_UP_HORIZON } from '../domain/meeting-compliance'
import { periodBounds, shanghaiPeriods } from '../domain/time'
import { DomainError } from '../runtime/domain-error'
import type { Handler, HandlerContext, HandlerInput } from '../runtime/router'
import { meetingsByBranch } from '../shared/meeting-digests'
import { loadRules } from '../shared/meeting-rules'
import { lastReminders } from './reminders'
import { generalBranchOf, tenantOrgs, visibleBranches } from './scope'

/** The matrix's filters: the page's, which the .xlsx export shares. */
type MatrixQuery = Omit<HandlerInput<typeof api.bureau.complianceMatrix>, 'page' | 'pageSize'>

/**
 * The whole matrix of a year for the branches the caller oversees, filtered:
 * every cell decided by the meetings function's pure 三会一课 rule
 * (complianceOf) over one read of the year's meetings. The page and the
 * .xlsx export both come from here.
 */
export async function buildMatrix(query: MatrixQuery, { caller, store, clock }: HandlerContext) {
  const now = clock.now()
  const tenantId = caller.member.tenantId
  const year = query.year ?? Number(shanghaiPeriods(now).year)
  const periods = periodsOfYear(year, query.granularity)
  const [orgs, rules, reminded] = await Promise.all([
    tenantOrgs(store, tenantId),
    loadRules(store, tenantId),
    lastReminders(store, tenantId, year),
  ])
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
  const { start, end } = periodBounds(String(year))
  const { byBranch: meetings, earliest } = await meetingsByBranch(
    store,
    tenantId,
    start,
    Math.min(end + MAKE_UP_HORIZON, Math.max(now + 1, end)),
    new Set(branches.map((branch) => branch._id)),
  )
  const since = recordsSince(earliest, now)
  const rows: MatrixRow[] = branches.map((branch) => rowOf(branch, orgById, periods, meetings.get(branch._id) ?? []))
  function rowOf(branch: OrgDoc, byId: Map<string, OrgDoc>, keys: string[], held: Parameters<typeof complianceOf>[2]) {
    const cells = keys.map((period) => {
      const items = judgedItems(period, rules.minimums, held, now, since)
      return { period, state: cellState(items, period, now, since), items: toMatrixItems(items) }
    })
    return {
      branchId: branch._id,
      branchName: branch.name,
      generalBranchName: generalBranchOf(branch, byId)?.name ?? null,
      schoolKind: schoolKindOf(branch),
      cells,
      missing: cells.reduce((sum, cell) => sum + cell.items.filter((item) => item.status === 'missing').length, 0),
      remindedAt: reminded.get(branch._id) ?? null,
    }
  }
  const kept = query.behindOnly ? rows.filter((row) => row.missing > 0) : rows
  const count = (period: string, state: CellState) =>
    kept.filter((row) => row.cells.find((cell) => cell.period === period)?.state === state).length
  return {
    year,
    granularity: query.granularity,
    periods,
    rows: kept,
    totals: {
      branches: kept.length,
      perPeriod: periods.map((period) => ({
        period,
        held: count(period, 'held'),
        late: count(period, 'late'),
        open: count(period, 'open'),
        missing: count(period, 'missing'),
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
