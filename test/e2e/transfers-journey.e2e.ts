/**
 * The 组织关系转接 journey in the H5 build against the real emulator and its demo seed, through
 * screens only: the 实验小学 secretary opens 组织关系转接 from 我的, withdraws the seeded letter of
 * 党员 m_shiyan_09 (撤销, with a reason), issues them a new 介绍信 from their member page, records
 * the 回执 → they are gone from the roster and their page shows 已停用 with the 转出 in its history;
 * then registers 周明远 coming in from outside the county, records their 报到 → they are on the
 * roster, and their page offers 生成绑定邀请. The seeded 流动党员 shows on the 流动党员 page.
 */
import { addDays, shanghaiDate } from '../../cloudfunctions/domain/time'
import { startE2ESession } from './session'

const SECRETARY = 'o_demo_m_shiyan_01'
const LEAVING = 'o_demo_m_shiyan_09'

jest.setTimeout(180_000)

const session = startE2ESession()

test('a secretary issues a 介绍信, records the 回执, and an incoming member 报到 onto the roster', async () => {
  const { page } = session.browser
  const leaving = await session.nameOf(LEAVING)
  // The suite's instant, which the demo is seeded from: its letters are dated back from it.
  const today = shanghaiDate(session.now())
  const issuedOn = addDays(today, -2)
  await session.actAs(SECRETARY)

  // 我的 → 管理 → 组织关系转接: the seeded open letter and pending 转入.
  await page.getByTestId('mine-entry-transfers').click()
  const leavingRow = () => page.getByTestId('transfer-row').filter({ hasText: `转出 · ${leaving}` })
  await leavingRow().getByText('待回执').waitFor()
  await page.getByTestId('transfer-row').filter({ hasText: '转入 · 林书航' }).getByText('待报到').waitFor()

  // 撤销 the seeded letter (the member changed their mind): a reason is required.
  await leavingRow().getByTestId('transfer-cancel').click()
  await page.getByTestId('confirm-dialog-reason').locator('textarea, input').first().fill('本人放弃调动')
  await page.getByTestId('confirm-dialog-confirm').click()
  await leavingRow().waitFor({ state: 'detached' })
  await page.getByTestId('transfers-all').click()
  await leavingRow().filter({ hasText: '撤销原因：本人放弃调动' }).getByText('已撤销').waitFor()

  // From the member's page: 开具介绍信 to an organisation outside the county.
  await leavingRow().click()
  await page.waitForURL(/roster\/pages\/member\/index\?memberId=m_shiyan_09/)
  await page.getByTestId('member-transfer').getByText('已撤销').waitFor()
  await page.getByTestId('action-transfer-letter').click()
  await page.getByTestId('letter-member').filter({ hasText: leaving }).waitFor()
  await session.typeInto('letter-no', '实党转〔2026〕9号')
  await session.typeInto('letter-counterpart', '杭州市西湖区教育局机关党委')
  await session.typeInto('letter-issued-on', issuedOn)
  await session.typeInto('letter-valid-days', '30')
  await session.submitAndFollow('letter-submit', /roster\/pages\/member\/index\?memberId=m_shiyan_09/)
  await page.getByTestId('member-transfer').filter({ hasText: '实党转〔2026〕9号' }).getByText('待回执').waitFor()

  // Until the 回执 the member is still on the roster; back on 组织关系转接 the letter shows its validity.
  await session.back()
  await page.waitForURL(/transfers\/pages\/index\/index\?branchId=org_b_shiyan/)
  const issued = page.getByTestId('transfer-row').filter({ hasText: '实党转〔2026〕9号' })
  await issued
    .filter({ hasText: `${issuedOn} 开具，有效至 ${addDays(issuedOn, 29)}` })
    .getByText('待回执')
    .waitFor()
  // 回执 recorded with its day: the member leaves the roster.
  await issued.getByTestId('transfer-complete').click()
  await session.typeInto('transfer-complete-on', today)
  await page.getByTestId('confirm-dialog-confirm').click()
  await issued.getByText('已回执').waitFor()
  await issued
    .filter({ hasText: `回执日期：${today}` })
    .getByText('已回执')
    .waitFor()

  // Gone from the branch roster; their page keeps the history.
  await issued.click()
  await page.waitForURL(/roster\/pages\/member\/index\?memberId=m_shiyan_09/)
  await page.getByTestId('member-detail').getByText('已停用').waitFor()
  await page
    .getByTestId('membership-change')
    .filter({ hasText: '转出 实验小学党支部（转往县外）' })
    .filter({ hasText: `原因：转往 杭州市西湖区教育局机关党委（介绍信 实党转〔2026〕9号，${today} 回执）` })
    .waitFor()
  expect(await page.getByTestId('action-transfer-letter').count()).toBe(0)
  await session.actAs(SECRETARY)
  await page.getByTestId('mine-entry-branch-roster').click()
  await page.getByTestId('member-row').first().waitFor()
  await session.typeInto('member-search', leaving)
  await page.getByTestId('page-state-empty').waitFor()
  await session.back()

  // 登记转入: 周明远 comes from outside the county, pending until they 报到. (An earlier 组织关系转接 page
  // may still be in H5's page stack, hidden: the controls of the page on top are the last ones.)
  await page.getByTestId('mine-entry-transfers').click()
  await page.getByTestId('transfers-incoming').last().click()
  await session.typeInto('incoming-name', '周明远')
  await session.typeInto('letter-no', '余教党转〔2026〕8号')
  await session.typeInto('letter-counterpart', '杭州市余杭区教育局党委')
  await session.typeInto('letter-issued-on', addDays(today, -6))
  await session.typeInto('letter-valid-days', '30')
  await session.typeInto('incoming-joined-on', '2012-07-01')
  await session.submitAndFollow('incoming-submit', /transfers\/pages\/index\/index\?branchId=org_b_shiyan/)
  const arriving = page.getByTestId('transfer-row').filter({ hasText: '转入 · 周明远' })
  await arriving.getByText('待报到').waitFor()
  await arriving.getByTestId('transfer-complete').click()
  await session.typeInto('transfer-complete-on', today)
  await page.getByTestId('confirm-dialog-confirm').click()
  await arriving.waitFor({ state: 'detached' })

  // On the roster now; the secretary can invite them to bind WeChat as any member.
  await page.getByTestId('transfers-all').last().click()
  await arriving.getByText('已报到').click()
  await page.waitForURL(/roster\/pages\/member\/index\?memberId=tr-/)
  await page.getByTestId('membership-change').filter({ hasText: '转入 实验小学党支部（由县外转来）' }).waitFor()
  await page.getByTestId('action-invite').waitFor()

  // 流动党员: the seeded member teaching in 昭觉县, and where they take part in Party life.
  await session.back()
  await page.getByTestId('transfers-floating').last().click()
  await page.getByTestId('floating-row').filter({ hasText: '参加组织生活：昭觉县民族中学党支部' }).waitFor()
})
