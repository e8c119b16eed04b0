/**
 * A new branch from nothing, through screens only (issue #14): bureau staff
 * create 新城小学党支部 under the bureau with two 党小组, add its first member,
 * appoint them 书记 and invite them; the new secretary binds from the link and
 * imports a roster with a bad row — the good row goes in, the refused one
 * comes back as an error sheet.
 */

import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { sheetRows } from '../support/sheet-rows'
import { asPersona } from './app-pages'
import { pickOption } from './picker'
import { startE2ESession } from './session'

jest.setTimeout(180_000)

const session = startE2ESession()
const { typeInto } = session
const BUREAU = 'o_demo_m_bureau_01'
const SECRETARY = '林新城'
let dir: string

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'e2e-org-journey-'))
})

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true })
})

/** The shown page's element: Taro's H5 router keeps the pages under it in the DOM, hidden. */
const shown = (testId: string) => session.browser.page.locator(`[data-testid="${testId}"]:visible`)

/** A Taro picker on H5: open it, drag the column until the option sits in the indicator, 确定. */
const pick = (testId: string, option: string) => pickOption(session.browser.page, testId, option)

/** 新建 a child of the org page shown: fills the name, saves, lands on the new node's page; returns its id. */
async function createChild(kind: 'branch' | 'group', name: string): Promise<string> {
  await shown(`org-create-${kind}`).click()
  await shown('org-form').waitFor()
  await typeInto('input-org-name', name)
  // A branch names the school it serves (one row to begin with; its type defaults to 小学).
  if (kind === 'branch') await typeInto('input-school-name', name.replace('党支部', ''))
  await shown('org-form-submit').click()
  await shown('org-name').filter({ hasText: name }).waitFor()
  return (await shown('org-page').getAttribute('data-org-id')) ?? ''
}

test('bureau staff create a branch with two 党小组, appoint its secretary, who binds and imports the roster', async () => {
  const { page } = session.browser
  await session.actAs(BUREAU)

  // 我的 → 组织架构 → the bureau's own node → 新建党支部.
  await shown('mine-entry-org-tree').click()
  await page
    .getByTestId('org-node-name')
    .filter({ hasText: /^示例县教育局党委$/ })
    .click()
  await shown('org-page').waitFor()
  const branchId = await createChild('branch', '新城小学党支部')
  const branchPage = `${session.base}/#/subpackages/roster/pages/org/index?orgId=${branchId}`
  await createChild('group', '低年级党小组')
  await page.goto(branchPage)
  await shown('org-name').filter({ hasText: '新城小学党支部' }).waitFor()
  await createChild('group', '高年级党小组')
  await page.goto(branchPage)
  await shown('org-child').nth(1).waitFor()
  expect(await shown('org-child').allTextContents()).toEqual([
    expect.stringContaining('低年级党小组'),
    expect.stringContaining('高年级党小组'),
  ])

  // Its first member, from the new branch's roster.
  await shown('org-roster').click()
  await shown('add-member').click()
  await shown('member-form').waitFor()
  await typeInto('input-name', SECRETARY)
  await typeInto('input-phone', '13955507001')
  await shown('member-form-submit').click()
  await page.waitForURL(/member\/index\?memberId=/)
  const memberPage = page.url()

  // 支委会: appoint them 书记.
  await page.goto(branchPage)
  await shown('org-posts').click()
  await shown('appoint-form').waitFor()
  await pick('picker-position', '书记')
  await pick('picker-appointee', SECRETARY)
  await shown('appoint-submit').click()
  const seat = shown('committee-seat').filter({ hasText: SECRETARY })
  await seat.waitFor()
  expect(await seat.textContent()).toContain('书记')

  // 生成绑定邀请 for them.
  await page.goto(memberPage)
  await shown('action-invite').click()
  const link = (await shown('invite-link').textContent())?.trim() ?? ''
  expect(link).toContain('/join/index?code=')

  // The new secretary, on a WeChat nobody has bound yet, opens the link and binds.
  await session.openPicker()
  await shown('persona-new-wechat-user').click()
  await page.waitForURL(/#\/pages\/mine\/index/)
  await page.goto(link)
  await shown('join-form').waitFor()
  await typeInto('join-name', SECRETARY)
  await shown('join-submit').click()
  await page.waitForURL(/#\/pages\/mine\/index/)
  await shown('mine-name').filter({ hasText: SECRETARY }).waitFor()
  expect(await shown('mine-roles').textContent()).toContain('支部书记')

  // Their roster: a file with one good row and one with a 党小组 the branch does not have.
  const book = new ExcelJS.Workbook()
  const sheet = book.addWorksheet('花名册')
  sheet.addRow(['姓名', '党小组', '人员类别', '入党日期', '手机号码'])
  sheet.addRow(['钟新城', '低年级党小组', '正式党员', '2012-07-01', '13955507002'])
  sheet.addRow(['冯新城', '三年级党小组', '正式党员', '2014-07-01', '13955507003'])
  const file = join(dir, '新城小学花名册.xlsx')
  await book.xlsx.writeFile(file)

  await shown('mine-entry-branch-roster').click()
  await shown('roster-import').click()
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), shown('import-choose').click()])
  await chooser.setFiles(file)
  await shown('import-preview').waitFor()
  expect(await shown('import-write-skip').textContent()).toBe('确认后写入 1 行（新增 1、更新 0），跳过有错误的 1 行')
  await shown('import-confirm').click()
  await shown('confirm-dialog-confirm').click()
  await shown('import-done').waitFor()
  const [download] = await Promise.all([page.waitForEvent('download'), shown('import-done-error-sheet').click()])
  const saved = join(dir, 'errors.xlsx')
  await download.saveAs(saved)
  const refused = (await sheetRows(saved))[1]
  expect(refused.slice(0, 2)).toEqual(['冯新城', '三年级党小组'])
  expect(refused[5]).toContain('三年级党小组')

  // The demo returns to its six branches (other journeys count them): bureau staff 撤销 the branch
  // from its page, its members going to 实验小学党支部; nothing is deleted and the history says so.
  await session.actAs(BUREAU)
  await page.goto(branchPage)
  await shown('org-close').click()
  await shown('confirm-dialog').waitFor()
  await shown('choice').filter({ hasText: '实验小学党支部' }).click()
  await typeInto('confirm-dialog-reason', '演示结束，学校撤并')
  await shown('confirm-dialog-confirm').click()
  await shown('org-head').filter({ hasText: '已撤销' }).waitFor()
  const overview = await asPersona<{ branches: number }>(session.base, BUREAU, 'bureau', 'overview')
  expect(overview.ok && overview.data.branches).toBe(6)
})
