import { collectionOf } from '../../cloudfunctions/domain/lifecycle/dues-collection'
import type { DuesBranchMonthDoc, DuesMonth } from '../../types/lifecycle'

/**
 * A branch's month of dues as the lifecycle function stores it: `members` at 45.00 元, `unpaid` of them not
 * settled, summed by the function's own rule (`collectionOf`). The dues and assessment benches share it.
 */
export function duesBranchMonth(
  tenantId: string,
  branchId: string,
  month: string,
  members: number,
  unpaid: number,
): DuesBranchMonthDoc {
  const rows: DuesMonth[] = Array.from({ length: members }, (_, i) => ({
    month,
    baseSet: true,
    scheduledFen: 4_500,
    owedFen: 4_500,
    paidFen: i < unpaid ? 0 : 4_500,
    extraFen: 0,
    settled: i >= unpaid,
    reduced: false,
  }))
  return {
    _id: `${branchId}:${month}`,
    tenantId,
    branchId,
    month,
    year: Number(month.slice(0, 4)),
    ...collectionOf(rows),
    updatedAt: 0,
  }
}
