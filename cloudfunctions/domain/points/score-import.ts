import type { ScoreImportRow } from '../../../types/points'
import { cellScalar, isBlankCell, readName } from '../sheet/cells'
import { type BranchMember, findHeaderRow, memberMatcher } from '../sheet/member-rows'

/**
 * 外部积分导入 as pure rules: find the 姓名 / 手机号码 / 积分 columns, read
 * each row, match it to one member of the branch, convert the score by the
 * tenant's factor. No SDK here; the function adds what was already paid.
 */

const HEADERS = {
  name: ['姓名', '党员姓名'],
  phone: ['手机号码', '手机', '手机号', '联系电话', '电话'],
  score: ['积分', '学习积分', '总积分', '分数', '得分', '学习强国积分', '积分数'],
} as const

export interface ScoreColumns {
  /** 0-based index of the header row. */
  rowIndex: number
  name: number
  phone: number | null
  score: number
}

export function findScoreColumns(sheet: readonly (readonly unknown[])[]): ScoreColumns | null {
  const found = findHeaderRow(sheet, HEADERS, (columns) => columns.name !== undefined && columns.score !== undefined)
  if (!found) return null
  const { name, phone, score } = found.columns
  return { rowIndex: found.rowIndex, name: name as number, phone: phone ?? null, score: score as number }
}

export interface ConvertedRow extends ScoreImportRow {
  memberId: string | null
}

/** Points for a score: rounded to whole points (学习强国 scores are whole numbers; factors like 0.1 leave fractions). */
export const convertScore = (score: number, factor: number) => Math.round(score * factor)

/** Every data row of the sheet (blank rows skipped), matched and converted; 1-based rows as Excel shows them. */
export function readScoreRows(
  sheet: readonly (readonly unknown[])[],
  columns: ScoreColumns,
  members: readonly BranchMember[],
  factor: number,
): ConvertedRow[] {
  const matcher = memberMatcher(members)
  const rows: ConvertedRow[] = []
  for (let index = columns.rowIndex + 1; index < sheet.length; index++) {
    const cells = sheet[index] ?? []
    if (cells.every(isBlankCell)) continue
    const row = index + 1
    const fail = (name: string, score: number | null, message: string): ConvertedRow => ({
      row,
      name,
      score,
      points: 0,
      status: 'error',
      message,
      memberId: null,
    })
    const name = readName(cells[columns.name])
    if (!name.ok) {
      rows.push(fail('', null, name.problem.message))
      continue
    }
    const score = readScore(cells[columns.score])
    if (typeof score === 'string') {
      rows.push(fail(name.value ?? '', null, score))
      continue
    }
    const found = matcher.match(cells[columns.name], columns.phone === null ? undefined : cells[columns.phone])
    if (!found.ok) {
      rows.push(fail(found.name, score, found.message))
      continue
    }
    const { member } = found
    const points = convertScore(score, factor)
    rows.push({
      row,
      name: member.name,
      score,
      points,
      status: points === 0 ? 'skip' : 'pay',
      message: points === 0 ? '折算后为0分，不计入' : '',
      memberId: member.id,
    })
  }
  return rows
}

/** A score cell: a number ≥ 0, also typed as text ("120", "120分"); otherwise the reason it is not. */
function readScore(raw: unknown): number | string {
  const scalar = cellScalar(raw)
  if (!scalar.ok) return scalar.problem.message
  const { value } = scalar
  if (value === null || value === '') return '积分没有填写'
  const number =
    typeof value === 'number' ? value : typeof value === 'string' ? Number(value.trim().replace(/分$/, '')) : Number.NaN
  if (!Number.isFinite(number)) return '积分应为数字'
  if (number < 0) return '积分不能为负数'
  if (number > 100_000) return '积分过大，请核对'
  return number
}
