import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { PassThrough } from 'node:stream'
import ExcelJS from 'exceljs'
import iconv from 'iconv-lite'
import JSZip from 'jszip'
import { type ImportContext, previewImport } from '../../cloudfunctions/domain/roster/import/validate-rows'
import { rosterTemplate } from '../../cloudfunctions/roster/template'
import { readSheet } from '../../cloudfunctions/sheets/read-sheet'
import { writeXlsx } from '../../cloudfunctions/sheets/write-xlsx'
import { ROSTER_IMPORT_LIMITS } from '../../types/roster-import'

const fixture = (name: string) => readFileSync(join(__dirname, '../fixtures/roster', name))

const context = (over: Partial<ImportContext> = {}): ImportContext => ({
  today: '2025-03-01',
  branches: [
    { id: 'b1', name: '第一中学党支部' },
    { id: 'b2', name: '实验小学党支部' },
  ],
  groups: [{ id: 'g1', name: '第一党小组', branchId: 'b1' }],
  existing: [],
  targetBranchId: null,
  maxRows: ROSTER_IMPORT_LIMITS.maxDataRows,
  ...over,
})

async function xlsx(build: (sheet: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  build(workbook.addWorksheet('花名册'))
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

const refusalOf = (file: Uint8Array) =>
  readSheet(file).then(
    () => 'read',
    (error: { code?: string }) => error.code,
  )

describe('committed fixtures', () => {
  test.each<[string, string, string[]]>([
    ['a school’s .xlsx with a title row, Excel dates and an 身份证号 column', 'good.xlsx', ['张伟', '周敏', '吴刚']],
    ['a CSV saved by Excel in China (GBK)', 'excel-gbk.csv', ['张伟', '周敏', '吴刚']],
    ['a CSV saved as “CSV UTF-8” (with BOM)', 'excel-utf8-bom.csv', ['张伟', '周敏', '吴刚']],
  ])('%s', async (_case, file, names) => {
    const preview = previewImport(await readSheet(fixture(file)), context({ targetBranchId: 'b2' }))
    expect(preview.issues).toEqual([])
    expect(preview.validRows.map((row) => row.fields.name)).toEqual(names)
    expect(preview.validRows[0]?.fields).toMatchObject({
      memberType: 'formal',
      joinedOn: '2003-07-01',
      probationEndsOn: '2004-07-01',
      branchId: 'b2',
      phone: '13900139000',
      committeePosition: 'secretary',
    })
  })

  test('the .xlsx fixture drops 身份证号 and keeps its values out of the preview', async () => {
    const preview = previewImport(await readSheet(fixture('good.xlsx')), context({ targetBranchId: 'b2' }))
    expect(preview.droppedColumns).toEqual(['身份证号'])
    expect(preview.ignoredColumns).toEqual(['序号', '性别'])
    expect(JSON.stringify(preview)).not.toMatch(/11010119/)
    expect(preview.validRows.map((row) => row.row)).toEqual([3, 4, 6])
  })
})

/** A workbook with 60 MB of zeros inside: a few hundred KB on the wire. */
async function zipBomb(): Promise<Buffer> {
  const zip = await JSZip.loadAsync(fixture('good.xlsx'))
  zip.file('xl/media/image1.png', Buffer.alloc(60 * 1024 * 1024))
  // Level 1: zeros compress as well, and the test spends its time on the refusal, not on making the bomb.
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 1 } })
}

/** The good fixture with bytes of its first sheet's compressed data overwritten. */
async function corruptEntry(): Promise<Buffer> {
  const zip = await JSZip.loadAsync(fixture('good.xlsx'))
  zip.file('xl/worksheets/sheet1.xml', 'x'.repeat(100_000))
  const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' })
  const at = bytes.indexOf('xl/worksheets/sheet1.xml') + 'xl/worksheets/sheet1.xml'.length
  bytes.fill(0xff, at + 10, at + 60)
  return bytes
}

