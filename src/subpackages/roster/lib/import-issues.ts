import type { ImportIssue } from '../../../../types/roster-import'

/** The problems of one spreadsheet row (第 5 行), errors before warnings. */
export interface RowIssues {
  /** 1-based row as Excel shows it; 0 for the file as a whole. */
  row: number
  /** Any error leaves the row out of the import; warnings only inform. */
  severity: 'error' | 'warning'
  issues: ImportIssue[]
}

/** Groups a preview's issues by row in row order; file-level issues (row 0) come first. */
export function issuesByRow(issues: readonly ImportIssue[]): RowIssues[] {
  const rows = new Map<number, ImportIssue[]>()
  for (const issue of issues) rows.set(issue.row, [...(rows.get(issue.row) ?? []), issue])
  return [...rows.entries()]
    .sort(([a], [b]) => a - b)
    .map(([row, list]) => {
      const sorted = [...list].sort((a, b) => rank(a) - rank(b))
      return { row, severity: sorted.some((issue) => issue.severity === 'error') ? 'error' : 'warning', issues: sorted }
    })
}

const rank = (issue: ImportIssue) => (issue.severity === 'error' ? 0 : 1)

/** 第 5 行 · 手机号码 — or 整个文件 for row 0, and no column when the issue is about the row. */
export function issueLocation(row: number, column: string): string {
  const where = row === 0 ? '整个文件' : `第 ${row} 行`
  return column ? `${where} · ${column}` : where
}

/** Human size for the file line: 12.3 KB, 4.8 MB, 5 MB. */
export function fileSizeLabel(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  const figure = (value: number) => value.toFixed(1).replace(/\.0$/, '')
  if (bytes < 1024 * 1024) return `${figure(bytes / 1024)} KB`
  return `${figure(bytes / 1024 / 1024)} MB`
}
