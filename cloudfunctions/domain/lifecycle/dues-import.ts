import type { DuesCategory, DuesImportRow, DuesSchedule } from '../../../types/lifecycle'
import { cellScalar, cellText, isBlankCell, readName } from '../sheet/cells'
import { normaliseHeader } from '../sheet/headers'
import { type BranchMember, findHeaderRow, memberMatcher } from '../sheet/member-rows'
import { monthlyDues } from './dues-amount'

/**
 * 党费基数 .xlsx import as pure rules: find the 姓名 / 手机号码 / 类别 /
 * 税后月工资 columns, read each row's category and base (元 with at most two
 * decimals → 分), match it to one active member of the branch, price it with
 * the tenant's schedule, and mark it unchanged where the base already 核定
 * for the year is the same. The function adds the reads and the writes.
 */

export const DUES_IMPORT_HEADERS = {
  name: ['姓名', '党员姓名'],
  phone: ['手机号码', '手机', '手机号', '联系电话', '电话'],
  category: ['类别', '人员类别', '党费类别', '交纳类别', '党员类别'],
  wage: ['税后月工资', '月工资', '税后工资', '工资', '月养老金', '养老金', '税后月收入', '基数', '党费基数'],
} as const

/** The template's headers, in its order (the first spelling of each). */
export const DUES_TEMPLATE_HEADERS = ['姓名', '手机号码', '类别', '税后月工资'] as const

export interface DuesColumns {
  /** 0-based index of the header row. */
  rowIndex: number
  name: number
  phone: number | null
  category: number | null
  wage: number | null
}

/** 姓名 and at least one of 税后月工资 / 类别 (a branch of students needs no wage column); null when not found. */
export function findDuesColumns(sheet: readonly (readonly unknown[])[]): DuesColumns | null {
  const found = findHeaderRow(
    sheet,
    DUES_IMPORT_HEADERS,
    (columns) => columns.name !== undefined && (columns.wage !== undefined || columns.category !== undefined),
  )
  if (!found) return null
  const { name, phone, category, wage } = found.columns
  return {
    rowIndex: found.rowIndex,
    name: name as number,
    phone: phone ?? null,
    category: category ?? null,
    wage: wage ?? null,
  }
}

/** The words a secretary writes for each category, as they appear in 党费 spreadsheets. */
const CATEGORY_WORDS: Record<DuesCategory, readonly string[]> = {
  employed: ['在职', '在职党员', '在岗', '在职（按税后月工资）'],
  retired: ['离退休', '退休', '离休', '离退休党员', '退休党员', '离退休（按月养老金）'],
  student: ['学生', '学生党员'],
  unemployed: ['失业', '下岗', '失业、下岗', '失业下岗', '失业或下岗'],
  subsistence: ['低保', '依靠最低生活保障', '最低生活保障', '领取低保'],
}
const CATEGORY_BY_WORD = new Map(
  (Object.entries(CATEGORY_WORDS) as [DuesCategory, readonly string[]][]).flatMap(([category, words]) =>
    words.map((word) => [normaliseHeader(word), category] as const),
  ),
)
const CATEGORY_HINT = '类别应为 在职、离退休、学生、失业 或 低保'

/** Wage-based categories pay a share of the base; the others a fixed amount, with no base. */
const isWageBased = (category: DuesCategory) => category === 'employed' || category === 'retired'

/**
 * A base above 10 万元 a month is not a county teacher's wage or pension: a
 * typing error (a 0 too many) to be checked, not 核定 in bulk.
 */
export const IMPORT_MAX_BASE_FEN = 10_000_000

/** A category cell: blank = 在职; otherwise one of the words above, or why it is not. */
export function readCategory(raw: unknown): { ok: true; value: DuesCategory } | { ok: false; message: string } {
  const text = cellText(raw)
  if (!text.ok) return { ok: false, message: text.problem.message }
  if (text.value === '') return { ok: true, value: 'employed' }
  const category = CATEGORY_BY_WORD.get(normaliseHeader(text.value))
  return category ? { ok: true, value: category } : { ok: false, message: CATEGORY_HINT }
}

/**
 * A wage cell in 元 → 分: a number, or text like "4,500.00"、"4500元"、"¥4500";
 * null when blank; otherwise the reason it cannot be a base.
 */
