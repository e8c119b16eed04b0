import type { MatrixGranularity, MatrixItem } from '../../../types/bureau'
import type { ComplianceItem } from '../../../types/meetings'

/** The periods of a year the matrix shows: '2026-01'…'2026-12' or '2026-Q1'…'2026-Q4'. */
export function periodsOfYear(year: number, granularity: MatrixGranularity): string[] {
  if (granularity === 'quarter') return [1, 2, 3, 4].map((q) => `${year}-Q${q}`)
  return Array.from({ length: 12 }, (_, index) => `${year}-${String(index + 1).padStart(2, '0')}`)
}

/** The items as the matrix carries them: the type, its 党小组, its period and status. */
export function toMatrixItems(items: readonly ComplianceItem[]): MatrixItem[] {
  return items.map((item) => ({
    type: item.type,
    groupName: item.groupName,
    period: item.period,
    status: item.status,
  }))
}
