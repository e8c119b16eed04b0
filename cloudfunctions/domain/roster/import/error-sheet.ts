import type { ImportIssue } from '../../../../types/roster-import'
import { cellText } from '../../sheet/cells'
import { REASON_HEADER } from './headers'

/**
 * 错误行: the rows an import could not take, as the secretary wrote them —
 * the file's own header and cells (dates as YYYY-MM-DD, long numbers whole)
 * — with a last column saying what is wrong with each, in the words of the
 * preview. Fixed in Excel, the same file imports again.
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
  const headers = Array.from({ length: width }, (_, i) => text(header[i]) || `第${i + 1}列`)
  return {
    headers: [...headers, REASON_HEADER],
    rows: rowsWithReasons.map((row) => [
      ...Array.from({ length: width }, (_, i) => text(sheet[row - 1]?.[i])),
      (reasons.get(row) ?? []).join('；'),
    ]),
  }
}
