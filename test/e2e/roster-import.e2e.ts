/**
 * Import and export in the H5 build against the real emulator and its demo seed:
 * the secretary of 实验小学党支部 uploads a roster with a bad phone, sees the
 * row named in the preview (the good row could be imported alone), uploads the fixed file,
 * confirms and watches it finish; the same file again changes nothing; the
 * imported member is in the roster and in its .xlsx export.
 */

import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { sheetRows } from '../support/sheet-rows'
import { startE2ESession } from './session'

const SHIYAN_SECRETARY = 'o_demo_m_shiyan_01'

jest.setTimeout(120_000)

const session = startE2ESession()
const { actAs: pickPersona, typeInto } = session
let dir: string

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'e2e-roster-import-'))
})

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true })
})

type Row = [name: string, group: string, type: string, joined: string, phone: string, identity: string]

/** A roster as schools keep them: a title row, Chinese headers, an identity-number column. */
async function writeRoster(fileName: string, rows: Row[]): Promise<string> {
  const book = new ExcelJS.Workbook()
  const sheet = book.addWorksheet('党员花名册')
  sheet.addRow(['实验小学党支部党员花名册'])
  sheet.addRow(['姓名', '党小组', '人员类别', '入党时间', '联系电话', '身份证号'])
  for (const row of rows) sheet.addRow(row)
  const path = join(dir, fileName)
  await book.xlsx.writeFile(path)
  return path
}

/** 选择文件 opens the H5 picker (a hidden input clicked from code): answer its file chooser. */
async function chooseFile(buttonTestId: string, path: string): Promise<void> {
  const { page } = session.browser
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId(buttonTestId).click()])
  await chooser.setFiles(path)
}

/** 导入完成's figures: 新增 a 人 / 更新 b 人 / 未变 c 人. */
async function doneCounts(): Promise<string[]> {
  return session.browser.page.locator('[data-testid="import-done-summary"] > *').allTextContents()
}

test('a secretary imports a roster with a bad row, fixes it, confirms, finds the member and exports the roster', async () => {
  const { page } = session.browser
  const stamp = '5550100' // phones no seeded member has
  const first: Row = ['钱导入', '低年级党小组', '正式党员', '2015.07.01', `1370${stamp}`, '110101198001011234']
  const second: Row = ['孙导入', '高年级党小组', '正式党员', '2018年7月1日', `1371${stamp}`, '110101198501011234']
  // Row 4 of the sheet (title, header, first member, then this one): a phone with 7 digits.
  const bad = await writeRoster('花名册-有错.xlsx', [first, [...second.slice(0, 4), '1381234', second[5]] as Row])
  const fixed = await writeRoster('花名册.xlsx', [first, second])

  await pickPersona(SHIYAN_SECRETARY)
  await page.getByTestId('mine-entry-branch-roster').click()
  await page.getByTestId('member-row').first().waitFor()

  // 批量导入 from the branch roster: the start screen with the template and the privacy note.
  await page.getByTestId('roster-import').click()
  await page.getByTestId('import-start').waitFor()
  expect(await page.getByTestId('import-scope').textContent()).toBe('实验小学党支部')
  expect(await page.getByTestId('import-privacy').textContent()).toContain('身份证号')
  const [template] = await Promise.all([page.waitForEvent('download'), page.getByTestId('import-template').click()])
  expect(template.suggestedFilename()).toMatch(/\.xlsx$/)

  // The file with the bad row: the preview names row 4 and its column, and would import the other row alone.
  await chooseFile('import-choose', bad)
  await page.getByTestId('import-preview').waitFor()
  const badRow = page.locator('[data-testid="import-issue-row"][data-row="4"]')
  await badRow.waitFor()
  expect(await badRow.getAttribute('data-severity')).toBe('error')
  expect(await badRow.textContent()).toContain('第 4 行')
  expect(await badRow.textContent()).toContain('联系电话：')
  expect(await page.getByTestId('import-invalid-rows').textContent()).toBe('有问题 1 行')
  // Taro's H5 button is a custom element: disabled shows as the attribute, which Playwright's isDisabled ignores.
  expect(await page.getByTestId('import-confirm').getAttribute('disabled')).toBeNull()
  expect(await page.getByTestId('import-confirm-hint').textContent()).toBe('有错误的 1 行将跳过')
  expect(await page.getByTestId('import-write-skip').textContent()).toBe(
    '确认后写入 1 行（新增 1、更新 0），跳过有错误的 1 行',
  )
  expect(await page.getByTestId('import-dropped').textContent()).toContain('已忽略身份证号列，未保存')

  // The fixed file: two new members, confirm enabled.
  await chooseFile('import-rechoose', fixed)
  await page.getByTestId('import-invalid-rows').filter({ hasText: '有问题 0 行' }).waitFor()
  expect(await page.getByTestId('import-plan-create').textContent()).toBe('新增 2')
  expect(await page.getByTestId('import-confirm').getAttribute('disabled')).toBeNull()
  expect(await page.getByTestId('import-sample-action').allTextContents()).toEqual(['新增', '新增'])
  await page.getByTestId('import-confirm').click()
  await page.getByTestId('confirm-dialog').waitFor()
  expect(await page.getByTestId('confirm-dialog').textContent()).toContain('将新增 2 人、更新 0 人')
  await page.getByTestId('confirm-dialog-confirm').click()
  await page.getByTestId('import-done').waitFor()
  expect(await doneCounts()).toEqual(['新增 2 人', '更新 0 人', '未变 0 人'])

  // The same file again: 全部未变, and confirming writes nothing.
  await page.getByTestId('import-another').click()
  await chooseFile('import-choose', fixed)
  await page.getByTestId('import-all-unchanged').waitFor()
  expect(await page.getByTestId('import-plan-unchanged').textContent()).toBe('未变 2')
  await page.getByTestId('import-confirm').click()
  await page.getByTestId('confirm-dialog-confirm').click()
  await page.getByTestId('import-done').waitFor()
  expect(await doneCounts()).toEqual(['新增 0 人', '更新 0 人', '未变 2 人'])

  // Back on the roster (other journeys share the emulator, so no fixed head count): the imported member is found by name.
  await page.getByTestId('import-back-to-roster').click()
  await page.getByTestId('member-row').first().waitFor()
  await typeInto('member-search', '钱导入')
  const row = page.getByTestId('member-row').filter({ hasText: '钱导入' })
  await row.waitFor()
  expect(await row.getByTestId('member-row-phone').textContent()).toBe(first[4])

  // 导出名册: an .xlsx download holding that member's row.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('roster-export').click()])
  expect(download.suggestedFilename()).toMatch(/^党员名册-实验小学党支部-.*\.xlsx$/)
  const saved = join(dir, 'export.xlsx')
  await download.saveAs(saved)
  const rows = await sheetRows(saved)
  expect(rows[0].slice(0, 2)).toEqual(['姓名', '所在党支部'])
  const exported = rows.find((cells) => cells[0] === '钱导入')
  expect(exported).toBeDefined()
  expect(exported).toEqual(
    expect.arrayContaining(['实验小学党支部', '低年级党小组', '正式党员', '2015-07-01', first[4]]),
  )
})

