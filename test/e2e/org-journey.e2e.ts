/**
 * A new branch from nothing to its member's 首页, one story through screens only
 * (issue #14): bureau staff create 新城小学党支部 under the 党委 with two 党小组,
 * add its first member, appoint them 书记 and invite them; the new secretary
 * binds from the link, imports a roster with two bad rows — the good row goes
 * in, the refused ones come back as an error sheet with 错误原因 — fixes the
 * sheet and imports the rest; schedules the 党小组会 and invites a member who
 * was just imported; that member binds and their 首页 shows the meeting. Every
 * step is a tap, a typed field or a chosen file; nothing between the steps calls
 * the gateway, and the pages are reached from the tabs and back buttons.
 */

import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { meetingHeading } from '../../types/labels'
import { sheetRows } from '../support/sheet-rows'
import { pickOption } from './picker'
import { startE2ESession } from './session'

jest.setTimeout(300_000)

const session = startE2ESession()
const { typeInto, back } = session
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

/** A Taro picker on H5 (test/e2e/picker.ts). */
const pick = (testId: string, option: string) => pickOption(session.browser.page, testId, option)

/** 新建 a child of the org page shown: fills the name, saves, lands on the new node's page (the form replaced); returns its id. */
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

/** A tab of the tab bar. */
async function tab(label: '首页' | '会议' | '学习' | '积分' | '我的'): Promise<void> {
  await session.browser.page.locator('.weui-tabbar__item:visible', { hasText: label }).click()
}

/** 选择文件 on the import page: answer the H5 file chooser with `path`. */
async function chooseFile(testId: string, path: string): Promise<void> {
  const [chooser] = await Promise.all([session.browser.page.waitForEvent('filechooser'), shown(testId).click()])
  await chooser.setFiles(path)
}

/** 导入完成's figures: 新增 a 人 / 更新 b 人 / 未变 c 人. */
async function doneCounts(): Promise<string[]> {
  return session.browser.page.locator('[data-testid="import-done-summary"]:visible > *').allTextContents()
}

/** From a member's page: 生成绑定邀请, and the link the page shows to send them. */
async function inviteLink(): Promise<string> {
  await shown('action-invite').click()
  const link = (await shown('invite-link').textContent())?.trim() ?? ''
  expect(link).toContain('/join/index?code=')
  return link
}

