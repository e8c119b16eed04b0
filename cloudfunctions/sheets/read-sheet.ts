import ExcelJS from 'exceljs'
import iconv from 'iconv-lite'
import JSZip from 'jszip'
import Papa from 'papaparse'
import { type ImportFileCode, ROSTER_IMPORT_LIMITS } from '../../types/roster-import'
import { DomainError } from '../runtime/domain-error'

/**
 * Reading uploaded spreadsheets (花名册, external scores): the one place that
 * knows file formats. What comes out is cell values only; every rule about
 * them is in domain/ (roster/import, points/score-import).
 */

export interface ReadLimits {
  maxBytes: number
  /** Non-blank rows in the sheet, title and header included. */
  maxRows: number
}

const DEFAULT_LIMITS: ReadLimits = {
  maxBytes: ROSTER_IMPORT_LIMITS.maxBytes,
  maxRows: ROSTER_IMPORT_LIMITS.maxDataRows + ROSTER_IMPORT_LIMITS.headerSearchRows,
}

/** Everything inflated together beyond this is a zip bomb or far beyond any roster. */
const MAX_INFLATED_BYTES = 50 * 1024 * 1024

function refusal(code: ImportFileCode, message: string): DomainError {
  return new DomainError(code, message)
}

const SEND_XLSX = '请上传 .xlsx 或 .csv 格式的党员花名册'

/**
 * The cells of the roster sheet, row by row from spreadsheet row 1 (blank rows
 * kept as [] so row numbers stay those Excel shows). Refuses with a coded
 * DomainError a file that is empty, too large, or not a spreadsheet; size and
 * row count are checked before a workbook is materialised.
 */
export async function readSheet(file: Uint8Array, limits: ReadLimits = DEFAULT_LIMITS): Promise<unknown[][]> {
  if (file.length === 0) throw refusal('ROSTER.IMPORT_NO_ROWS', '文件是空的')
  if (file.length > limits.maxBytes) {
    throw refusal('ROSTER.IMPORT_TOO_LARGE', `文件超过${Math.round(limits.maxBytes / 1024 / 1024)}MB，请分成几个文件`)
  }
  const bytes = Buffer.from(file.buffer, file.byteOffset, file.length)
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return readXlsx(bytes, limits)
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    // OLE2 containers are Excel 97-2003 .xls files and password-protected .xlsx files.
    throw refusal(
      'ROSTER.IMPORT_UNREADABLE',
      '不支持旧版 .xls 或加密的 Excel 文件，请在 Excel 中“另存为” .xlsx（不设密码）后再上传',
    )
  }
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46]))
    throw refusal('ROSTER.IMPORT_UNREADABLE', `这是 PDF 文件，${SEND_XLSX}`)
  return readCsv(bytes, limits)
}

function startsWith(bytes: Buffer, magic: number[]): boolean {
  return magic.every((byte, index) => bytes[index] === byte)
}

async function readXlsx(bytes: Buffer, limits: ReadLimits): Promise<unknown[][]> {
  let zip: JSZip
  try {
    zip = await JSZip.loadAsync(bytes)
  } catch {
    throw refusal('ROSTER.IMPORT_UNREADABLE', `文件已损坏，无法打开。${SEND_XLSX}`)
  }
  if (!zip.file('xl/workbook.xml')) {
    const what = zip.file('word/document.xml')
      ? '这是 Word 文档'
      : zip.file('ppt/presentation.xml')
        ? '这是 PPT 文件'
        : '这不是 Excel 文件'
    throw refusal('ROSTER.IMPORT_UNREADABLE', `${what}，${SEND_XLSX}`)
  }
  // exceljs inflates and keeps a whole workbook in memory, so every entry is
  // inflated as a stream first, counting bytes and the rows of each sheet.
  // Rows only formatted (borders drawn far down) count too, hence the
  // allowance; the exact count follows the load.
  const rowCap = limits.maxRows * 2
  let budget = MAX_INFLATED_BYTES
  for (const entry of Object.values(zip.files)) {
    if (entry.dir) continue
    const scan = await scanEntry(entry, /^xl\/worksheets\/[^/]+\.xml$/.test(entry.name), rowCap, budget).catch(() => {
      throw refusal('ROSTER.IMPORT_UNREADABLE', `文件已损坏，无法读取。${SEND_XLSX}`)
    })
    if (scan === 'too_many_bytes') throw refusal('ROSTER.IMPORT_TOO_LARGE', '文件解压后过大，请只保留党员名册')
    if (scan.rows > rowCap) throw tooManyRows(limits)
    budget -= scan.bytes
  }
  const workbook = new ExcelJS.Workbook()
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer)
  } catch {
    throw refusal('ROSTER.IMPORT_UNREADABLE', `文件已损坏，无法读取。${SEND_XLSX}`)
  }
  for (const worksheet of workbook.worksheets) {
    if (worksheet.state !== 'visible') continue
    const rows = sheetRows(worksheet)
    if (rows.length === 0) continue
    if (rows.filter((row) => row.length > 0).length > limits.maxRows) throw tooManyRows(limits)
    return rows
  }
  throw refusal('ROSTER.IMPORT_NO_ROWS', '表格中没有内容')
}

