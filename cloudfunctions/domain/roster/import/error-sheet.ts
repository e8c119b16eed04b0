import type { ImportIssue } from '../../../../types/roster-import'
import { cellText } from '../../sheet/cells'
import { isIdentityHeader, REASON_HEADER } from './headers'

/**
 * 错误行: the rows an import could not take, as the secretary wrote them —
 * the file's own header and cells (dates as YYYY-MM-DD, long numbers whole)
 * — with a last column saying what is wrong with each, in the words of the
 * preview. Fixed in Excel, the same file imports again. Identity-number
 * columns are left out (their cells are never read, the import drops them),
 * and so is an earlier 错误原因 column when an error sheet comes back with
 * errors again: the new reasons replace it.
 */
export function errorSheet(
  sheet: readonly (readonly unknown[])[],
  headerRow: number,
  issues: readonly ImportIssue[],
): { headers: string[]; rows: string[][] } {
  const reasons = new Map<number, string[]>()
  for (const issue of issues) {
    if (issue.severity !== 'error' || issue.row === 0) continue
    reasons.set(issue.row, [...(reasons.get(issue.row) ?? []), `${issue.column}：${issue.message}`])
  }
  const text = (cell: unknown) => {
    const read = cellText(cell)
    return read.ok ? read.value : ''
  }
  const header = sheet[headerRow - 1] ?? []
  const rowsWithReasons = [...reasons.keys()].sort((a, b) => a - b)
  const width = Math.max(header.length, ...rowsWithReasons.map((row) => sheet[row - 1]?.length ?? 0))
  const kept = Array.from({ length: width }, (_, i) => i).filter((i) => {
    const title = text(header[i])
    return title !== REASON_HEADER && !isIdentityHeader(title)
  })
  return {
    headers: [...kept.map((i) => text(header[i]) || `第${i + 1}列`), REASON_HEADER],
    rows: rowsWithReasons.map((row) => [
      ...kept.map((i) => text(sheet[row - 1]?.[i])),
      (reasons.get(row) ?? []).join('；'),
    ]),
  }
}
