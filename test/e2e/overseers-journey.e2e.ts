/**
 * The overseers' 党费 and 组织关系转接 in the H5 build against the real emulator and its demo seed, through
 * screens only: the 党建指导员 opens 党费收缴（所辖支部） from 我的 → 管理, sees only the two branches they
 * guide, opens 山区学校联合支部's sheet and a member's year with nothing to record; 组织关系转接（所辖支部）
 * opens its transfers with no 登记转入, and its 流动党员. The 总支书记 picks 第一中学初中部党支部 (under their
 * 党总支) and, keeping it, gets the payment form on a member's year. A secretary's roster shows the
 * seeded 流动党员 with where they are, on the list and on their page.
 */
import { pageAtRest } from './layout-check'
import { startE2ESession } from './session'

const INSTRUCTOR = 'o_demo_m_instructor_01'
const GB_SECRETARY = 'o_demo_m_yz_high_01'
const SECRETARY = 'o_demo_m_shiyan_01'

jest.setTimeout(180_000)

const session = startE2ESession()

/** The element on the page in front: Taro's H5 keeps the pages below it in the document, hidden. */
const shown = (testId: string) => session.browser.page.locator(`[data-testid="${testId}"]:visible`)
/**
 * Until the page slid in has come to rest: Taro's H5 router takes no other navigation while one runs, so
 * a back (or the next persona's picker) started mid-slide is lost and the page under it never shows.
 */
const atRest = () => session.browser.page.waitForFunction(pageAtRest, undefined, { polling: 100 })

test('the instructor reads the dues of the branches they guide, and only those: nothing to record', async () => {
  const { page } = session.browser
  await session.actAs(INSTRUCTOR)
  await shown('mine-entry-dues-overseen').click()
  const branches = shown('overseen-branch')
  await branches.filter({ hasText: '山区学校联合支部' }).waitFor()
  await branches.filter({ hasText: '职业中学党支部' }).waitFor()
  expect(await branches.count()).toBe(2)

  await branches.filter({ hasText: '山区学校联合支部' }).click()
  await page.waitForURL(/lifecycle\/pages\/dues-branch\/index\?branchId=org_b_shanqu/)
  const firstMember = shown('dues-branch-members').locator('[data-testid^="dues-member-"]').first()
  await firstMember.waitFor()
  // Guiding is reading: no arrears list to act on, and a member's year has no payment form.
  expect(await shown('dues-arrears').count()).toBe(0)
  await firstMember.click()
  await page.waitForURL(/lifecycle\/pages\/dues-member\/index\?memberId=m_shanqu_/)
  await page.locator('[data-testid^="dues-month-"]:visible').first().waitFor()
  expect(await shown('dues-pay-form').count()).toBe(0)
  await session.back()
  await shown('dues-branch-members').waitFor()
})

test("the 总支书记 keeps the dues of a branch under their 党总支: the member's year has the payment form", async () => {
  const { page } = session.browser
  await session.actAs(GB_SECRETARY)
  await shown('mine-entry-dues-overseen').click()
  const branches = shown('overseen-branch')
  await branches.filter({ hasText: '第一中学高中部党支部' }).waitFor()
  await branches.filter({ hasText: '第一中学初中部党支部' }).waitFor()
  expect(await branches.filter({ hasText: '实验小学党支部' }).count()).toBe(0)
  await branches.filter({ hasText: '第一中学初中部党支部' }).click()
  await page.waitForURL(/lifecycle\/pages\/dues-branch\/index\?branchId=org_b_yz_junior/)
  await shown('dues-branch-members').locator('[data-testid^="dues-member-"]').first().click()
  await page.waitForURL(/lifecycle\/pages\/dues-member\/index\?memberId=m_yz_junior_/)
  await shown('dues-pay-form').waitFor()
  await session.back()
  await shown('dues-branch-members').waitFor()
})

test("the instructor reads a guided branch's transfers and 流动党员: no 登记转入, no 登记返回", async () => {
  const { page } = session.browser
  await session.actAs(INSTRUCTOR)
  await shown('mine-entry-transfers-overseen').click()
  await shown('overseen-branch').filter({ hasText: '山区学校联合支部' }).click()
  await page.waitForURL(/transfers\/pages\/index\/index\?branchId=org_b_shanqu/)
  await shown('transfers-floating').click()
  await page.waitForURL(/transfers\/pages\/floating\/index\?branchId=org_b_shanqu/)
  // The seeded member 跟岗学习 in 杭州.
  await shown('floating-row').filter({ hasText: '杭州市上城区（跟岗学习）' }).waitFor()
  expect(await shown('floating-back').count()).toBe(0)
  await session.back()
  await shown('transfers').waitFor()
  expect(await shown('transfers-incoming').count()).toBe(0)
  await atRest()
})

test('the roster and the member page show the 流动党员 and where they are', async () => {
  const { page } = session.browser
  await session.actAs(SECRETARY)
  await shown('mine-entry-branch-roster').click()
  const away = page.locator('[data-testid="member-row"][data-member-id="m_shiyan_07"]:visible')
  await away.getByTestId('member-row-floating').filter({ hasText: '流动党员 · 四川省凉山州昭觉县（支教）' }).waitFor()
  // Only the member away carries the badge.
  expect(await shown('member-row-floating').count()).toBe(1)
  await away.click()
  await page.waitForURL(/roster\/pages\/member\/index\?memberId=m_shiyan_07/)
  await shown('member-floating-badge').filter({ hasText: '流动党员 · 四川省凉山州昭觉县（支教）' }).waitFor()
  await shown('member-floating-where').filter({ hasText: '在昭觉县民族中学党支部参加组织生活' }).waitFor()
})
