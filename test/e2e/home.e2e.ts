/**
 * 首页 for each role in the H5 build against the demo seed: a member sees the
 * next meeting, today's study and their points; the secretary of 实验小学 sees
 * the branch's to-dos and opens one; bureau staff see last month's gap and the
 * branches to remind, and open the matrix from there.
 */
import { asPersona } from './app-pages'
import { startE2ESession } from './session'

jest.setTimeout(120_000)

const session = startE2ESession()
const MEMBER = 'o_demo_m_shiyan_06'
const SECRETARY = 'o_demo_m_shiyan_01'
const BUREAU = 'o_demo_m_bureau_01'

/** A tap on the tab bar. */
const tab = (label: string) => session.browser.page.locator('.weui-tabbar__item:visible', { hasText: label }).click()

async function openHome(openid: string): Promise<void> {
  // Each journey here ends deep in a subpackage: start the next persona from a fresh load of the app.
  await session.browser.page.goto('about:blank')
  await session.actAs(openid)
  await session.browser.page.goto(`${session.base}/#/pages/home/index`)
  await session.browser.page.getByTestId('home-today').waitFor()
}

test('a member’s 首页 shows the next meeting, today’s study and their points', async () => {
  const { page } = session.browser
  await openHome(MEMBER)
  expect(await page.getByTestId('home-today').getAttribute('data-view')).toBe('member')
  expect(await page.getByTestId('home-secretary').count()).toBe(0)
  await page.getByTestId('home-meeting-title').waitFor()
  const title = (await page.getByTestId('home-meeting-title').textContent()) ?? ''
  await page.getByTestId('home-points-figure').waitFor()
  const points = (await page.getByTestId('home-points-figure').textContent()) ?? ''
  expect(await page.getByTestId('home-study').isVisible()).toBe(true)

  // The same meeting heads the 会议 tab's 即将开始, and the same figure is the 积分 tab's 本年度积分.
  await tab('会议')
  const first = page.locator('[data-testid="meeting-row"]:visible').first()
  await first.waitFor()
  expect(await first.locator('.list-item__title').textContent()).toBe(title)
  await tab('积分')
  await page
    .locator('[data-testid="my-points"]:visible')
    .filter({ hasText: `本年度积分 ${points}` })
    .waitFor()

  await tab('首页')
  await page.getByTestId('home-meeting-open').click()
  await page.waitForURL(/meetings\/pages\/meeting\/index\?id=/)
})

test('the secretary’s 首页 lists the branch’s to-dos, each opening its page', async () => {
  const { page } = session.browser
  const claims = await asPersona<{ total: number }>(session.base, SECRETARY, 'points', 'listClaims', {
    branchId: 'org_b_shiyan',
    status: 'pending',
    page: 1,
    pageSize: 1,
  })
  if (!claims.ok) throw new Error('listClaims refused the secretary')

  await openHome(SECRETARY)
  expect(await page.getByTestId('home-today').getAttribute('data-view')).toBe('secretary')
  const claimsRow = page.getByTestId('home-todo-claims')
  await claimsRow.waitFor()
  expect(await claimsRow.textContent()).toContain(
    claims.data.total > 0 ? `积分申报待审核 ${claims.data.total} 条` : '积分申报已全部审核',
  )
  await page.getByTestId('home-todo-to-hold').waitFor()
  // The secretary is a member too: their own cards follow.
  await page.getByTestId('home-member').waitFor()

  // The seed's member on training has asked for leave from next week's 党课: waiting, a tap from 请假审批.
  const leaveRow = page.getByTestId('home-todo-leave')
  await leaveRow.waitFor()
  expect(await leaveRow.textContent()).toContain('请假待审批 1 人')
  await leaveRow.click()
  await page.waitForURL(/meetings\/pages\/leaves\/index\?/)

  await openHome(SECRETARY)
  await page.getByTestId('home-todo-claims').click()
  await page.waitForURL(/points\/pages\/review\/index/)
})

test('bureau staff see this month’s gaps and last month’s missed branch, and open the matrix to remind', async () => {
  const { page } = session.browser
  await openHome(BUREAU)
  expect(await page.getByTestId('home-today').getAttribute('data-view')).toBe('bureau')
  const remind = page.getByTestId('home-bureau-remind')
  await remind.waitFor()
  // The seed: one branch (城关小学) missed its 党小组会 last month.
  expect(await remind.textContent()).toContain('上月 1 个支部未按期开展，待提醒书记')
  await page.locator('[data-testid="home-bureau-ranking"] [data-testid="branch-row"]').first().waitFor()
  expect(
    await page.locator('[data-testid="home-bureau-ranking"] [data-testid="branch-row"]').count(),
  ).toBeLessThanOrEqual(3)

  await remind.click()
  await page.getByTestId('matrix').waitFor()
})

test('bureau staff’s 会议, 学习 and 积分 tabs show the branches, not an empty personal view', async () => {
  const { page } = session.browser
  await page.goto('about:blank')
  await session.actAs(BUREAU)

  // 会议: last month's missed branch to remind, the matrix a tap away; no 近期没有会议, no 安排会议 for no branch.
  await page.goto(`${session.base}/#/pages/meetings/index`)
  const meetings = page.locator('[data-testid="meetings-tab"]:visible')
  await meetings.waitFor()
  expect(await meetings.getAttribute('data-view')).toBe('oversight')
  const remind = page.locator('[data-testid="meetings-oversight-remind"]:visible')
  await remind.waitFor()
  expect(await remind.textContent()).toContain('上月 1 个支部未按期开展，待提醒书记')
  expect(await meetings.textContent()).not.toContain('近期没有会议')
  expect(await meetings.getByTestId('meetings-schedule-entry').count()).toBe(0)
  await page.locator('[data-testid="meetings-rules-entry"]:visible').waitFor()
  await remind.click()
  await page.getByTestId('matrix').waitFor()

  // 学习: the branches' participation this month, and 发布学习任务; no streaks of 0.
  await page.goto(`${session.base}/#/pages/study/index`)
  const study = page.locator('[data-testid="study-tab"]:visible')
  await study.waitFor()
  expect(await study.getAttribute('data-view')).toBe('oversight')
  await page.locator('[data-testid="study-oversight-study"]:visible').waitFor()
  expect(await study.getByTestId('study-streaks').count()).toBe(0)
  await study.getByTestId('study-publish-entry').waitFor()

  // 积分: the branches' ranking instead of 本年度积分 0, and the bureau's own entries.
  await page.goto(`${session.base}/#/pages/points/index`)
  const points = page.locator('[data-testid="points-tab"]:visible')
  await points.waitFor()
  expect(await points.getAttribute('data-view')).toBe('oversight')
  await points.locator('[data-testid="points-oversight-ranking"] [data-testid="branch-row"]').first().waitFor()
  expect(await points.getByTestId('my-points').count()).toBe(0)
  await points.getByTestId('points-entry-rules').waitFor()
  await points.getByTestId('points-oversight-leaderboard').click()
  await page.waitForURL(/bureau\/pages\/leaderboard\/index/)
})
