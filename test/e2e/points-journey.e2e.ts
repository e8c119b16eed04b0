/**
 * The points journey in the H5 build against the real emulator and its demo seed:
 * a member of 实验小学党支部 checks in on the open study task with a 心得 and sees
 * their 积分 and rank rise; the secretary awards volunteer points with a reason,
 * picking the member from the roster; bureau staff see the branch's figures change.
 */
import { startE2ESession } from './session'

const SECRETARY = 'o_demo_m_shiyan_01'
const MEMBER = 'o_demo_m_shiyan_06'
const BUREAU = 'o_demo_m_bureau_01'
const BRANCH = '实验小学党支部'
const OPEN_TASK = '学习《中国共产党章程》'
const NOTE = '认真学习了党章总纲和党员的义务与权利，要在教书育人中做到学思践悟、知行合一。'

jest.setTimeout(180_000)

const session = startE2ESession()
const { actAs: pickPersona } = session

/**
 * 积分 as the page shows it after this visit's own myPoints answer. The tab page stays
 * mounted between visits (Taro keeps tab pages alive) and shows its last figures until the
 * reload on show answers, so reading the text right after navigating could read the
 * previous visit's figure: wait for this visit's answer and for the page to show it.
 */
async function myPoints(): Promise<{ points: number; rank: number }> {
  const { page } = session.browser
  const answered = page.waitForResponse(
    (res) => res.url().endsWith('/api/functions/points') && res.request().postDataJSON()?.action === 'myPoints',
  )
  await page.goto(`${session.base}/#/pages/points/index`)
  const body = (await (await answered).json()) as { ok: boolean; data: { points: number } }
  if (!body.ok) throw new Error(`myPoints failed: ${JSON.stringify(body)}`)
  await page
    .getByTestId('my-points')
    .filter({ hasText: new RegExp(`^本年度积分 ${body.data.points}$`) })
    .waitFor()
  const points = (await page.getByTestId('my-points').textContent()) ?? ''
  const rank = (await page.getByTestId('my-rank').textContent()) ?? ''
  return { points: Number(/-?\d+/.exec(points)?.[0]), rank: Number(/第(\d+)名/.exec(rank)?.[1]) }
}

async function branchFigures(): Promise<{ average: string; participation: string; total: number }> {
  const { page } = session.browser
  await page.goto(`${session.base}/#/pages/points/index`)
  await page.getByTestId('points-entry-leaderboard').click()
  await page.getByTestId('board-branches').click()
  // The shown page's rows: bureau staff's 积分 tab, kept hidden under the leaderboard, ranks branches too.
  const row = page.locator('[data-testid="branch-row"]:visible').filter({ hasText: BRANCH })
  await row.waitFor()
  return {
    average: (await row.getByTestId('branch-average').textContent()) ?? '',
    participation: (await row.getByTestId('branch-participation').textContent()) ?? '',
    total: Number(await row.getByTestId('branch-total').textContent()),
  }
}

test('a member studies and rises; the secretary awards volunteer points; the bureau sees the branch change', async () => {
  const { page } = session.browser
  const memberName = await session.nameOf(MEMBER)

  // Bureau staff: the branch leaderboard before.
  await pickPersona(BUREAU)
  const before = await branchFigures()

  // The member: points and rank before, then the open task, a 心得 and 打卡.
  await pickPersona(MEMBER)
  const mine = await myPoints()
  await page.goto(`${session.base}/#/pages/study/index`)
  await page.getByTestId('study-task').filter({ hasText: OPEN_TASK }).click()
  await page.getByTestId('checkin-form').waitFor()
  await page.locator('[data-testid="study-note"] textarea').fill('学习了党章')
  expect(await page.getByTestId('note-hint').textContent()).toMatch(/还需 \d+ 字/)
  expect(await page.getByTestId('study-submit').getAttribute('disabled')).not.toBeNull()
  await page.locator('[data-testid="study-note"] textarea').fill(NOTE)
  expect(await page.getByTestId('note-hint').textContent()).toBe(`已写 ${[...NOTE].length} 字`)
  await page.getByTestId('study-submit').click()
  await page.getByTestId('study-submit').filter({ hasText: '保存修改' }).waitFor()
  const studied = await myPoints()
  expect(studied.points).toBe(mine.points + 1)
  expect(studied.rank).toBeLessThanOrEqual(mine.rank)

  // A moment later (not minutes: at 23:59 on 31 December that would start a new 本年度), the
  // secretary: 发放积分 → 志愿服务 to the member, found by name, with a reason.
  await session.setNow(session.now() + 1_000)
  await pickPersona(SECRETARY)
  await page.goto(`${session.base}/#/pages/points/index`)
  await page.getByTestId('points-entry-award').click()
  await page.getByTestId('award-form').waitFor()
  expect(await page.getByTestId('award-rule').textContent()).toBe('志愿服务')
  expect(await page.getByTestId('award-submit').getAttribute('disabled')).not.toBeNull()
  await page.locator('[data-testid="award-member-search"] input').fill(memberName)
  await page.getByTestId('award-member-option').filter({ hasText: memberName }).first().click()
  expect(await page.getByTestId('award-chosen').textContent()).toContain(memberName)
  await page.locator('[data-testid="award-reason"] input').fill('周末参加社区义务辅导')
  await page.getByTestId('award-submit').click()
  // The form clears after a successful award.
  await page.getByTestId('member-picker').waitFor()
  expect(await page.getByTestId('award-error').count()).toBe(0)

  // The member sees the volunteer entry with its reason and the new total.
  await pickPersona(MEMBER)
  const awarded = await myPoints()
  expect(awarded.points).toBe(studied.points + 2)
  expect(awarded.rank).toBeLessThanOrEqual(studied.rank)
  // By its reason, not its place: another journey on this shared emulator may have left an entry of this
  // member dated after the instant this one runs at (the 志愿服务 journey credits hours tomorrow).
  expect(await page.getByTestId('points-entry').filter({ hasText: '周末参加社区义务辅导' }).count()).toBe(1)
  console.log(
    `member ${memberName}: ${mine.points} → ${studied.points} → ${awarded.points} points, rank ${mine.rank} → ${studied.rank} → ${awarded.rank}`,
  )

  // Bureau staff: the branch's total went up by 3 (1 study + 2 volunteer), and its average with it.
  await pickPersona(BUREAU)
  const after = await branchFigures()
  expect(after.total).toBe(before.total + 3)
  expect(Number(after.average)).toBeGreaterThan(Number(before.average))
  console.log(
    `${BRANCH}: total ${before.total} → ${after.total}, average ${before.average} → ${after.average}, participation ${before.participation} → ${after.participation}`,
  )
  await page.screenshot({ path: '/tmp/shots/e2e-branch-board.png', fullPage: true })
})
