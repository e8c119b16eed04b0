import { cellScalar, cellText } from '../../sheet/cells'
import { normaliseHeader } from '../../sheet/headers'

/** The roster fields a file's columns can fill. */
export type ImportColumn =
  | 'name'
  | 'memberType'
  | 'joinedOn'
  | 'probationEndsOn'
  | 'branchName'
  | 'groupName'
  | 'phone'
  | 'committeePosition'

/** The header of each field in the template, and in issues about a missing column. */
export const CANONICAL_HEADERS: Record<ImportColumn, string> = {
  name: '姓名',
  memberType: '人员类别',
  joinedOn: '入党日期',
  probationEndsOn: '转正日期',
  branchName: '所在党支部',
  groupName: '党小组',
  phone: '手机号码',
  committeePosition: '职务',
}

const SYNONYMS: Record<ImportColumn, string[]> = {
  name: ['姓名', '党员姓名'],
  memberType: ['人员类别', '党员类型', '党员类别', '政治面貌'],
  joinedOn: ['入党日期', '入党时间', '入党年月'],
  probationEndsOn: ['转正日期', '转正时间', '转正年月'],
  branchName: ['所在党支部', '所在支部', '支部', '党支部', '所属党支部', '所属支部', '支部名称'],
  groupName: ['党小组', '所在党小组', '所属党小组'],
  phone: ['手机号码', '联系电话', '手机', '电话', '手机号', '联系方式'],
  committeePosition: ['职务', '党内职务', '支委职务'],
}

/**
 * Columns of identity numbers: recognised only so that they are dropped and
 * said to be. PIPL: the roster never stores them, and their cells are never read.
 */
const IDENTITY_HEADERS = ['身份证号', '身份证号码', '公民身份号码', '证件号码', '身份证']

const BY_HEADER = new Map<string, ImportColumn>(
  (Object.entries(SYNONYMS) as [ImportColumn, string[]][]).flatMap(([column, headers]) =>
    headers.map((header): [string, ImportColumn] => [header, column]),
  ),
)

export interface HeaderMap {
  /** 0-based index of the header row in the sheet. */
  rowIndex: number
  columns: Partial<Record<ImportColumn, { index: number; header: string }>>
  /** Headers as written; identity-number columns. */
  dropped: string[]
  /** Headers as written; columns that are not imported (unknown, repeated, or not stored such as 性别, 出生日期). */
  ignored: string[]
}

/** Headers as the secretary wrote them (姓　名, 手机号码：), so that issues point at what they see. */
function headerTexts(row: readonly unknown[] | undefined): string[] {
  return Array.from(row ?? [], (cell) => {
    const scalar = cellScalar(cell)
    if (scalar.ok && typeof scalar.value === 'string') return scalar.value.trim()
    const text = cellText(cell)
    return text.ok ? text.value : ''
  })
}

/** The first row within `searchRows` that has a 姓名 header; files often begin with a title row. */
export function findHeaderRow(sheet: readonly (readonly unknown[])[], searchRows: number): number | null {
  for (let index = 0; index < Math.min(searchRows, sheet.length); index++) {
    if (headerTexts(sheet[index]).some((text) => BY_HEADER.get(normaliseHeader(text)) === 'name')) return index
  }
  return null
}

/** The error sheet's last column (error-sheet.ts): what is wrong with each row. */
export const REASON_HEADER = '错误原因'

/** An identity-number column (身份证号…), whose cells are never read nor written anywhere. */
export function isIdentityHeader(header: string): boolean {
  return IDENTITY_HEADERS.includes(normaliseHeader(header))
}

export function mapHeaders(sheet: readonly (readonly unknown[])[], rowIndex: number): HeaderMap {
  const map: HeaderMap = { rowIndex, columns: {}, dropped: [], ignored: [] }
  headerTexts(sheet[rowIndex]).forEach((header, index) => {
    // The error sheet's 错误原因 column comes back with the fixed rows: it is ours, not the secretary's data.
    if (header === '' || header === REASON_HEADER) return
    const normalised = normaliseHeader(header)
    if (isIdentityHeader(header)) {
      map.dropped.push(header)
      return
    }
    const column = BY_HEADER.get(normalised)
    // The first of two columns for one field wins (手机 and 联系电话); the second is listed as ignored.
    if (column && !map.columns[column]) map.columns[column] = { index, header }
    else map.ignored.push(header)
  })
  return map
}
