/**
 * The 民主评议 journey in the H5 build against the emulator and its demo seed, through screens only:
 * the 山区学校联合支部 secretary opens the year's round from 我的 → 年度工作 → 民主评议; five members
 * sign in on their phones and vote (one 等次 for everyone appraised, confirmed, final), and a second
 * visit shows 您已投票; once voting has closed (both clocks moved past it) the secretary's results
 * page shows the counts of each 等次 with no voter named, and records the 党员大会's decision within
 * the 优秀 cap; the bureau's year view then shows the branch's 民主评议 as 等次已确定, 调阅 opens the
 * branch's page, and 提醒书记 reaches its secretary once a day.
 */
import { asPersona } from './app-pages'
import { startE2ESession } from './session'

jest.setTimeout(300_000)

const session = startE2ESession()
const BRANCH = 'org_b_shanqu'
const BUREAU = 'o_demo_m_bureau_01'
const openidOf = (memberId: string) => `o_demo_${memberId}`

type Members = { items: { id: string; name: string; memberType: string; committeePosition: string | null }[] }

test('a secretary runs a 民主评议 round, five members vote on their phones, the results show tallies without names, the bureau sees the branch done', async () => {
  const { page } = session.browser
  const roster = await asPersona<Members>(session.base, BUREAU, 'roster', 'listMembers', {
    branchId: BRANCH,
    page: 1,
    pageSize: 50,
  })
  if (!roster.ok) throw new Error(`roster: ${roster.error.code}`)
  const secretary = roster.data.items.find((m) => m.committeePosition === 'secretary')
  if (!secretary) throw new Error('山区 has no secretary in the seed')
  const voters = roster.data.items.filter((m) => m.memberType === 'formal' && m.id !== secretary.id).slice(0, 5)
  expect(voters).toHaveLength(5)

  // The secretary opens the round from 我的, voting from now for three days.
  await session.actAs(openidOf(secretary.id))
  await page.getByTestId('mine-open-yearly').click()
  await page.getByTestId('yearly-entry-appraisal').click()
  await page.getByTestId('appraisal-open-form').waitFor()
  await page.getByTestId('appraisal-open').click()
  await page.getByTestId('appraisal-round').waitFor()
  expect(await page.getByTestId('appraisal-round-phase').textContent()).toBe('民主测评中')
  const votersTotal = Number(((await page.getByTestId('appraisal-voted-count').textContent()) ?? '').split('/')[1])
  expect(await page.getByTestId('appraisal-voted-count').textContent()).toBe(`0/${votersTotal}`)
  await page.screenshot({ path: '/tmp/shots/e2e-appraisal-opened.png', fullPage: true })

  // Five members vote on their own phones: the first appraised gets 优秀 from the first two voters.
  for (const [index, voter] of voters.entries()) {
    await session.signInAs(openidOf(voter.id))
    await page.getByTestId('mine-open-yearly').click()
    await page.getByTestId('yearly-entry-appraisal').click()
    await page.getByTestId('appraisal-go-vote').click()
    const people = page.getByTestId('vote-person')
    await people.first().waitFor()
    const count = await people.count()
    for (let i = 0; i < count; i++) {
      await people
        .nth(i)
        .getByTestId(i === 0 && index < 2 ? 'vote-excellent' : 'vote-qualified')
        .click()
    }
    if (index === 0) await page.screenshot({ path: '/tmp/shots/e2e-appraisal-ballot.png', fullPage: true })
    await page.getByTestId('vote-submit').click()
    await page.getByTestId('confirm-dialog-confirm').click()
    await page.getByTestId('vote-done').waitFor()
  }
  // A second visit cannot vote again: the page says so, and offers no ballot.
  await page.goto(`${session.base}/#/subpackages/yearly-cycle/pages/appraisal/index`)
  await page.getByTestId('appraisal-voted').waitFor()
  expect(await page.getByTestId('appraisal-go-vote').count()).toBe(0)

  // The secretary sees who voted by count, then voting closes for the server and the page alike.
  await session.actAs(openidOf(secretary.id))
  await page.getByTestId('mine-open-yearly').click()
  await page.getByTestId('yearly-entry-appraisal').click()
  await page
    .getByTestId('appraisal-voted-count')
    .filter({ hasText: `5/${votersTotal}` })
    .waitFor()
  await session.setNow(session.now() + 8 * 86_400_000)
  await page.reload()
  await page.getByTestId('appraisal-results-entry').click()

  // Counts of each 等次 per member appraised, five ballots, and no voter named anywhere on the page.
  const rows = page.getByTestId('results-row')
  await rows.first().waitFor()
  expect(await page.getByTestId('results-ballots').textContent()).toBe(`收回测评票 5 张（应投 ${votersTotal} 张）`)
  const counts = async (row: number) =>
    Object.fromEntries(
      await Promise.all(
        ['excellent', 'qualified', 'basic', 'unqualified'].map(async (grade) => [
          grade,
          Number(((await rows.nth(row).getByTestId(`results-${grade}`).textContent()) ?? '').replace(/\D/g, '')),
        ]),
      ),
    )
  expect(await counts(0)).toEqual({ excellent: 2, qualified: 3, basic: 0, unqualified: 0 })
  for (let i = 1; i < (await rows.count()); i++) {
    expect(await counts(i)).toEqual({ excellent: 0, qualified: 5, basic: 0, unqualified: 0 })
  }
  const text = (await page.getByTestId('results-tally').textContent()) ?? ''
  expect(text).not.toMatch(/投票人|投给|评了/)
  await page.screenshot({ path: '/tmp/shots/e2e-appraisal-results.png', fullPage: true })

  // The 党员大会's decision: the first appraised 优秀 (within the cap), the others 合格.
  const decide = page.getByTestId('decide-row')
  await decide.first().getByTestId('decide-excellent').click()
  expect(await page.getByTestId('results-cap').textContent()).toMatch(/^优秀 1 名，至多 \d+ 名$/)
  await page.getByTestId('results-decide-submit').click()
  await page.getByTestId('confirm-dialog-confirm').click()
  await page.getByTestId('results-decided').first().waitFor()
  expect(await page.getByTestId('results-decided').first().textContent()).toBe('评定：优秀')

  // The bureau's year view: 山区's 民主评议 is done.
  await session.actAs(BUREAU)
  await page.getByTestId('mine-entry-bureau').click()
  await page.getByTestId('link-year').click()
  const row = page.locator(`[data-testid="year-row"][data-branch="${BRANCH}"]`)
  await row.waitFor()
  expect(await row.getByTestId('year-appraisal').textContent()).toBe('民主评议 等次已确定')
  await page.screenshot({ path: '/tmp/shots/e2e-appraisal-year.png', fullPage: true })

  // 调阅: the branch's own 民主评议 page, read-only for the bureau, shows the decided counts.
  await row.getByTestId('year-open-appraisal').click()
  await page.getByTestId('appraisal-round-phase').filter({ hasText: '等次已确定' }).waitFor()
  expect(await page.getByTestId('appraisal-remind').count()).toBe(0)
  // 提醒书记 of what 山区's year still owes (its talks have barely begun): confirmed, then sent once today.
  await session.back()
  await row.getByTestId('year-remind').click()
  await page.getByTestId('confirm-dialog-confirm').click()
  await page.getByText(/^已提醒山区学校联合支部书记：/).waitFor()
  await row.getByTestId('year-remind').click()
  await page.getByTestId('confirm-dialog-confirm').click()
  await page.getByText('今天已经提醒过，请明天再试').first().waitFor()
})