test('a secretary imports the good rows of a file, downloads the refused one with its 错误原因, fixes it and imports it', async () => {
  const { page } = session.browser
  const stamp = '5550200'
  const good: Row = ['赵部分', '低年级党小组', '正式党员', '2016-07-01', `1372${stamp}`, '110101198001011234']
  const refused: Row = ['周部分', '高年级党小组', '正式党员', '2017-07-01', '1382345', '110101198501011234']
  const file = await writeRoster('花名册-部分有错.xlsx', [good, refused])

  await pickPersona(SHIYAN_SECRETARY)
  await page.getByTestId('mine-entry-branch-roster').click()
  await page.getByTestId('roster-import').click()
  await chooseFile('import-choose', file)
  await page.getByTestId('import-preview').waitFor()
  expect(await page.getByTestId('import-write-skip').textContent()).toBe(
    '确认后写入 1 行（新增 1、更新 0），跳过有错误的 1 行',
  )

  // The secretary confirms knowing both numbers.
  expect(await page.getByTestId('import-confirm').textContent()).toBe('导入其余 1 行')
  await page.getByTestId('import-confirm').click()
  await page.getByTestId('confirm-dialog').waitFor()
  expect(await page.getByTestId('confirm-dialog').textContent()).toContain('有错误的 1 行将跳过')
  await page.getByTestId('confirm-dialog-confirm').click()
  await page.getByTestId('import-done').waitFor()
  expect(await doneCounts()).toEqual(['新增 1 人', '更新 0 人', '未变 0 人'])
  expect(await page.getByTestId('import-done-skipped').textContent()).toContain('有错误的 1 行未导入')

  // 下载错误行: the file's own columns (the identity numbers left out) and a 错误原因.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('import-done-error-sheet').click(),
  ])
  expect(download.suggestedFilename()).toMatch(/^导入错误行-实验小学党支部-\d{8}-\d{4}\.xlsx$/)
  const saved = join(dir, 'errors.xlsx')
  await download.saveAs(saved)
  const rows = await sheetRows(saved)
  expect(rows[0]).toEqual(['姓名', '党小组', '人员类别', '入党时间', '联系电话', '错误原因'])
  expect(rows).toHaveLength(2)
  expect(rows[1].slice(0, 5)).toEqual(refused.slice(0, 5))
  expect(rows[1][5]).toContain('联系电话：')

  // Fixed in the error sheet itself and imported again: only that member is added.
  const book = new ExcelJS.Workbook()
  await book.xlsx.readFile(saved)
  book.worksheets[0].getRow(2).getCell(5).value = `1382${stamp}`
  const fixed = join(dir, 'errors-fixed.xlsx')
  await book.xlsx.writeFile(fixed)
  await page.getByTestId('import-another').click()
  await chooseFile('import-choose', fixed)
  await page.getByTestId('import-invalid-rows').filter({ hasText: '有问题 0 行' }).waitFor()
  expect(await page.getByTestId('import-plan-create').textContent()).toBe('新增 1')
  await page.getByTestId('import-confirm').click()
  await page.getByTestId('confirm-dialog-confirm').click()
  await page.getByTestId('import-done').waitFor()
  expect(await doneCounts()).toEqual(['新增 1 人', '更新 0 人', '未变 0 人'])

  await page.getByTestId('import-back-to-roster').click()
  await page.getByTestId('member-row').first().waitFor()
  await typeInto('member-search', '周部分')
  expect(
    await page.getByTestId('member-row').filter({ hasText: '周部分' }).getByTestId('member-row-phone').textContent(),
  ).toBe(`1382${stamp}`)
})
