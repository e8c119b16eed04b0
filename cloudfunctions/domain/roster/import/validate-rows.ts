import {
  type ImportFields,
  type ImportIssue,
  type ImportIssueCode,
  type ImportPreview,
  type ImportRowResult,
  ROSTER_IMPORT_LIMITS,
} from '../../../../types/roster-import'
import {
  type CellRead,
  cellText,
  isBlankCell,
  normaliseText,
  quote,
  readDate,
  readName,
  readPhone,
} from '../../sheet/cells'
import { CANONICAL_HEADERS, findHeaderRow, type HeaderMap, type ImportColumn, mapHeaders } from './headers'
import { committeePositionOf, memberTypeOf } from './vocabulary'

export interface ImportContext {
  /** 'YYYY-MM-DD' in Asia/Shanghai; 入党日期 may not be after it. */
  today: string
  branches: { id: string; name: string }[]
  groups: { id: string; name: string; branchId: string }[]
  /** Members a row may match: the tenant's for bureau staff, the branches a secretary manages for them. */
  existing: {
    id: string
    name: string
    phone: string | null
    branchId: string | null
    committeePosition?: string | null
  }[]
  /** A secretary importing into their own branch; null for bureau staff, who name the branch in 所在党支部. */
  targetBranchId: string | null
  /** Data rows allowed below the header. */
  maxRows: number
}

// The Communist Party of China was founded in July 1921: an earlier 入党日期 is a typo.
const PARTY_FOUNDED = '1921-07-01'

/** A data row once its cells are read; fields are there when their cells were usable. */
interface ParsedRow {
  row: number
  fields: Partial<ImportFields>
  issues: ImportIssue[]
}

/**
 * 导入预览: checks a roster sheet row by row without writing anything. Each
 * valid row carries the member it updates (matched by phone, else by name
 * within the branch) and a key derived from the row alone, so importing the
 * same file twice resolves to the same members and changes nothing the second time.
 */
export function previewImport(sheet: readonly (readonly unknown[])[], context: ImportContext): ImportPreview {
  const empty = (issue: ImportIssue, header?: HeaderMap): ImportPreview => ({
    validRows: [],
    issues: [issue],
    droppedColumns: header?.dropped ?? [],
    ignoredColumns: header?.ignored ?? [],
    totals: { dataRows: 0, validRows: 0, invalidRows: 0, matched: 0, added: 0 },
  })
  const rowIndex = findHeaderRow(sheet, ROSTER_IMPORT_LIMITS.headerSearchRows)
  if (rowIndex === null) {
    if (!sheet.some((row) => !isBlankRow(row))) {
      return empty(fileIssue('ROSTER.IMPORT_NO_ROWS', '', '文件中没有内容'))
    }
    return empty(
      fileIssue(
        'ROSTER.IMPORT_HEADERS',
        CANONICAL_HEADERS.name,
        `前${ROSTER_IMPORT_LIMITS.headerSearchRows}行中没有找到“姓名”列，请使用下载的模板填写`,
      ),
    )
  }
  const header = mapHeaders(sheet, rowIndex)
  const dataRows: number[] = []
  for (let index = rowIndex + 1; index < sheet.length; index++) {
    if (!isBlankRow(sheet[index])) dataRows.push(index)
  }
  if (dataRows.length > context.maxRows) {
    return empty(
      fileIssue(
        'ROSTER.IMPORT_TOO_LARGE',
        '',
        `文件有${dataRows.length}行数据，一次最多导入${context.maxRows}行，请分成几个文件`,
      ),
      header,
    )
  }
  if (dataRows.length === 0) return empty(fileIssue('ROSTER.IMPORT_NO_ROWS', '', '表头下面没有党员数据'), header)
  if (context.targetBranchId === null && !header.columns.branchName) {
    return empty(
      fileIssue('ROSTER.IMPORT_HEADERS', CANONICAL_HEADERS.branchName, '缺少“所在党支部”列，无法确定党员所在支部'),
      header,
    )
  }

  const resolver = orgResolver(context)
  const parsed = dataRows.map((index) => parseRow(sheet[index], index + 1, header, context, resolver))
  const matches = matchRows(parsed, header, context)
  checkSecretaries(parsed, matches, header, context)

  const issues: ImportIssue[] = []
  const validRows: ImportRowResult[] = []
  for (const row of parsed) {
    issues.push(...row.issues)
    const { name, branchId } = row.fields
    if (row.issues.some((issue) => issue.severity === 'error') || !name || !branchId) continue
    validRows.push({
      row: row.row,
      key: keyOf(row.fields),
      matchMemberId: matches.get(row.row) ?? null,
      fields: { ...row.fields, name, branchId },
    })
  }
  const matched = validRows.filter((row) => row.matchMemberId !== null).length
  return {
    validRows,
    issues,
    droppedColumns: header.dropped,
    ignoredColumns: header.ignored,
    totals: {
      dataRows: parsed.length,
      validRows: validRows.length,
      invalidRows: parsed.length - validRows.length,
      matched,
      added: validRows.length - matched,
    },
  }
}