describe('files that are not a roster spreadsheet', () => {
  // A fixed-seed generator: the same "random" bytes on every run.
  const pseudoRandom = (length: number) => {
    const bytes = Buffer.alloc(length)
    let seed = 42
    for (let index = 0; index < length; index++) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31
      bytes[index] = seed & 0xff
    }
    return bytes
  }
  test.each<[string, () => Uint8Array | Promise<Uint8Array>, string]>([
    ['a Word document renamed .xlsx', () => fixture('word-renamed.xlsx'), 'ROSTER.IMPORT_UNREADABLE'],
    ['random bytes', () => pseudoRandom(4096), 'ROSTER.IMPORT_UNREADABLE'],
    ['a PDF', () => Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n', 'latin1'), 'ROSTER.IMPORT_UNREADABLE'],
    [
      'an old .xls (or an encrypted .xlsx)',
      () => Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]),
      'ROSTER.IMPORT_UNREADABLE',
    ],
    ['a truncated .xlsx', () => fixture('good.xlsx').subarray(0, 2000), 'ROSTER.IMPORT_UNREADABLE'],
    ['an .xlsx whose data does not inflate', corruptEntry, 'ROSTER.IMPORT_UNREADABLE'],
    ['a zip bomb dressed as a workbook', zipBomb, 'ROSTER.IMPORT_TOO_LARGE'],
    ['an empty file', () => Buffer.alloc(0), 'ROSTER.IMPORT_NO_ROWS'],
    ['a CSV of blank lines', () => Buffer.from('\r\n\r\n  \r\n'), 'ROSTER.IMPORT_NO_ROWS'],
    ['an .xlsx with no cells', () => xlsx(() => {}), 'ROSTER.IMPORT_NO_ROWS'],
    [
      'a file over the size limit',
      () => Buffer.alloc(ROSTER_IMPORT_LIMITS.maxBytes + 1, 0x41),
      'ROSTER.IMPORT_TOO_LARGE',
    ],
  ])('%s → %s', async (_case, file, code) => {
    expect(await refusalOf(await file())).toBe(code)
  })
})

describe('a messy .xlsx as schools really send them', () => {
  let preview: ReturnType<typeof previewImport>
  beforeAll(async () => {
    const file = await xlsx((sheet) => {
      sheet.addRow(['第一中学党支部党员花名册（2025年3月）'])
      sheet.mergeCells('A1:J1')
      sheet.addRow([])
      sheet.addRow([
        '序号',
        '姓　名',
        '性别',
        '身份证号码',
        '党员类型',
        '入党时间',
        '转正日期',
        '手机号码：',
        '备注',
        '*所在支部',
      ])
      const rows: unknown[][] = [
        // 4 → Excel date cell, a formula for the number, full-width phone
        [
          1,
          '王　芳',
          '女',
          '110101199003077777',
          '正式党员',
          new Date(Date.UTC(2015, 6, 1)),
          42552,
          '１３８００１３８０００',
          '',
          '第一中学',
        ],
        // 5 → a formula with a cached result, the serial of a number cell
        [
          { formula: 'A4+1', result: 2 },
          { formula: 'CONCAT("李","强")', result: '李强' },
          '男',
          '',
          '预备党员',
          45474,
          '',
          '13900139000',
          '新转入',
          '第一中学党支部',
        ],
        [],
        // 7 → a formula nobody calculated
        [3, { formula: 'B3' }, '', '', '正式', '2019.07.01', '', '', '', '第一中学'],
        ['', '', '', '', '', '', '', '', '', ''],
        // 9 → duplicate phone of row 4
        [5, '赵敏', '女', '', '正式', '2019-7-1', '2020-7-1', '138-0013-8000', '', '第一中学'],
      ]
      for (const row of rows) sheet.addRow(row)
      sheet.getCell('F4').numFmt = 'yyyy"年"m"月"d"日"'
    })
    preview = previewImport(await readSheet(file), context())
  })

  test.each<[string, number, Record<string, unknown> | null]>([
    ['Excel date cell, serial number, 王　芳 → 王芳 — but its phone is also on row 9', 4, null],
    [
      'formula results are used; serial 45474 → 2024-07-01',
      5,
      { name: '李强', memberType: 'probationary', joinedOn: '2024-07-01', probationEndsOn: null, phone: '13900139000' },
    ],
  ])('%s', (_case, row, fields) => {
    const valid = preview.validRows.find((result) => result.row === row)
    if (fields === null) expect(valid).toBeUndefined()
    else expect(valid?.fields).toMatchObject(fields)
  })

  test('issues name the row and the header as written', () => {
    expect(preview.issues.map(({ row, column, code }) => ({ row, column, code }))).toEqual([
      { row: 4, column: '手机号码：', code: 'DUPLICATE_IN_FILE' },
      { row: 7, column: '姓　名', code: 'CELL_FORMULA' },
      { row: 9, column: '手机号码：', code: 'DUPLICATE_IN_FILE' },
    ])
  })

  test('identity numbers dropped, extra columns ignored, blank rows not counted', () => {
    expect(preview.droppedColumns).toEqual(['身份证号码'])
    expect(preview.ignoredColumns).toEqual(['序号', '性别', '备注'])
    expect(JSON.stringify(preview)).not.toContain('110101199003077777')
    expect(preview.totals).toMatchObject({ dataRows: 4, validRows: 1, invalidRows: 3 })
  })
})

