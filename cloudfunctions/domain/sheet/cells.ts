import type { ImportIssueCode } from '../../../types/roster-import'

/** A cell's value after formulas, rich text and hyperlinks are unwrapped. */
export type Scalar = string | number | boolean | Date | null

/** The outcome of reading one cell: a value (null when blank), or why it cannot be used. */
export type CellRead<T> = { ok: true; value: T; warning?: CellProblem } | { ok: false; problem: CellProblem }

export interface CellProblem {
  code: ImportIssueCode
  message: string
}

const fail = (code: ImportIssueCode, message: string): { ok: false; problem: CellProblem } => ({
  ok: false,
  problem: { code, message },
})

// Pasted from web pages and WeChat, names and dates carry invisible characters
// that would make two equal names differ.
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g

/**
 * NFKC turns full-width digits, letters, punctuation and the ideographic space
 * (U+3000) into their half-width forms, and Kangxi radicals (⼈) into the
 * ideographs they look like, which broken input methods produce.
 */
export function normaliseText(text: string): string {
  return text.normalize('NFKC').replace(INVISIBLE, '').trim()
}

/**
 * Unwraps what exceljs gives for a cell: `{formula, result}` (the result Excel
 * cached when it saved), `{richText}`, `{text, hyperlink}`, `{error}`.
 */
export function cellScalar(raw: unknown): CellRead<Scalar> {
  if (raw === null || raw === undefined) return { ok: true, value: null }
  if (typeof raw === 'string' || typeof raw === 'boolean' || raw instanceof Date) return { ok: true, value: raw }
  if (typeof raw === 'number') return { ok: true, value: Number.isFinite(raw) ? raw : null }
  if (typeof raw !== 'object') return { ok: true, value: null }
  const cell = raw as Record<string, unknown>
  if ('formula' in cell || 'sharedFormula' in cell) {
    // A file written by a program (not Excel) may hold formulas nobody calculated.
    if (cell.result === undefined || cell.result === null) {
      return fail('CELL_FORMULA', '单元格是公式且没有计算结果，请复制后“选择性粘贴为数值”')
    }
    return cellScalar(cell.result)
  }
  if ('error' in cell) return fail('CELL_ERROR', `单元格是错误值 ${String(cell.error)}，请改正后再导入`)
  if (Array.isArray(cell.richText)) {
    const parts = cell.richText as { text?: unknown }[]
    return { ok: true, value: parts.map((part) => (typeof part.text === 'string' ? part.text : '')).join('') }
  }
  if ('text' in cell) return cellScalar(cell.text)
  return fail('CELL_ERROR', '无法识别的单元格内容')
}

/** Any cell as normalised text; '' when blank. Numbers keep all their digits. */
export function cellText(raw: unknown): CellRead<string> {
  const scalar = cellScalar(raw)
  if (!scalar.ok) return scalar
  const { value } = scalar
  if (value === null) return { ok: true, value: '' }
  if (value instanceof Date) return { ok: true, value: Number.isNaN(value.getTime()) ? '' : isoFromUtc(value) }
  if (typeof value === 'number') return { ok: true, value: Number.isInteger(value) ? value.toFixed(0) : String(value) }
  return { ok: true, value: normaliseText(String(value)) }
}

export function isBlankCell(raw: unknown): boolean {
  const text = cellText(raw)
  return text.ok && text.value === ''
}

/**
 * A value echoed in a message, shortened; a long run of digits is withheld
 * because a shifted column may put an identity number where a date was expected.
 */
export function quote(text: string): string {
  if (/\d{15,}/.test(text)) return ''
  const chars = [...text]
  return `“${chars.length > 20 ? `${chars.slice(0, 20).join('')}…` : text}”`
}

const NAME_MAX = 30
const HAN = /\p{Script=Han}/u
const MIDDLE_DOTS = /[・•‧∙⋅･]/g

