import type { MatrixItem } from '../../../types/bureau'
import type { ComplianceItem } from '../../../types/meetings'

/** The items as the matrix carries them: the type, its 党小组, its period and status. */
export function toMatrixItems(items: readonly ComplianceItem[]): MatrixItem[] {
  return items.map((item) => ({
    type: item.type,
    groupName: item.groupName,
    period: item.period,
    status: item.status,
  }))
}
