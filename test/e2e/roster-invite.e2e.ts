/**
 * The roster journey in the H5 build against the real emulator and its demo seed:
 * the secretary of 实验小学党支部 finds a member, adds 测试新党员 and invites them;
 * a brand-new WeChat user opens the link, gets the name wrong once, then binds
 * and sees themselves in 我的. The secretary then removes that WeChat (解除绑定), and once the
 * member has left, bureau staff erase their personal data. A plain member sees no 管理 section.
 */
import { startE2ESession } from './session'

const SHIYAN_SECRETARY = 'o_demo_m_shiyan_01'
const SHIYAN_MEMBER = 'o_demo_m_shiyan_06'
const NEW_MEMBER = '测试新党员'

jest.setTimeout(120_000)

const session = startE2ESession()
const { openPicker, actAs: pickPersona, typeInto } = session

async function rowNames(): Promise<string[]> {
  return session.browser.page.getByTestId('member-row-name').allTextContents()
}

test('a secretary adds and invites a member; a new WeChat user binds with the right name', async () => {
  const { page } = session.browser
  await pickPersona(SHIYAN_SECRETARY)

  // 我的 → 管理 → 本支部党员名册
  await page.getByTestId('mine-entry-branch-roster').click()
  await page.getByTestId('member-row').first().waitFor()
  await page.getByTestId('branch-name').filter({ hasText: '实验小学党支部' }).waitFor()
  // The seed has 10; the import journey, sharing this emulator, may already have added to them.
  const total =
    (await page
      .getByTestId('branch-total')
      .filter({ hasText: /共 \d+ 人/ })
      .textContent()) ?? ''
  expect(Number(/\d+/.exec(total)?.[0])).toBeGreaterThanOrEqual(10)

  // Search (debounced) narrows the roster to one member.
  const [someone] = await rowNames()
  await typeInto('member-search', someone)
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="member-row"]').length === 1, undefined, {
    timeout: 10_000,
  })
  expect(await rowNames()).toEqual([someone])
  await typeInto('member-search', '查无此人')
  await page.getByTestId('page-state-empty').waitFor()

  // 新增党员 with a phone no one else has.
  const phone = '13955501234' // a phone no seeded member has
  await typeInto('member-search', '')
  await page.getByTestId('add-member').click()
  await page.getByTestId('member-form').waitFor()
  await typeInto('input-name', NEW_MEMBER)
  await typeInto('input-phone', phone)
  await page.getByTestId('member-form-submit').click()
  await page.waitForURL(/member\/index\?memberId=/)
  expect(await page.getByTestId('member-name').textContent()).toBe(NEW_MEMBER)

  // Back in the roster, the new member is there; open them.
  await session.back()
  await page.getByTestId('member-row').first().waitFor()
  await typeInto('member-search', NEW_MEMBER)
  const row = page.getByTestId('member-row').filter({ hasText: NEW_MEMBER })
  await row.waitFor()
  expect(await row.getByTestId('member-row-bound').textContent()).toBe('未绑定')
  expect(await row.getByTestId('member-row-phone').textContent()).toBe(phone)
  await row.click()
  await page.getByTestId('member-page').waitFor()

  // 生成绑定邀请 → the invitation page shows the link to send.
  await page.getByTestId('action-invite').click()
  await page.getByTestId('invite-card').waitFor()
  expect(await page.getByTestId('invite-member').textContent()).toBe(NEW_MEMBER)
  expect(await page.getByTestId('invite-expiry').textContent()).toMatch(
    /^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2} 前有效$/,
  )
  const link = (await page.getByTestId('invite-link').textContent())?.trim() ?? ''
  expect(link).toMatch(/\/#\/subpackages\/roster\/pages\/join\/index\?code=[A-Za-z0-9]{16}$/)

  // Face to face: the same invitation as a 小程序码 image that loads.
  await page.getByTestId('invite-qr-show').click()
  const qr = page.getByTestId('invite-qr-image').locator('img')
  await qr.waitFor()
  await page.waitForFunction(
    (img) => img instanceof HTMLImageElement && img.complete && img.naturalWidth > 0,
    await qr.elementHandle(),
  )

  // A brand-new WeChat user opens the link.
  await openPicker()
  await page.getByTestId('persona-new-wechat-user').click()
  await page.waitForURL(/#\/pages\/mine\/index/)
  await page.getByTestId('page-state-not-bound').waitFor()
  // As a scanned 小程序码 would: the code arrives as the page's scene.
  await page.goto(link.replace('?code=', '?scene='))
  await page.getByTestId('join-form').waitFor()
  expect(await page.getByTestId('join-masked-name').textContent()).toBe('测***员')
  expect(await page.getByTestId('join-branch').textContent()).toContain('实验小学党支部')

  // A wrong name keeps the form with the mismatch message.
  await typeInto('join-name', '张三')
  await page.getByTestId('join-submit').click()
  await page.getByTestId('join-name-error').waitFor()
  expect(await page.getByTestId('join-name-error').textContent()).toContain('姓名与邀请不符')

  // The right name binds, then 我的 shows who they now are.
  await typeInto('join-name', NEW_MEMBER)
  await page.getByTestId('join-submit').click()
  await page.getByTestId('join-bound').waitFor()
  await page.waitForURL(/#\/pages\/mine\/index/)
  await page.getByTestId('mine-view').waitFor()
  expect(await page.getByTestId('mine-name').textContent()).toBe(NEW_MEMBER)
  expect(await page.getByTestId('mine-branch').textContent()).toContain('实验小学党支部')

  // The link is spent: opening it again says so.
  await page.goto(link)
  await page.getByTestId('join-refused').waitFor()
  expect(await page.getByTestId('join-refused-title').textContent()).toMatch(/已被使用|已绑定/)
})

test('解除绑定, then 删除个人信息 once the member has left: each asked for first, with a reason', async () => {
  const { page } = session.browser
  const openMember = async () => {
    await page.goto(`${session.base}/#/subpackages/roster/pages/branch/index?branchId=org_b_shiyan`)
    await page.getByTestId('member-row').first().waitFor()
    await typeInto('member-search', NEW_MEMBER)
    await page.getByTestId('member-row').filter({ hasText: NEW_MEMBER }).click()
    await page.getByTestId('member-page').waitFor()
  }
  const confirmWith = async (reason: string) => {
    await page.getByTestId('confirm-dialog').waitFor()
    await typeInto('confirm-dialog-reason', reason)
    await page.getByTestId('confirm-dialog-confirm').click()
    await page.getByTestId('confirm-dialog').waitFor({ state: 'detached' })
  }

  // The secretary: the member bound above changed phones.
  await pickPersona(SHIYAN_SECRETARY)
  await openMember()
  expect(await page.getByTestId('member-bound').textContent()).toBe('已绑定微信')
  await page.getByTestId('action-unbind').click()
  await confirmWith('更换手机和微信')
  await page.getByTestId('member-bound').filter({ hasText: '未绑定' }).waitFor()
  // Unbound, the member can be invited again.
  await page.getByTestId('action-invite').waitFor()

  // The member leaves: 停用.
  await page.getByTestId('action-deactivate').click()
  await confirmWith('调出本县')
  // The member page's own detail (an earlier page in the stack may hold a hidden 已停用 filter chip).
  await page.getByTestId('member-detail').filter({ hasText: '已停用' }).waitFor()
  expect(await page.getByTestId('action-erase').count()).toBe(0) // only bureau staff erase

  // Bureau staff erase the departed member's personal data; the record stays under a placeholder.
  await pickPersona('o_demo_m_bureau_01')
  await page.goto(`${session.base}/#/subpackages/roster/pages/branch/index?branchId=org_b_shiyan`)
  await page.getByTestId('member-row').first().waitFor()
  await page.getByTestId('toggle-inactive').click()
  await typeInto('member-search', NEW_MEMBER)
  await page.getByTestId('member-row').filter({ hasText: NEW_MEMBER }).click()
  await page.getByTestId('member-page').waitFor()
  await page.getByTestId('action-erase').click()
  await confirmWith('本人申请删除')
  await page.getByTestId('member-name').filter({ hasText: '已删除党员' }).waitFor()
  expect(await page.getByTestId('action-erase').count()).toBe(0)
})

test('a revoked invitation tells the invitee so', async () => {
  const { page } = session.browser
  await pickPersona(SHIYAN_SECRETARY)
  await page.goto(`${session.base}/#/subpackages/roster/pages/member/index?branchId=org_b_shiyan`)
  await page.getByTestId('member-form').waitFor()
  await typeInto('input-name', '测试撤销')
  await page.getByTestId('member-form-submit').click()
  await page.waitForURL(/member\/index\?memberId=/)
  await page.getByTestId('action-invite').click()
  const link = (await page.getByTestId('invite-link').textContent())?.trim() ?? ''

  // Revoking is destructive: it asks first.
  await page.getByTestId('invite-revoke').click()
  await page.getByTestId('confirm-dialog').waitFor()
  await page.getByTestId('confirm-dialog-confirm').click()
  await page.getByTestId('invite-revoked').waitFor()

  await openPicker()
  await page.getByTestId('persona-new-wechat-user').click()
  await page.waitForURL(/#\/pages\/mine\/index/)
  await page.goto(link)
  await page.getByTestId('join-refused').waitFor()
  expect(await page.getByTestId('join-refused-title').textContent()).toBe('邀请已撤销')
})

test('a plain member sees no 管理 section in 我的', async () => {
  const { page } = session.browser
  await pickPersona(SHIYAN_MEMBER)
  await page.getByTestId('mine-view').waitFor()
  expect(await page.getByTestId('mine-manage').count()).toBe(0)
})
