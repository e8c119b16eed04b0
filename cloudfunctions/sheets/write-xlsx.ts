import ExcelJS from 'exceljs'
import type { SheetTable } from '../../types/sheets'

/** An .xlsx of one or more tables, header row bold and frozen. */
export async function writeXlsx(tables: SheetTable[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  for (const table of tables) addTable(workbook, table)
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

function addTable(
  workbook: ExcelJS.Workbook,
  { name, headers, rows, textColumns = [] }: SheetTable,
): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] })
  sheet.addRow(headers).font = { bold: true }
  for (const row of rows) sheet.addRow(row)
  headers.forEach((header, index) => {
    const column = sheet.getColumn(index + 1)
    const widest = Math.max(displayWidth(header), ...rows.map((row) => displayWidth(String(row[index] ?? ''))))
    column.width = Math.min(Math.max(widest + 2, 8), 60)
    if (textColumns.includes(index)) column.numFmt = '@'
  })
  return sheet
}

/** Chinese characters take two columns of width in Excel. */
function displayWidth(text: string): number {
  let width = 0
  for (const char of text) width += /[\u2E80-\uFFEF]/.test(char) ? 2 : 1
  return width
}