function tooManyRows(limits: ReadLimits): DomainError {
  return refusal('ROSTER.IMPORT_TOO_LARGE', `表格超过${limits.maxRows}行，请分成几个文件导入`)
}

/** Inflates one zip entry as a stream; stops once it exceeds `budget` bytes or, for a sheet, `rowCap` rows. */
function scanEntry(
  entry: JSZip.JSZipObject,
  isSheet: boolean,
  rowCap: number,
  budget: number,
): Promise<{ rows: number; bytes: number } | 'too_many_bytes'> {
  // Some generators write namespaced elements (<x:row>).
  const ROW = /<(?:[A-Za-z]\w*:)?row[\s>/]/g
  return new Promise((resolve, reject) => {
    const stream = entry.nodeStream('nodebuffer')
    let rows = 0
    let bytes = 0
    let tail = ''
    const stop = (result: { rows: number; bytes: number } | 'too_many_bytes') => {
      stream.removeAllListeners('data')
      stream.pause()
      resolve(result)
    }
    stream.on('data', (chunk: Buffer) => {
      bytes += chunk.length
      if (bytes > budget) return stop('too_many_bytes')
      if (!isSheet) return
      const text = tail + chunk.toString('latin1')
      ROW.lastIndex = 0
      for (let match = ROW.exec(text); match; match = ROW.exec(text)) {
        // A match lying wholly in the carried-over tail was counted with the previous chunk.
        if (match.index + match[0].length > tail.length) rows++
      }
      tail = text.slice(-16)
      if (rows > rowCap) stop({ rows, bytes })
    })
    stream.on('error', reject)
    stream.on('end', () => resolve({ rows, bytes }))
  })
}

function sheetRows(worksheet: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = []
  worksheet.eachRow((row, rowNumber) => {
    while (rows.length < rowNumber - 1) rows.push([])
    // row.values is 1-based and sparse: column A is at index 1.
    const values = row.values as unknown[]
    const cells = Array.from({ length: Math.max(values.length - 1, 0) }, (_, index) => values[index + 1] ?? null)
    rows.push(cells.some((cell) => cell !== null) ? cells : [])
  })
  // Rows that are only formatted end up blank; trailing ones carry nothing.
  while (rows.length > 0 && rows[rows.length - 1].length === 0) rows.pop()
  return rows
}

function readCsv(bytes: Buffer, limits: ReadLimits): unknown[][] {
  const text = decodeText(bytes)
  if (text === null) throw refusal('ROSTER.IMPORT_UNREADABLE', `无法识别文件内容，${SEND_XLSX}`)
  if (text.trim() === '') throw refusal('ROSTER.IMPORT_NO_ROWS', '文件是空的')
  const rows: unknown[][] = []
  let filled = 0
  let tooMany = false
  // Rows are taken one at a time so that a huge file stops at the cap.
  Papa.parse<string[]>(text, {
    skipEmptyLines: false,
    step: (result, parser) => {
      const row = result.data.some((cell) => cell.trim() !== '') ? result.data : []
      if (row.length > 0 && ++filled > limits.maxRows) {
        tooMany = true
        parser.abort()
        return
      }
      rows.push(row)
    },
  })
  if (tooMany) throw tooManyRows(limits)
  return rows
}

/**
 * Excel in China saves CSV as GBK (or as UTF-8 with a BOM when asked to, or
 * UTF-16 as "Unicode text"); other tools write plain UTF-8. A text that still
 * holds control characters after decoding is not a CSV at all.
 */
function decodeText(bytes: Buffer): string | null {
  let text: string
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) text = bytes.subarray(3).toString('utf8')
  else if (startsWith(bytes, [0xff, 0xfe])) text = iconv.decode(bytes.subarray(2), 'utf16le')
  else if (startsWith(bytes, [0xfe, 0xff])) text = iconv.decode(bytes.subarray(2), 'utf16be')
  else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    } catch {
      text = iconv.decode(bytes, 'gb18030')
    }
  }
  // Control characters other than tab and line breaks, or bytes no encoding could place.
  return /[^\P{Cc}\t\n\r]|\uFFFD/u.test(text) ? null : text
}
