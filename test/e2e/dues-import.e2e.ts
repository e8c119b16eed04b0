/**
 * The 党费基数 import in the H5 build against the real emulator and its demo seed, through screens only:
 * the secretary of 实验小学 opens 党费收缴 → 导入党费基数, downloads the template, chooses this year's file
 * (one member's new wage, one unchanged, one name not in the branch), reads the preview's counts and rows,
 * confirms in the dialog, and back on the branch's sheet sees the new monthly amount. Members are found by
 * what they are (their line on the sheet), whatever other journeys did to theirs.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sheetRows, xlsxOf } from '../support/sheet-rows'
import { formatProblems, layoutProblems, NORMAL, waitUntilAtRest } from './layout-check'
import { startE2ESession } from './session'

const SECRETARY = 'o_demo_m_shiyan_01'

jest.setTimeout(150_000)

const session = startE2ESession()
let dir: string

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'e2e-dues-import-'))
})

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true })
})

async function writeBases(rows: unknown[][]): Promise<string> {
  const path = join(dir, '党费基数.xlsx')
  await writeFile(
    path,
    await xlsxOf('党费基数', [['实验小学党支部党费基数'], ['姓名', '手机号码', '类别', '税后月工资'], ...rows]),
  )
  return path
}

test('the secretary imports the year’s bases from .xlsx and sees the new amounts on the branch sheet', async () => {
  const { page } = session.browser
  const year = new Date(session.now() + 8 * 3_600_000).getUTCFullYear()

  await session.actAs(SECRETARY)
  await page.getByTestId('mine-entry-dues').click()
  const changed = page.getByTestId('dues-member-m_shiyan_07')
  const kept = page.getByTestId('dues-member-m_shiyan_06')
  await changed.waitFor()
  const nameOf = async (line: typeof changed) => (await line.locator('.list-item__title').textContent())?.trim() ?? ''
  const [changedName, keptName] = [await nameOf(changed), await nameOf(kept)]
  // 6,123.45 元 is in the 1.5% bracket: 91.85175 → 91.85 元 a month.
  expect(await changed.textContent()).not.toContain('应交 91.85 元')

  await page.getByTestId('dues-import-link').click()
  await page.getByTestId('dues-import-start').waitFor()
  const [template] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('dues-import-template').click(),
  ])
  expect(template.suggestedFilename()).toBe('党费基数导入模板.xlsx')
  expect((await sheetRows(await template.path()))[0]).toEqual(['姓名', '手机号码', '类别', '税后月工资'])

  await page.getByTestId(`dues-import-year-${year}`).click()
  const file = await writeBases([
    [changedName, '', '在职', 6_123.45],
    [keptName, '', '在职', 4_500],
    ['查无此人', '', '在职', 5_000],
  ])
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByTestId('dues-import-choose').click(),
  ])
  await chooser.setFiles(file)

  await page.getByTestId('dues-import-totals').filter({ hasText: '将设置 1 人，未变 1 人，错误 1 行' }).waitFor()
  const rows = page.getByTestId('dues-import-row')
  await rows.filter({ hasText: '查无此人' }).filter({ hasText: '本支部没有这名党员' }).waitFor()
  await rows.filter({ hasText: changedName }).filter({ hasText: '每月 91.85 元' }).filter({ hasText: '设置' }).waitFor()
  await rows.filter({ hasText: keptName }).filter({ hasText: '未变' }).waitFor()
  // The page walk sees only the start; the preview (long names of errors, tags) is held to the same layout rules.
  await waitUntilAtRest(page)
  expect(formatProblems(await layoutProblems(page, NORMAL))).toBe('')

  await page.getByTestId('dues-import-confirm').click()
  await page
    .getByTestId('confirm-dialog')
    .filter({ hasText: `将核定 1 名党员 ${year} 年的党费基数` })
    .waitFor()
  await page.getByTestId('confirm-dialog-confirm').click()
  await page.getByTestId('dues-import-done').filter({ hasText: '已核定' }).filter({ hasText: '1 人' }).waitFor()

  await page.getByTestId('dues-import-back').click()
  await page.getByTestId('dues-member-m_shiyan_07').filter({ hasText: '应交 91.85 元' }).waitFor()
})