describe('size', () => {
  const HEADER = ['姓名', '人员类别', '入党日期', '转正日期', '所在党支部', '党小组', '手机号码', '职务']

  /** A large roster written the way exceljs streams it, quickly enough to build in a test. */
  async function bigXlsx(rows: number, cells: (index: number) => unknown[]): Promise<Buffer> {
    const sink = new PassThrough()
    const chunks: Buffer[] = []
    sink.on('data', (chunk: Buffer) => chunks.push(chunk))
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useSharedStrings: false, useStyles: false })
    const sheet = workbook.addWorksheet('花名册')
    sheet.addRow(HEADER).commit()
    for (let index = 0; index < rows; index++) sheet.addRow(cells(index)).commit()
    await workbook.commit()
    return Buffer.concat(chunks)
  }
  const member = (index: number) => [
    `党员${String.fromCharCode(0x4e00 + (index % 20000))}${String.fromCharCode(0x4e00 + ((index * 7) % 20000))}`,
    index % 10 ? '正式党员' : '预备党员',
    42000 + (index % 3000),
    '',
    '第一中学党支部',
    '第一党小组',
    String(13000000000 + index),
    index === 0 ? '书记' : '教师',
  ]

  test('a 2,000-row .xlsx is read and validated in well under a few seconds', async () => {
    const file = await bigXlsx(2000, member)
    const started = performance.now()
    const preview = previewImport(await readSheet(file), context())
    const elapsed = performance.now() - started
    console.info(`2,000-row xlsx (${Math.round(file.length / 1024)} KB): parse + validate ${Math.round(elapsed)} ms`)
    expect(preview.totals.validRows).toBe(2000)
    expect(elapsed).toBeLessThan(3000)
  })

  test('a 50,000-row .xlsx is refused as too large, quickly', async () => {
    const file = await bigXlsx(50_000, (index) => [`党员${index}`, '', '', '', '第一中学', '', '', ''])
    const started = performance.now()
    expect(await refusalOf(file)).toBe('ROSTER.IMPORT_TOO_LARGE')
    const elapsed = performance.now() - started
    console.info(`50,000-row xlsx (${Math.round(file.length / 1024)} KB): refused in ${Math.round(elapsed)} ms`)
    expect(elapsed).toBeLessThan(2000)
  }, 20_000)

  test('a 50,000-row GBK .csv is refused as too large, quickly', async () => {
    const lines = [
      HEADER.join(','),
      ...Array.from({ length: 50_000 }, (_, index) => `党员${index},正式党员,2019-07-01,,第一中学,,,`),
    ]
    const file = iconv.encode(lines.join('\r\n'), 'gbk')
    const started = performance.now()
    expect(await refusalOf(file)).toBe('ROSTER.IMPORT_TOO_LARGE')
    expect(performance.now() - started).toBeLessThan(2000)
  })
})

describe('writing', () => {
  test('the template has the canonical headers, an example row that validates, and notes', async () => {
    const file = await writeXlsx(rosterTemplate())
    const sheet = await readSheet(file)
    expect(sheet[0]).toEqual(['姓名', '人员类别', '入党日期', '转正日期', '所在党支部', '党小组', '手机号码', '职务'])
    const preview = previewImport(sheet, context())
    expect(preview.issues).toEqual([])
    expect(preview.validRows).toHaveLength(1)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(file as unknown as ExcelJS.Buffer)
    expect(workbook.worksheets.map((worksheet) => worksheet.name)).toEqual(['党员花名册', '填写说明'])
    expect(JSON.stringify(workbook.getWorksheet('填写说明')?.getSheetValues())).toContain('身份证号')
  })

  test('an export keeps phones as text and reads back unchanged', async () => {
    const file = await writeXlsx([
      {
        name: '党员名册',
        headers: ['姓名', '手机号码', '入党日期'],
        rows: [['王建国', '13800138000', '2019-07-01']],
        textColumns: [1],
      },
    ])
    expect(await readSheet(file)).toEqual([
      ['姓名', '手机号码', '入党日期'],
      ['王建国', '13800138000', '2019-07-01'],
    ])
  })
})