function fileIssue(code: ImportIssueCode, column: string, message: string): ImportIssue {
  return { row: 0, column, code, severity: 'error', message }
}

function isBlankRow(row: readonly unknown[] | undefined): boolean {
  return !row || row.every(isBlankCell)
}

/** Phone when there is one, else the name within the branch: both survive a re-import unchanged. */
function keyOf(fields: Partial<ImportFields>): string {
  return fields.phone ? `phone:${fields.phone}` : `name:${fields.branchId}:${fields.name}`
}

const comparable = (name: string): string => normaliseText(name).replace(/\s+/g, '').toLowerCase()

interface OrgResolver {
  branch(name: string): { id: string } | 'unknown' | 'ambiguous'
  group(branchId: string, name: string): { id: string } | 'unknown' | 'other_branch'
}

// Files write 第一中学 for 第一中学党支部 and the reverse; the suffix is compared only when the full name misses.
const ORG_SUFFIX = /(党总支|党支部|联合支部|支部|党小组|小组)$/

function orgResolver({ branches, groups }: ImportContext): OrgResolver {
  const index = <T extends { name: string }>(items: T[], keyOfName: (name: string) => string) =>
    group(items, (item) => keyOfName(item.name))
  const stripped = (name: string) => comparable(name).replace(ORG_SUFFIX, '')
  const branchesByName = index(branches, comparable)
  const branchesByStem = index(branches, stripped)
  const groupsByName = index(groups, comparable)
  const groupsByStem = index(groups, stripped)
  return {
    branch(name) {
      const found = branchesByName.get(comparable(name)) ?? branchesByStem.get(stripped(name)) ?? []
      if (found.length === 0) return 'unknown'
      return found.length === 1 ? found[0] : 'ambiguous'
    },
    group(branchId, name) {
      const inBranch = (found: typeof groups | undefined) => found?.filter((group) => group.branchId === branchId) ?? []
      const exact = groupsByName.get(comparable(name))
      const stem = groupsByStem.get(stripped(name))
      const found = inBranch(exact).length ? inBranch(exact) : inBranch(stem)
      if (found.length === 1) return found[0]
      return exact?.length || stem?.length ? 'other_branch' : 'unknown'
    },
  }
}