/** On a WeChat nobody has bound yet, the invited person opens the link and binds with their name. */
async function bindFromLink(link: string, name: string): Promise<void> {
  const { page } = session.browser
  await session.openPicker()
  await shown('persona-new-wechat-user').click()
  await page.waitForURL(/#\/pages\/mine\/index/)
  await page.goto(link)
  await shown('join-form').waitFor()
  await typeInto('join-name', name)
  await shown('join-submit').click()
  await page.waitForURL(/#\/pages\/mine\/index/)
  await shown('mine-name').filter({ hasText: name }).waitFor()
}

const MEMBER = '钟新城'
const TITLE = '党小组会：新城小学第一次党小组会'

test('bureau staff build a branch; its new secretary imports the roster, fixes the refused rows and schedules; a member sees the meeting on 首页', async () => {
  const { page } = session.browser
  await session.actAs(BUREAU)

  // 我的 → 组织架构 → the bureau's own node → 新建党支部, then its two 党小组 (each form lands on the new group: back).
  await shown('mine-entry-org-tree').click()
  await page
    .getByTestId('org-node-name')
    .filter({ hasText: /^示例县教育局党委$/ })
    .click()
  await shown('org-page').waitFor()
  await createChild('branch', '新城小学党支部')
  const lowerId = await createChild('group', '低年级党小组')
  await back()
  await shown('org-name').filter({ hasText: '新城小学党支部' }).waitFor()
  await createChild('group', '高年级党小组')
  await back()
  await shown('org-child').nth(1).waitFor()
  expect(await shown('org-child').allTextContents()).toEqual([
    expect.stringContaining('低年级党小组'),
    expect.stringContaining('高年级党小组'),
  ])

  // Its first member, from the new branch's roster; back to the branch's page.
  await shown('org-roster').click()
  await shown('add-member').click()
  await shown('member-form').waitFor()
  await typeInto('input-name', SECRETARY)
  await typeInto('input-phone', '13955507001')
  await shown('member-form-submit').click()
  await page.waitForURL(/member\/index\?memberId=/)
  await back()
  await shown('branch-head').waitFor()
  await back()
  await shown('org-name').filter({ hasText: '新城小学党支部' }).waitFor()

  // 支委会: appoint them 书记.
  await shown('org-posts').click()
  await shown('appoint-form').waitFor()
  await pick('picker-position', '书记')
  await pick('picker-appointee', SECRETARY)
  await shown('appoint-submit').click()
  const seat = shown('committee-seat').filter({ hasText: SECRETARY })
  await seat.waitFor()
  expect(await seat.textContent()).toContain('书记')

  // 生成绑定邀请 from their page in the roster.
  await back()
  await shown('org-roster').click()
  await shown('member-row').filter({ hasText: SECRETARY }).click()
  const secretaryLink = await inviteLink()

  // The new secretary binds from the link: 我的 says 支部书记.
  await bindFromLink(secretaryLink, SECRETARY)
  expect(await shown('mine-roles').textContent()).toContain('支部书记')

  // Their 首页: the branch's to-dos, the month's required meetings not yet arranged among them.
  await tab('首页')
  expect(await shown('home-today').getAttribute('data-view')).toBe('secretary')
  const unscheduled = shown('home-todo-unscheduled')
  await unscheduled.waitFor()
  expect(await unscheduled.textContent()).toContain('本月还需：')
  await tab('我的')

  // Their roster: one good row; one with a 党小组 the branch does not have, one with a 7-digit phone.
  const book = new ExcelJS.Workbook()
  const sheet = book.addWorksheet('花名册')
  sheet.addRow(['姓名', '党小组', '人员类别', '入党日期', '手机号码'])
  sheet.addRow([MEMBER, '低年级党小组', '正式党员', '2012-07-01', '13955507002'])
  sheet.addRow(['冯新城', '三年级党小组', '正式党员', '2014-07-01', '13955507003'])
  sheet.addRow(['韩新城', '高年级党小组', '正式党员', '2016-07-01', '1395550'])
  const file = join(dir, '新城小学花名册.xlsx')
  await book.xlsx.writeFile(file)

  await shown('mine-entry-branch-roster').click()
  await shown('roster-import').click()
  await chooseFile('import-choose', file)
  await shown('import-preview').waitFor()
  expect(await shown('import-write-skip').textContent()).toBe('确认后写入 1 行（新增 1、更新 0），跳过有错误的 2 行')
  await shown('import-confirm').click()
  await shown('confirm-dialog-confirm').click()
  await shown('import-done').waitFor()
  expect(await doneCounts()).toEqual(['新增 1 人', '更新 0 人', '未变 0 人'])

  // 下载错误行: the two refused rows with their 错误原因.
  const [download] = await Promise.all([page.waitForEvent('download'), shown('import-done-error-sheet').click()])
  const saved = join(dir, 'errors.xlsx')
  await download.saveAs(saved)
  const rows = await sheetRows(saved)
  expect(rows[0]).toEqual(['姓名', '党小组', '人员类别', '入党日期', '手机号码', '错误原因'])
  expect(rows.slice(1).map((row) => row.slice(0, 2))).toEqual([
    ['冯新城', '三年级党小组'],
    ['韩新城', '高年级党小组'],
  ])
  expect(rows[1][5]).toContain('三年级党小组')
  expect(rows[2][5]).toContain('手机号码')

  // Fixed in the error sheet itself (the 错误原因 column left in) and imported: the rest go in, nothing twice.
  const fixing = new ExcelJS.Workbook()
  await fixing.xlsx.readFile(saved)
  fixing.worksheets[0].getRow(2).getCell(2).value = '高年级党小组'
  fixing.worksheets[0].getRow(3).getCell(5).value = '13955507004'
  const fixed = join(dir, 'errors-fixed.xlsx')
  await fixing.xlsx.writeFile(fixed)
  await shown('import-another').click()
  await chooseFile('import-choose', fixed)
  await shown('import-invalid-rows').filter({ hasText: '有问题 0 行' }).waitFor()
  expect(await shown('import-plan-create').textContent()).toBe('新增 2')
  await shown('import-confirm').click()
  await shown('confirm-dialog-confirm').click()
  await shown('import-done').waitFor()
  expect(await doneCounts()).toEqual(['新增 2 人', '更新 0 人', '未变 0 人'])
  await shown('import-back-to-roster').click()
  await shown('member-row').filter({ hasText: '韩新城' }).waitFor()
  await back()
  await shown('mine-view').waitFor()

  // 会议 → 安排会议: the 低年级党小组's meeting, tomorrow 15:00 (the form's default).
  await tab('会议')
  await shown('meetings-schedule-entry').click()
  await shown('schedule-form').waitFor()
  await shown(`meeting-group-${lowerId}`).click()
  await typeInto('meeting-title', TITLE)
  await typeInto('meeting-place', '新城小学会议室')
  await session.submitAndFollow('schedule-submit', /meetings\/pages\/meeting\/index\?id=/)
  await shown('meeting-summary').waitFor()
  await back()
  await shown('meetings-tab').waitFor()

  // 我的 → 本支部名册 → the member just imported → 生成绑定邀请.
  await tab('我的')
  await shown('mine-entry-branch-roster').click()
  await shown('member-row').filter({ hasText: MEMBER }).click()
  const memberLink = await inviteLink()

  // The member binds and opens 首页: the next meeting is the one their secretary just scheduled.
  await bindFromLink(memberLink, MEMBER)
  await tab('首页')
  await shown('home-meeting-title').waitFor()
  expect(await shown('home-today').getAttribute('data-view')).toBe('member')
  expect(await shown('home-meeting-title').textContent()).toBe(meetingHeading({ type: 'group_meeting', title: TITLE }))

  // The demo returns to its six branches (other journeys count them): bureau staff 撤销 the branch from its
  // page, its members going to 实验小学党支部; nothing is deleted, and 首页 counts six branches again.
  // Another person's phone: a fresh load of the app (the H5 router keeps tab pages across the dev picker's switch).
  await page.goto('about:blank')
  await session.actAs(BUREAU)
  await shown('mine-entry-org-tree').click()
  // A branch in the tree opens its roster; 支部组织设置 is its node's page.
  await page
    .getByTestId('org-node-name')
    .filter({ hasText: /^新城小学党支部$/ })
    .click()
  await shown('branch-org').click()
  await shown('org-close').click()
  await shown('confirm-dialog').waitFor()
  await shown('choice').filter({ hasText: '实验小学党支部' }).click()
  await typeInto('confirm-dialog-reason', '演示结束，学校撤并')
  await shown('confirm-dialog-confirm').click()
  await shown('org-head').filter({ hasText: '已撤销' }).waitFor()
  // 组织沿革 on the node's page says so (entries of one instant in no set order: found by what it says).
  await shown('org-history')
    .getByTestId('audit-item-summary')
    .filter({ hasText: '撤销党支部 新城小学党支部：演示结束，学校撤并' })
    .waitFor()
  await back()
  await shown('branch-head').waitFor()
  await back()

  // The secretary's page in 实验小学's roster: 组织关系变动 shows where they came from.
  await page
    .getByTestId('org-node-name')
    .filter({ hasText: /^实验小学党支部$/ })
    .click()
  await typeInto('member-search', SECRETARY)
  await shown('member-row').filter({ hasText: SECRETARY }).click()
  await shown('membership-change').nth(2).waitFor()
  expect(await shown('membership-change').allTextContents()).toEqual([
    expect.stringContaining('编入 新城小学党支部'),
    expect.stringContaining('转出 新城小学党支部，转往 实验小学党支部'),
    expect.stringContaining('转入 实验小学党支部（由 新城小学党支部 转来）'),
  ])
  await back()
  await shown('branch-head').waitFor()
  await back()
  await shown('org-node-name').first().waitFor()
  await back()
  await shown('mine-view').waitFor()
  await tab('首页')
  await shown('home-bureau-behind').filter({ hasText: '共 6 个支部' }).waitFor()
})