export function readBaseFen(raw: unknown): { ok: true; value: number | null } | { ok: false; message: string } {
  const scalar = cellScalar(raw)
  if (!scalar.ok) return { ok: false, message: scalar.problem.message }
  const { value } = scalar
  if (value === null || (typeof value === 'string' && value.trim() === '')) return { ok: true, value: null }
  let yuan: number
  if (typeof value === 'number') yuan = value
  else if (typeof value === 'string') {
    const text = cellText(value)
    const cleaned = (text.ok ? text.value : value)
      .replace(/[,，\s]/g, '')
      .replace(/^[¥￥]/, '')
      .replace(/元$/, '')
    if (/^-\d/.test(cleaned)) return { ok: false, message: '税后月工资不能为负数' }
    if (!/^\d+(\.\d+)?$/.test(cleaned)) return { ok: false, message: '税后月工资应为金额（元），如 4500 或 4500.50' }
    yuan = Number(cleaned)
  } else return { ok: false, message: '税后月工资应为金额（元），如 4500 或 4500.50' }
  if (yuan < 0) return { ok: false, message: '税后月工资不能为负数' }
  const fen = Math.round(yuan * 100)
  // Excel keeps 4500.1 as 4500.1000000000004: a tolerance far below a 分 tells typed decimals from float noise.
  if (Math.abs(yuan * 100 - fen) > 1e-6) return { ok: false, message: '税后月工资最多填写两位小数（精确到分）' }
  if (fen > IMPORT_MAX_BASE_FEN) return { ok: false, message: '税后月工资超过10万元，请核对是否多填了0' }
  return { ok: true, value: fen }
}

export interface SavedBase {
  category: DuesCategory
  baseFen: number
}

const yuanText = (fen: number) => (fen / 100).toFixed(2)

/**
 * Every data row (blank rows skipped), 1-based as Excel numbers them: matched,
 * read and priced. `saved` holds the bases already 核定 for the year by member.
 */
export function readDuesRows(
  sheet: readonly (readonly unknown[])[],
  columns: DuesColumns,
  members: readonly BranchMember[],
  schedule: DuesSchedule,
  saved: ReadonlyMap<string, SavedBase>,
): DuesImportRow[] {
  const matcher = memberMatcher(members)
  const rows: DuesImportRow[] = []
  for (let index = columns.rowIndex + 1; index < sheet.length; index++) {
    const cells = sheet[index] ?? []
    if (cells.every(isBlankCell)) continue
    const row = index + 1
    const fail = (name: string, message: string): DuesImportRow => ({
      row,
      name,
      memberId: null,
      category: null,
      baseFen: null,
      monthlyFen: null,
      status: 'error',
      message,
    })
    const name = readName(cells[columns.name])
    if (!name.ok) {
      rows.push(fail('', name.problem.message))
      continue
    }
    const nameText = name.value ?? ''
    const category = columns.category === null ? readCategory(null) : readCategory(cells[columns.category])
    if (!category.ok) {
      rows.push(fail(nameText, category.message))
      continue
    }
    const wage = columns.wage === null ? { ok: true as const, value: null } : readBaseFen(cells[columns.wage])
    if (!wage.ok) {
      rows.push(fail(nameText, wage.message))
      continue
    }
    if (isWageBased(category.value) && wage.value === null) {
      rows.push(fail(nameText, category.value === 'retired' ? '离退休党员须填写月养老金' : '税后月工资没有填写'))
      continue
    }
    const found = matcher.match(cells[columns.name], columns.phone === null ? undefined : cells[columns.phone])
    if (!found.ok) {
      rows.push(fail(found.name, found.message))
      continue
    }
    const { member } = found
    // 学生、失业、低保 pay the fixed amount: a wage typed beside them is not a base.
    const baseFen = isWageBased(category.value) ? (wage.value as number) : 0
    const before = saved.get(member.id)
    const same = before?.category === category.value && before.baseFen === baseFen
    const notes = [
      !isWageBased(category.value) && wage.value ? '按固定金额交纳，所填工资不作为基数' : '',
      same ? '与已核定的基数相同' : before ? `原基数 ${yuanText(before.baseFen)} 元` : '',
    ].filter(Boolean)
    rows.push({
      row,
      name: member.name,
      memberId: member.id,
      category: category.value,
      baseFen,
      monthlyFen: monthlyDues(category.value, baseFen, schedule).amountFen,
      status: same ? 'unchanged' : 'set',
      message: notes.join('；'),
    })
  }
  return rows
}
