/**
 * 党员示范岗 and 结对帮扶 in the H5 build against the real emulator and its demo seed, through screens only:
 * the secretary of 实验小学党支部 designates a member to a 示范岗 (post, 承诺, period); the post shows on the
 * branch's page (党员名册 → 党员示范岗), on the member's roster page and on the member's own 我的; the member
 * records a deed under it.
 * The secretary pairs the member with a family and the branch with 第一中学高中部党支部; the member records a
 * visit of their pair; the partner branch's secretary sees the branch pair on their own 结对帮扶 list.
 */
import { pickOption, shownIn } from './picker'
import { startE2ESession } from './session'

const SECRETARY = 'o_demo_m_shiyan_01'
const MEMBER = 'o_demo_m_shiyan_06'
const PARTNER_SECRETARY = 'o_demo_m_yz_high_01'
const POST = '校园阅读推广示范岗'
const FAMILY = '城关镇小周家（留守儿童家庭）'
const PARTNER = '第一中学高中部党支部'

jest.setTimeout(240_000)

const session = startE2ESession()

test('a 示范岗 designated, shown on the member’s and the branch’s pages, a deed recorded; pairs of a member and of two branches with a visit', async () => {
  const { page } = session.browser
  const shown = (testId: string) => shownIn(page, testId)

  // The member's name, as 我的 shows it (the secretary picks them by it).
  await session.actAs(MEMBER)
  const name = ((await page.getByTestId('mine-name').textContent()) ?? '').trim()
  expect(name.length).toBeGreaterThan(1)

  // The secretary: 我的 → 党员示范岗 → 设岗定责.
  await session.actAs(SECRETARY)
  await page.getByTestId('mine-open-posts').click()
  await shown('designate-form').waitFor()
  await pickOption(page, 'designate-member', name)
  await shown('designate-kind-model_post').click()
  await session.typeInto('designate-post', POST)
  await shown('designate-commitment').locator('textarea').fill('每周在图书室组织一次读书分享，带动学生每天阅读半小时。')
  await shown('designate-submit').click()
  await shown('posts-branch-row').filter({ hasText: POST }).waitFor()

  // The branch's page: 我的 → 党员名册 → 党员示范岗 lists it with the member and the commitment.
  await session.actAs(SECRETARY)
  await page.getByTestId('mine-entry-branch-roster').click()
  await shown('branch-model-posts').click()
  const onBranch = shown('posts-branch-row').filter({ hasText: POST })
  await onBranch.waitFor()
  expect(await onBranch.textContent()).toContain('每周在图书室组织一次读书分享')
  // The member's roster page shows it too: 党员名册 → the member.
  await session.actAs(SECRETARY)
  await page.getByTestId('mine-entry-branch-roster').click()
  await shown('member-row').filter({ hasText: name }).first().click()
  await shown('member-posts-row').filter({ hasText: POST }).waitFor()

  // The member: the post on 我的, then 记录履诺 under it.
  await session.actAs(MEMBER)
  await page.getByTestId('mine-posts-row').filter({ hasText: POST }).waitFor()
  await page.getByTestId('mine-open-posts').click()
  const mine = shown('posts-mine-row').filter({ hasText: POST })
  await mine.filter({ hasText: '已记录履诺 0 次' }).waitFor()
  await mine.getByTestId('posts-record-deed').click()
  await shown('deed-form-text').locator('textarea').fill('组织四年级读书分享会，30名学生参加，推荐书目10本。')
  await shown('deed-form-submit').click()
  await shown('posts-mine-row').filter({ hasText: POST }).filter({ hasText: '已记录履诺 1 次' }).waitFor()

  // The secretary: 我的 → 结对帮扶 → a member with a family, then the branch with another branch.
  await session.actAs(SECRETARY)
  await page.getByTestId('mine-open-pairs').click()
  await shown('pair-form').waitFor()
  await shown('pair-kind-member_family').click()
  await pickOption(page, 'pair-member', name)
  await session.typeInto('pair-label', FAMILY)
  await shown('pair-submit').click()
  await shown('pairs-row').filter({ hasText: FAMILY }).filter({ hasText: '本年未走访' }).waitFor()
  await shown('pair-kind-branch_branch').click()
  await pickOption(page, 'pair-partner-branch', PARTNER)
  await shown('pair-submit').click()
  await shown('pairs-row').filter({ hasText: PARTNER }).waitFor()

  // The member records a visit of their pair: the row counts it.
  await session.actAs(MEMBER)
  await page.getByTestId('mine-open-pairs').click()
  const pair = shown('pairs-row').filter({ hasText: FAMILY })
  await pair.getByTestId('pairs-record-visit').click()
  await shown('visit-form-text').locator('textarea').fill('家访小周，检查寒假阅读计划，与奶奶交流孩子在校表现。')
  await shown('visit-form-submit').click()
  await shown('pairs-row').filter({ hasText: FAMILY }).filter({ hasText: '走访 1 次' }).waitFor()

  // The partner branch's secretary sees the pair on their own list, named by the branch that made it.
  await session.actAs(PARTNER_SECRETARY)
  await page.getByTestId('mine-open-pairs').click()
  await shown('pairs-row').filter({ hasText: '实验小学' }).filter({ hasText: '支部结对共建' }).waitFor()
})
