/**
 * The 党费 journey in the H5 build against the real emulator and its demo seed, through screens
 * only: a 实验小学 member opens 我的党费 and sees this month's 45.00 元 (4,500 元 base) not yet paid;
 * the secretary opens 党费收缴 from 我的 → 管理, opens the member, ticks the month, records a cash
 * payment and confirms it with a double tap (recorded once); the member then sees the month paid.
 * The seed pays every member through last month, so "this month" is whatever the suite's instant is.
 */
import { startE2ESession } from './session'

const MEMBER = 'o_demo_m_shiyan_06'
const SECRETARY = 'o_demo_m_shiyan_01'

jest.setTimeout(180_000)

const session = startE2ESession()

test('a member sees their dues, the secretary records the payment once, the member sees it paid', async () => {
  const { page } = session.browser
  const month = new Date(session.now() + 8 * 3_600_000).toISOString().slice(0, 7)

  await session.actAs(MEMBER)
  await page.getByTestId('mine-open-dues').click()
  await page.getByTestId('dues-monthly').filter({ hasText: '45.00 元' }).waitFor()
  const row = page.getByTestId(`dues-month-${month}`)
  await row.filter({ hasText: '应交 45.00' }).filter({ hasText: '未交' }).waitFor()

  await session.actAs(SECRETARY)
  await page.getByTestId('mine-entry-dues').click()
  const line = page.getByTestId('dues-member-m_shiyan_06')
  await line.filter({ hasText: '未交' }).waitFor()
  await line.click()
  await page.getByTestId('dues-pay-form').waitFor()
  await page.getByTestId(`dues-month-${month}`).click()
  await page.getByTestId('dues-pay-form').filter({ hasText: '已选 1 个月，应交 45.00 元' }).waitFor()
  await page.getByTestId('dues-pay-submit').click()
  await page.getByTestId('confirm-dialog').filter({ hasText: '应交 45.00 元' }).waitFor()
  // A double tap on 确认记录: one payment.
  await page.getByTestId('confirm-dialog-confirm').dblclick()
  await page.getByTestId(`dues-month-${month}`).filter({ hasText: '已交 45.00' }).filter({ hasText: '已交' }).waitFor()
  expect(await page.getByTestId(`dues-month-${month}`).textContent()).not.toContain('90.00')
  await session.back()
  await page.getByTestId('dues-member-m_shiyan_06').filter({ hasText: '已交 45.00 元' }).waitFor()

  await session.actAs(MEMBER)
  await page.getByTestId('mine-open-dues').click()
  await page.getByTestId(`dues-month-${month}`).filter({ hasText: '已交 45.00' }).waitFor()
  expect(await page.getByTestId('dues-arrears-notice').count()).toBe(0)
})