function parseRow(
  cells: readonly unknown[] | undefined,
  row: number,
  header: HeaderMap,
  context: ImportContext,
  orgs: OrgResolver,
): ParsedRow {
  const parsed: ParsedRow = { row, fields: {}, issues: [] }
  const columnName = (column: ImportColumn) => header.columns[column]?.header ?? CANONICAL_HEADERS[column]
  const report = (column: ImportColumn, code: ImportIssueCode, message: string, severity: 'error' | 'warning') =>
    parsed.issues.push({ row, column: columnName(column), code, severity, message })
  /** The cell's value when its column exists and it reads well; undefined when the file has no such column. */
  const read = <T>(column: ImportColumn, reader: (raw: unknown) => CellRead<T>): T | undefined => {
    const at = header.columns[column]
    if (!at) return undefined
    const result = reader(cells?.[at.index])
    if (!result.ok) {
      report(column, result.problem.code, result.problem.message, 'error')
      return undefined
    }
    if (result.warning) report(column, result.warning.code, result.warning.message, 'warning')
    return result.value
  }
  const text = (column: ImportColumn) => read(column, cellText)

  const name = read('name', readName)
  if (name === null) report('name', 'NAME_MISSING', '姓名未填写', 'error')
  else if (name !== undefined) parsed.fields.name = name

  const typeText = text('memberType')
  if (typeText) {
    const memberType = memberTypeOf(typeText)
    if (memberType) parsed.fields.memberType = memberType
    else
      report(
        'memberType',
        'MEMBER_TYPE_UNKNOWN',
        `人员类别${quote(typeText)}无法识别，应为“正式党员”或“预备党员”`,
        'error',
      )
  }

  const joinedOn = read('joinedOn', readDate)
  if (joinedOn !== undefined) {
    parsed.fields.joinedOn = joinedOn?.date ?? null
    if (joinedOn && joinedOn.date > context.today) {
      report('joinedOn', 'DATE_IN_FUTURE', `入党日期${joinedOn.date}晚于今天`, 'error')
    }
    if (joinedOn && joinedOn.date < PARTY_FOUNDED) {
      report('joinedOn', 'DATE_TOO_EARLY', `入党日期${joinedOn.date}早于1921年建党，请检查`, 'error')
    }
  }
  // 转正日期 may lie ahead: a probationary member becomes a full member on it.
  const probationEndsOn = read('probationEndsOn', readDate)
  if (probationEndsOn !== undefined) {
    parsed.fields.probationEndsOn = probationEndsOn?.date ?? null
    if (probationEndsOn && joinedOn && probationEndsOn.date < joinedOn.date) {
      report(
        'probationEndsOn',
        'PROBATION_BEFORE_JOIN',
        `转正日期${probationEndsOn.date}早于入党日期${joinedOn.date}`,
        'error',
      )
    }
  }

  const branchId = resolveBranch(text('branchName'), context.targetBranchId, orgs, report)
  if (branchId) parsed.fields.branchId = branchId

  const groupName = text('groupName')
  if (groupName === '') parsed.fields.groupId = null
  else if (groupName !== undefined && branchId) {
    const group = orgs.group(branchId, groupName)
    if (typeof group === 'object') parsed.fields.groupId = group.id
    else if (group === 'other_branch') {
      report('groupName', 'GROUP_NOT_IN_BRANCH', `党小组${quote(groupName)}不属于该党员所在支部`, 'error')
    } else report('groupName', 'GROUP_UNKNOWN', `没有名为${quote(groupName)}的党小组，请先在组织架构中建立`, 'error')
  }

  const phone = read('phone', readPhone)
  if (phone !== undefined) parsed.fields.phone = phone

  const position = text('committeePosition')
  if (position !== undefined) parsed.fields.committeePosition = committeePositionOf(position)
  return parsed
}

function resolveBranch(
  name: string | undefined,
  targetBranchId: string | null,
  orgs: OrgResolver,
  report: (column: ImportColumn, code: ImportIssueCode, message: string, severity: 'error') => void,
): string | undefined {
  if (!name) {
    if (targetBranchId) return targetBranchId
    // An unreadable cell has been reported already; only a blank one is reported here.
    if (name === '') report('branchName', 'BRANCH_MISSING', '所在党支部未填写', 'error')
    return undefined
  }
  const branch = orgs.branch(name)
  if (branch === 'unknown') {
    report('branchName', 'BRANCH_UNKNOWN', `没有名为${quote(name)}的党支部，请与组织架构中的名称一致`, 'error')
    return undefined
  }
  if (branch === 'ambiguous') {
    report('branchName', 'BRANCH_UNKNOWN', `有多个支部与${quote(name)}相近，请写出完整名称`, 'error')
    return undefined
  }
  if (targetBranchId && branch.id !== targetBranchId) {
    report('branchName', 'BRANCH_NOT_TARGET', `${quote(name)}不是本支部，只能导入本支部党员`, 'error')
    return undefined
  }
  return branch.id
}

/**
 * Finds the existing member each row updates, and flags rows that collide
 * with each other or with members they must not touch. Returns row → member id.
 */
