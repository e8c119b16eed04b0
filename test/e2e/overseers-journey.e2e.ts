/**
 * The overseers' 党费 and 组织关系转接 in the H5 build against the real emulator and its demo seed, through
 * screens only: the 党建指导员 opens 党费收缴（所辖支部） from 我的 → 管理, sees only the two branches they
 * guide, opens 山区学校联合支部's sheet and a member's year with nothing to record; 组织关系转接（所辖支部）
 * opens 职业中学党支部's transfers with no 登记转入. The 总支书记 picks 第一中学初中部党支部 (under their
 * 党总支) and, keeping it, gets the payment form on a member's year. A secretary's roster shows the
 * seeded 流动党员 with where they are, on the list and on their page.
 */
import { startE2ESession } from './session'

const INSTRUCTOR = 'o_demo_m_instructor_01'
const GB_SECRETARY = 'o_demo_m_yz_high_01'
const SECRETARY = 'o_demo_m_shiyan_01'

jest.setTimeout(180_000)

const session = startE2ESession()

test('the instructor reads the dues and transfers of the branches they guide, and only those', async () => {
  const { page } = session.browser
  await session.actAs(INSTRUCTOR)
  await page.getByTestId('mine-entry-dues-overseen').click()
  const branches = page.getByTestId('overseen-branch')
  await branches.filter({ hasText: '山区学校联合支部' }).waitFor()
  await branches.filter({ hasText: '职业中学党支部' }).waitFor()
  expect(await branches.count()).toBe(2)

  await branches.filter({ hasText: '山区学校联合支部' }).click()
  await page.waitForURL(/lifecycle\/pages\/dues-branch\/index\?branchId=org_b_shanqu/)
  const firstMember = page.getByTestId('dues-branch-members').locator('[data-testid^="dues-member-"]').first()
  await firstMember.waitFor()
  // Guiding is reading: no arrears list to act on, and a member's year has no payment form.
  expect(await page.getByTestId('dues-arrears').count()).toBe(0)
  await firstMember.click()
  await page.waitForURL(/lifecycle\/pages\/dues-member\/index\?memberId=m_shanqu_/)
  await page.locator('[data-testid^="dues-month-"]').first().waitFor()
  expect(await page.getByTestId('dues-pay-form').count()).toBe(0)

  await session.actAs(INSTRUCTOR)
  await page.getByTestId('mine-entry-transfers-overseen').click()
  await page.getByTestId('overseen-branch').filter({ hasText: '职业中学党支部' }).click()
  await page.waitForURL(/transfers\/pages\/index\/index\?branchId=org_b_zhizhong/)
  await page.getByTestId('transfers-floating').waitFor()
  expect(await page.getByTestId('transfers-incoming').count()).toBe(0)
})

test("the 总支书记 keeps the dues of a branch under their 党总支: the member's year has the payment form", async () => {
  const { page } = session.browser
  await session.actAs(GB_SECRETARY)
  await page.getByTestId('mine-entry-dues-overseen').click()
  const branches = page.getByTestId('overseen-branch')
  await branches.filter({ hasText: '第一中学高中部党支部' }).waitFor()
  await branches.filter({ hasText: '第一中学初中部党支部' }).waitFor()
  expect(await branches.filter({ hasText: '实验小学党支部' }).count()).toBe(0)
  await branches.filter({ hasText: '第一中学初中部党支部' }).click()
  await page.waitForURL(/lifecycle\/pages\/dues-branch\/index\?branchId=org_b_yz_junior/)
  await page.getByTestId('dues-branch-members').locator('[data-testid^="dues-member-"]').first().click()
  await page.waitForURL(/lifecycle\/pages\/dues-member\/index\?memberId=m_yz_junior_/)
  await page.getByTestId('dues-pay-form').waitFor()
})

test('the roster and the member page show the 流动党员 and where they are', async () => {
  const { page } = session.browser
  await session.actAs(SECRETARY)
  await page.getByTestId('mine-entry-branch-roster').click()
  const away = page.locator('[data-testid="member-row"][data-member-id="m_shiyan_07"]')
  await away.getByTestId('member-row-floating').filter({ hasText: '流动党员 · 四川省凉山州昭觉县（支教）' }).waitFor()
  // Only the member away carries the badge.
  expect(await page.getByTestId('member-row-floating').count()).toBe(1)
  await away.click()
  await page.waitForURL(/roster\/pages\/member\/index\?memberId=m_shiyan_07/)
  await page.getByTestId('member-floating-badge').filter({ hasText: '流动党员 · 四川省凉山州昭觉县（支教）' }).waitFor()
  await page.getByTestId('member-floating-where').filter({ hasText: '在昭觉县民族中学党支部参加组织生活' }).waitFor()
})
