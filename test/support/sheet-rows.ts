import { readFile } from 'node:fs/promises'
import ExcelJS from 'exceljs'

/**
 * A sheet of an .xlsx — a downloaded file's path, or its bytes — as text rows, the way a person opening it
 * reads them: the first sheet unless one is named, each cell as its text ('' when empty).
 */
export async function sheetRows(file: string | ArrayBuffer | Uint8Array, sheetName?: string): Promise<string[][]> {
  const bytes = typeof file === 'string' ? await readFile(file) : file
  const book = new ExcelJS.Workbook()
  await book.xlsx.load(bytes as unknown as ExcelJS.Buffer)
  const sheet = sheetName ? book.getWorksheet(sheetName) : book.worksheets[0]
  if (!sheet) throw new Error(`the workbook has no sheet ${sheetName ?? ''}`.trim())
  const rows: string[][] = []
  sheet.eachRow((row) => {
    rows.push((row.values as unknown[]).slice(1).map((value) => String(value ?? '')))
  })
  return rows
}

/** An export's download link, fetched as its user's browser would, read with sheetRows. */
export async function downloadedRows(url: string, sheetName?: string): Promise<string[][]> {
  const res = await fetch(url)
  if (res.status !== 200) throw new Error(`downloading ${url} answered ${res.status}`)
  return sheetRows(await res.arrayBuffer(), sheetName)
}

/** One column of a sheet whose first row holds the headers: each row's first cell → its cell under `header`. */
export function columnByHeader(rows: string[][], header: string): Map<string, string> {
  const column = rows[0]?.indexOf(header) ?? -1
  if (column < 0) throw new Error(`the sheet has no column ${header}`)
  return new Map(rows.slice(1).map((row) => [row[0], row[column] ?? '']))
}

/** An .xlsx the way a person makes one — one sheet of rows (a title, the headers, the data) — as its bytes. */
export async function xlsxOf(sheetName: string, rows: readonly (readonly unknown[])[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook()
  const sheet = book.addWorksheet(sheetName)
  for (const row of rows) sheet.addRow([...row])
  return Buffer.from(await book.xlsx.writeBuffer())
}