function matchRows(rows: ParsedRow[], header: HeaderMap, { existing }: ImportContext): Map<number, string> {
  const columnName = (column: ImportColumn) => header.columns[column]?.header ?? CANONICAL_HEADERS[column]
  const report = (row: ParsedRow, column: ImportColumn, code: ImportIssueCode, message: string) =>
    row.issues.push({ row: row.row, column: columnName(column), code, severity: 'error', message })
  const warn = (row: ParsedRow, column: ImportColumn, code: ImportIssueCode, message: string) =>
    row.issues.push({ row: row.row, column: columnName(column), code, severity: 'warning', message })

  const candidates = rows.filter((row) => row.fields.name && row.fields.branchId)
  flagSame(
    candidates,
    (row) => row.fields.phone ?? null,
    (row, others) => report(row, 'phone', 'DUPLICATE_IN_FILE', `手机号与第${others}行重复`),
  )
  flagSame(
    candidates,
    (row) => (row.fields.phone ? null : keyOf(row.fields)),
    (row, others) => report(row, 'name', 'DUPLICATE_IN_FILE', `与第${others}行姓名相同且都没有手机号，无法区分`),
  )

  const byPhone = group(existing, (member) => member.phone)
  const byName = group(existing, (member) => (member.branchId ? `${member.branchId}:${comparable(member.name)}` : null))
  const matches = new Map<number, string>()
  for (const row of candidates) {
    const { name = '', branchId, phone } = row.fields
    const samePhone = phone ? (byPhone.get(phone) ?? []) : []
    if (samePhone.length) {
      const member = samePhone.find((candidate) => comparable(candidate.name) === comparable(name))
      if (!member) report(row, 'phone', 'PHONE_TAKEN', '该手机号已登记在另一名党员名下，请核对')
      else if (member.branchId !== branchId) {
        report(row, 'name', 'MEMBER_IN_OTHER_BRANCH', '该党员已在其他支部，变更支部请办理组织关系转接')
      } else matches.set(row.row, member.id)
      continue
    }
    const sameName = byName.get(`${branchId}:${comparable(name)}`) ?? []
    // Among namesakes, one without a phone is the one a phone-less row (or a newly given phone) belongs to.
    const withoutPhone = sameName.filter((member) => !member.phone)
    const pool = phone || sameName.length > 1 ? withoutPhone : sameName
    if (pool.length === 1) matches.set(row.row, pool[0].id)
    else if (pool.length > 1 || (!phone && sameName.length > 1)) {
      report(row, 'name', 'MATCH_AMBIGUOUS', '本支部有多名同名党员，请填写手机号以便区分')
    } else if (sameName.length) {
      warn(row, 'name', 'NAME_TAKEN_OTHER_PHONE', '本支部已有同名党员但手机号不同，将作为新党员导入')
    }
  }
  // Two rows updating one member would make the result depend on row order.
  const matched = candidates.filter((row) => matches.has(row.row))
  flagSame(
    matched,
    (row) => matches.get(row.row) ?? null,
    (row, others) => {
      report(row, 'name', 'DUPLICATE_IN_FILE', `与第${others}行对应同一名党员`)
      matches.delete(row.row)
    },
  )
  return matches
}

/**
 * One 书记 per branch, as editing has it: a row making someone 书记 is refused when the branch keeps another
 * (one the file does not move to another position) or another row of the file makes a second one.
 */
function checkSecretaries(rows: ParsedRow[], matches: Map<number, string>, header: HeaderMap, context: ImportContext) {
  const column = header.columns.committeePosition?.header ?? CANONICAL_HEADERS.committeePosition
  const report = (row: ParsedRow, message: string) =>
    row.issues.push({ row: row.row, column, code: 'SECRETARY_TAKEN', severity: 'error', message })
  const positionOf = new Map<string, ImportFields['committeePosition']>()
  for (const row of rows) {
    const id = matches.get(row.row)
    if (id && row.fields.committeePosition !== undefined) positionOf.set(id, row.fields.committeePosition)
  }
  const sitting = context.existing.filter(
    (member) => member.committeePosition === 'secretary' && (positionOf.get(member.id) ?? 'secretary') === 'secretary',
  )
  const named = rows.filter((row) => row.fields.committeePosition === 'secretary' && row.fields.branchId)
  flagSame(
    named,
    (row) => row.fields.branchId ?? null,
    (row, others) => report(row, `与第${others}行都是同一支部的书记，一个支部只能有一名书记`),
  )
  for (const row of named) {
    const other = sitting.find(
      (member) => member.branchId === row.fields.branchId && member.id !== matches.get(row.row),
    )
    if (other) report(row, '该支部已有书记，请先调整原书记的职务')
  }
}

function group<T>(items: readonly T[], keyOfItem: (item: T) => string | null): Map<string, T[]> {
  const map = new Map<string, T[]>()
  for (const item of items) {
    const key = keyOfItem(item)
    if (key === null) continue
    const same = map.get(key)
    if (same) same.push(item)
    else map.set(key, [item])
  }
  return map
}

/** Calls `flag` on every row that shares its key with another, naming the other rows. */
function flagSame(
  rows: ParsedRow[],
  keyOfRow: (row: ParsedRow) => string | null,
  flag: (row: ParsedRow, others: string) => void,
) {
  for (const same of group(rows, keyOfRow).values()) {
    if (same.length < 2) continue
    for (const row of same) {
      // A few row numbers are enough to find the others; a file of copies must not make huge messages.
      const others = same.filter((other) => other !== row).map((other) => other.row)
      flag(row, others.length > 5 ? `${others.slice(0, 5).join('、')}等${others.length}` : others.join('、'))
    }
  }
}
