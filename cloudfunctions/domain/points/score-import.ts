import type { ScoreImportRow } from '../../../types/points'
import { groupBy } from '../group-by'
import { cellScalar, cellText, isBlankCell, readName, readPhone } from '../sheet/cells'
import { normaliseHeader } from '../sheet/headers'

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
type Column = keyof typeof HEADERS

const HEADER_SEARCH_ROWS = 10

export interface ScoreColumns {
  /** 0-based index of the header row. */
  rowIndex: number
  name: number
  phone: number | null
  score: number
}

export function findScoreColumns(sheet: readonly (readonly unknown[])[]): ScoreColumns | null {
  for (let rowIndex = 0; rowIndex < Math.min(HEADER_SEARCH_ROWS, sheet.length); rowIndex++) {
    const found: Partial<Record<Column, number>> = {}
    for (const [index, cell] of Array.from(sheet[rowIndex] ?? []).entries()) {
      const text = cellText(cell)
      if (!text.ok) continue
      const header = normaliseHeader(text.value)
      for (const column of Object.keys(HEADERS) as Column[]) {
        if (found[column] === undefined && (HEADERS[column] as readonly string[]).includes(header))
          found[column] = index
      }
    }
    if (found.name !== undefined && found.score !== undefined) {
      return { rowIndex, name: found.name, phone: found.phone ?? null, score: found.score }
    }
  }
  return null
}

export interface BranchMember {
  id: string
  name: string
  phone: string | null
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
  const byPhone = new Map(members.filter((m) => m.phone).map((m) => [m.phone as string, m]))
  const byName = groupBy(members, (member) => member.name)
  const seen = new Set<string>()
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
    const nameText = name.ok ? (name.value ?? '') : ''
    const score = readScore(cells[columns.score])
    if (!name.ok) {
      rows.push(fail(nameText, null, name.problem.message))
      continue
    }
    if (typeof score === 'string') {
      rows.push(fail(nameText, null, score))
      continue
    }
    const phone = columns.phone === null ? null : readPhone(cells[columns.phone])
    if (phone && !phone.ok) {
      rows.push(fail(nameText, score, phone.problem.message))
      continue
    }
    const phoneValue = phone?.ok ? phone.value : null
    let member: BranchMember | undefined
    if (phoneValue) {
      member = byPhone.get(phoneValue)
      if (!member) {
        rows.push(fail(nameText, score, '本支部没有登记该手机号码的党员'))
        continue
      }
      if (nameText && member.name !== nameText) {
        rows.push(fail(nameText, score, `手机号码登记的党员是${member.name}，与姓名不符`))
        continue
      }
    } else {
      const named = byName.get(nameText) ?? []
      if (!nameText) {
        rows.push(fail('', score, '姓名和手机号码都没有填写'))
        continue
      }
      if (named.length === 0) {
        rows.push(fail(nameText, score, '本支部没有这名党员'))
        continue
      }
      if (named.length > 1) {
        rows.push(fail(nameText, score, '本支部有同名党员，请填写手机号码'))
        continue
      }
      member = named[0]
    }
    if (seen.has(member.id)) {
      rows.push(fail(member.name, score, '同一名党员在文件中出现了多次'))
      continue
    }
    seen.add(member.id)
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
