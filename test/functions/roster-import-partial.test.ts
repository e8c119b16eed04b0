// An import that saves the good rows: the valid ones written, the refused ones handed back as .xlsx with 错误原因.
import ExcelJS from 'exceljs'

import type { ImportStatus } from '../../types/roster-import'
import { downloadedRows, xlsxOf } from '../support/sheet-rows'
import { as, type DemoEmulator, startDemoEmulator } from './helpers/demo'

let t: DemoEmulator
beforeAll(async () => {
  t = await startDemoEmulator()
})
afterAll(() => t.stop())

const code = (result: { ok: boolean; error?: { code: string } }) => (result.ok ? 'ok' : result.error?.code)
const HEADER = ['姓名', '人员类别', '入党日期', '党小组', '手机号码']

const xlsx = (rows: unknown[][]) => xlsxOf('花名册', [['实验小学党支部党员花名册'], HEADER, ...rows])

let fileSeq = 0
async function upload(content: Buffer): Promise<string> {
  const res = (await t.cloud.uploadFile({
    cloudPath: `imports/t_demo/m_shiyan_01/partial-${process.pid}-${fileSeq++}.xlsx`,
    fileContent: content,
  })) as { fileID: string }
  return res.fileID
}

async function waitDone(importId: string): Promise<ImportStatus> {
  for (let i = 0; i < 100; i++) {
    const status = await t.call(as.secretary, 'roster', 'importStatus', { importId })
    if (status.ok && (status.data.status === 'done' || status.data.status === 'failed')) return status.data
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error('import did not finish')
}

const members = async (search: string) =>
  (await t.callOk(as.secretary, 'roster', 'listMembers', { branchId: 'org_b_shiyan', search })).total

const ROWS = [
  ['柏文博', '正式党员', '2010-07-01', '低年级党小组', '13955550001'],
  ['柏文博', '正式党员', '2010-07-01', '低年级党小组', '13955550001'], // pasted twice
  ['牛春梅', '正式党员', '2011-07-01', '高年级党小组', '1395555'], // phone too short
  ['康国庆', '正式党员', '2012-07-01', '三年级党小组', '13955550003'], // no such group
  ['伍红霞', '预备党员', '2025-07-01', '高年级党小组', '13955550004'],
  ['余振华', '正式党员', '2013-07-01', '', '13955550005'],
]

describe('a file with bad rows', () => {
  let importId = ''

  it('previews what will be written and what skipped: copies are one member, reported once', async () => {
    const preview = await t.callOk(as.secretary, 'roster', 'previewImport', {
      fileID: await upload(await xlsx(ROWS)),
      branchId: 'org_b_shiyan',
    })
    importId = preview.importId
    expect(preview.totals).toMatchObject({ dataRows: 6, validRows: 3, invalidRows: 2, duplicateRows: 1 })
    expect(preview.plan).toEqual({ create: 3, update: 0, unchanged: 0 })
    expect(preview.issues.filter((issue) => issue.code === 'DUPLICATE_ROW')).toEqual([
      expect.objectContaining({ row: 4, severity: 'warning', message: '第4行与第3行完全相同，只导入一次' }),
    ])
  })

  it('is not written unless the secretary accepts the numbers the preview gave', async () => {
    const before = await t.count('members', { tenantId: 't_demo' })
    expect(code(await t.call(as.secretary, 'roster', 'confirmImport', { importId }))).toBe('ROSTER.IMPORT_HAS_ERRORS')
    const wrong = await t.call(as.secretary, 'roster', 'confirmImport', { importId, accept: { write: 4, skip: 2 } })
    expect(code(wrong)).toBe('ROSTER.IMPORT_STALE')
    expect(wrong.ok ? '' : wrong.error.message).toContain('写入 3 行、跳过 2 行')
    expect(await t.count('members', { tenantId: 't_demo' })).toBe(before)
  })

  it('writes the good rows once accepted, the copied row as one member', async () => {
    await t.callOk(as.secretary, 'roster', 'confirmImport', { importId, accept: { write: 3, skip: 2 } })
    expect(await waitDone(importId)).toMatchObject({ status: 'done', created: 3 })
    expect([
      await members('柏文博'),
      await members('伍红霞'),
      await members('牛春梅'),
      await members('康国庆'),
    ]).toEqual([1, 1, 0, 0])
    const log = await t.callOk(as.bureau, 'roster', 'auditLog', { pageSize: 5 })
    expect(log.items.find((entry) => entry.action === 'roster.confirmImport')?.summary).toContain('跳过有错误的 2 行')
  })

  it('hands the refused rows back as .xlsx: the file’s header and cells and a 错误原因; fixed, they import, nothing twice', async () => {
    const errors = await t.callOk(as.secretary, 'roster', 'importErrors', { importId })
    expect(errors.count).toBe(2)
    expect(errors.fileName).toMatch(/^导入错误行-实验小学党支部-\d{8}-\d{4}\.xlsx$/)
    const sheet = await downloadedRows(errors.url)
    expect(sheet[0]).toEqual([...HEADER, '错误原因'])
    expect(sheet.slice(1).map((row) => row.slice(0, 5))).toEqual([
      ['牛春梅', '正式党员', '2011-07-01', '高年级党小组', '1395555'],
      ['康国庆', '正式党员', '2012-07-01', '三年级党小组', '13955550003'],
    ])
    expect(sheet[1][5]).toContain('手机号码')
    expect(sheet[2][5]).toContain('没有名为“三年级党小组”的党小组')
    // Someone else cannot fetch this import's rows.
    expect(code(await t.call(as.bureau, 'roster', 'importErrors', { importId }))).toBe('ROSTER.NOT_FOUND')

    // The secretary fixes the two rows and imports the error sheet itself, 错误原因 column and all.
    const fixed = [
      [...sheet[0]],
      ['牛春梅', '正式党员', '2011-07-01', '高年级党小组', '13955550002', sheet[1][5]],
      ['康国庆', '正式党员', '2012-07-01', '低年级党小组', '13955550003', sheet[2][5]],
    ]
    const workbook = new ExcelJS.Workbook()
    const ws = workbook.addWorksheet('错误行')
    for (const row of fixed) ws.addRow(row)
    const again = await t.callOk(as.secretary, 'roster', 'previewImport', {
      fileID: await upload(Buffer.from(await workbook.xlsx.writeBuffer())),
      branchId: 'org_b_shiyan',
    })
    expect(again.totals).toMatchObject({ validRows: 2, invalidRows: 0 })
    expect(again.ignoredColumns).toEqual([])
    await t.callOk(as.secretary, 'roster', 'confirmImport', { importId: again.importId })
    expect(await waitDone(again.importId)).toMatchObject({ status: 'done', created: 2 })
    expect([await members('牛春梅'), await members('康国庆'), await members('柏文博')]).toEqual([1, 1, 1])

    // The first file again: the good rows are there already, the bad ones still refused; nothing changes.
    const first = await t.callOk(as.secretary, 'roster', 'previewImport', {
      fileID: await upload(await xlsx(ROWS)),
      branchId: 'org_b_shiyan',
    })
    expect(first.plan).toEqual({ create: 0, update: 0, unchanged: 3 })
  })
})
