import type {
  AppraisalPhase,
  GradeCounts,
  OrgLifeProgress,
  RatingSummary,
  YearFilter,
  YearRow,
} from '../../../types/yearly-cycle'

export interface BranchYear {
  branchId: string
  name: string
  talks: { share: number | null; gaps: number }
  orgLife: OrgLifeProgress
  appraisal: { phase: AppraisalPhase; counts: GradeCounts | null } | null
  report: { status: 'missing' | 'submitted' | 'late'; bureau: RatingSummary | null }
}

/**
 * One branch's row of the bureau's year view. A branch is complete for the
 * year when every required talk is held, all seven 组织生活会 steps are done,
 * the 民主评议 is decided and the 述职报告 is in (late counts as in, and shows).
 */
export function yearRow(branch: BranchYear): YearRow {
  const complete =
    branch.talks.share === 1 &&
    branch.orgLife.done === branch.orgLife.of &&
    branch.appraisal?.phase === 'decided' &&
    branch.report.status !== 'missing'
  return {
    branchId: branch.branchId,
    name: branch.name,
    talks: branch.talks,
    orgLife: { done: branch.orgLife.done, of: branch.orgLife.of, current: branch.orgLife.current },
    appraisal: { phase: branch.appraisal?.phase ?? null, counts: branch.appraisal?.counts ?? null },
    report: { status: branch.report.status, overall: branch.report.bureau?.overall ?? null },
    complete,
  }
}

/** Whether a row passes the year view's filter: everything, the incomplete, or those still owing one item. */
export function passesYearFilter(row: YearRow, filter: YearFilter): boolean {
  switch (filter) {
    case 'all':
      return true
    case 'incomplete':
      return !row.complete
    case 'talks':
      return row.talks.share !== 1
    case 'org_life':
      return row.orgLife.done < row.orgLife.of
    case 'appraisal':
      return row.appraisal.phase !== 'decided'
    case 'report':
      return row.report.status === 'missing'
  }
}