/**
 * 姓名: spaces between Chinese characters are alignment padding (王　芳) and
 * are removed; other runs of spaces become one (foreign names). Minority
 * names keep their 间隔号, whichever dot was typed.
 */
export function readName(raw: unknown): CellRead<string | null> {
  const text = cellText(raw)
  if (!text.ok) return text
  if (text.value === '') return { ok: true, value: null }
  if (/[\p{Cc}\p{Cf}\p{Co}\p{Cs}]/u.test(text.value))
    return fail('NAME_INVALID', '姓名中有不可见的控制字符，请重新输入')
  const name = collapseNameSpaces(text.value.replace(MIDDLE_DOTS, '·'))
  if ([...name].length > NAME_MAX) return fail('NAME_INVALID', `姓名超过${NAME_MAX}个字`)
  if (!/[\p{Script=Han}\p{Script=Latin}]/u.test(name)) return fail('NAME_INVALID', '姓名须包含汉字或字母')
  // Notes such as 张三（已转出） or emoji belong in other columns, not in a name.
  if (/[^\p{L}\p{M}·.'\- ]/u.test(name)) return fail('NAME_INVALID', '姓名只能包含汉字、字母和间隔号“·”')
  return { ok: true, value: name }
}

function collapseNameSpaces(name: string): string {
  const words = name.split(/\s+/)
  let out = words[0] ?? ''
  for (const word of words.slice(1)) {
    const joinTight = HAN.test(out.slice(-1)) && HAN.test(word.slice(0, 1))
    out += joinTight ? word : ` ${word}`
  }
  return out
}

/** A parsed date; `monthOnly` when the file gave only year and month (read as the 1st). */
export interface CellDate {
  date: string
  monthOnly: boolean
}

const DAY_MS = 86_400_000
const MAX_SERIAL = 2_958_465 // 9999-12-31
const DATE_HINT = '，请写成 2019-07-01 或 2019年7月1日'

/**
 * Dates as they come in party rosters: Excel serial numbers, Date objects
 * (exceljs, UTC midnight), and text 2019.07.01 / 2019-7-1 / 2019/7/1 /
 * 2019年7月1日 / 20190701. Year and month alone (2019.07, 2019年7月 — also the
 * number 2019.07 that Excel makes of it) are read as the 1st of the month with
 * a warning, because many rosters record 入党时间 that way.
 */
export function readDate(raw: unknown): CellRead<CellDate | null> {
  const scalar = cellScalar(raw)
  if (!scalar.ok) return scalar
  const { value } = scalar
  if (value === null) return { ok: true, value: null }
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return fail('DATE_INVALID', `无法识别的日期${DATE_HINT}`)
    return checked(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate(), false, '')
  }
  if (typeof value === 'number') return dateFromNumber(value)
  if (typeof value === 'boolean') return fail('DATE_INVALID', `无法识别的日期${DATE_HINT}`)
  return dateFromText(normaliseText(value).replace(TIME_TAIL, '').replace(/\s+/g, ''))
}

function dateFromNumber(n: number): CellRead<CellDate | null> {
  const shown = quote(String(n))
  if (Number.isInteger(n) && n >= 19_000_101 && n <= 21_001_231) {
    return checked(Math.floor(n / 10_000), Math.floor(n / 100) % 100, n % 100, false, shown)
  }
  if (n >= 1900 && n < 2101) {
    if (Number.isInteger(n)) return fail('DATE_INVALID', `日期${shown}只有年份${DATE_HINT}`)
    const month = String(n).split('.')[1] ?? ''
    // Excel stores 2019.10 as the number 2019.1, which is also how 2019.1 (January) is typed.
    if (month === '1') return fail('DATE_INVALID', `日期${shown}分不清是1月还是10月${DATE_HINT}`)
    return checked(Math.floor(n), Number(month), 1, true, shown)
  }
  if (n >= 1 && n <= MAX_SERIAL) {
    const iso = isoFromSerial(n)
    if (!iso) return fail('DATE_INVALID', `日期${shown}不存在（1900年没有2月29日）`)
    const [y, m, d] = iso.split('-').map(Number)
    return checked(y, m, d, false, shown)
  }
  return fail('DATE_INVALID', `无法识别的日期${shown}${DATE_HINT}`)
}

/**
 * Excel's 1900 date system counts 1900-01-01 as 1 and, copying Lotus 1-2-3,
 * has a 1900-02-29 (serial 60) that never existed; serials from 61 on are
 * therefore one day ahead of a plain count from 1899-12-31.
 */
export function isoFromSerial(serial: number): string | null {
  const day = Math.floor(serial + 1e-9)
  if (day === 60) return null
  const epoch = Date.UTC(1899, 11, day < 60 ? 31 : 30)
  return isoFromUtc(new Date(epoch + day * DAY_MS))
}

const FULL_DATE = /^(\d{4})[-./年](\d{1,2})[-./月](\d{1,2})[日号]?\.?$/
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/
const MONTH_ONLY = /^(\d{4})[-./年](\d{1,2})月?\.?$/
// Exports from other systems append a time: 2019-07-01 00:00:00, 2019/7/1 0:00, ISO …T00:00:00.000Z.
const TIME_TAIL = /(?:T|\s+)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/

function dateFromText(text: string): CellRead<CellDate | null> {
  if (text === '') return { ok: true, value: null }
  const shown = quote(text)
  const full = FULL_DATE.exec(text) ?? COMPACT_DATE.exec(text)
  if (full) return checked(Number(full[1]), Number(full[2]), Number(full[3]), false, shown)
  const month = MONTH_ONLY.exec(text)
  if (month) return checked(Number(month[1]), Number(month[2]), 1, true, shown)
  return fail('DATE_INVALID', `无法识别的日期${shown}${DATE_HINT}`)
}

function checked(year: number, month: number, day: number, monthOnly: boolean, shown: string): CellRead<CellDate> {
  if (year < 1900 || year > 2100) return fail('DATE_INVALID', `日期${shown}的年份不合理`)
  const probe = new Date(Date.UTC(year, month - 1, day))
  if (month < 1 || month > 12 || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) {
    return fail('DATE_INVALID', `日期${shown}不存在，请检查月份和日期`)
  }
  const date = isoFromUtc(probe)
  if (!monthOnly) return { ok: true, value: { date, monthOnly } }
  return {
    ok: true,
    value: { date, monthOnly },
    warning: { code: 'DATE_MONTH_ONLY', message: `日期${shown}只有年月，已按${date}导入` },
  }
}

function isoFromUtc(date: Date): string {
  const y = String(date.getUTCFullYear()).padStart(4, '0')
  const m = String(date.getUTCMonth() + 1).padStart(2, '0')
  const d = String(date.getUTCDate()).padStart(2, '0')
  return `${y}-${m}-${d}`
}

/**
 * 手机号码: an 11-digit mainland mobile number, from text with spaces,
 * dashes, brackets or a +86 / 0086 prefix, or from a number cell.
 * The value is never echoed: a shifted column may hold an identity number.
 */
export function readPhone(raw: unknown): CellRead<string | null> {
  const text = cellText(raw)
  if (!text.ok) return text
  if (text.value === '') return { ok: true, value: null }
  if (/^\d(\.\d+)?e\+?\d+$/i.test(text.value)) {
    return fail('PHONE_INVALID', '手机号码被Excel显示成了科学计数法，请把该列设为“文本”后重新填写')
  }
  const digits = text.value.replace(/[\s\-–—()]/g, '').replace(/^(?:\+86|0086|86)(?=1\d{10}$)/, '')
  if (!/^1[3-9]\d{9}$/.test(digits)) return fail('PHONE_INVALID', '手机号码应为11位大陆手机号，只填一个')
  return { ok: true, value: digits }
}
