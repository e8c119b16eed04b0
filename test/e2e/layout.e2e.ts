/**
 * Every page of every persona at 375×667, normal and in 关怀模式: no text that
 * overflows its box or is cut off, no tap target under 44 px (48 px in 关怀模式),
 * no text a user reads under 12 px, no text fainter than 4.5:1 against what is
 * behind it (test/e2e/layout-check.ts). The pages are those the persona can
 * reach, opened with the seeded demo's own ids (test/e2e/app-pages.ts).
 */
import { type AppPage, asPersona, pagesOf } from './app-pages'
import { CARE, formatProblems, type LayoutProblem, layoutProblems, NORMAL, waitUntilAtRest } from './layout-check'
import { startE2ESession } from './session'

jest.setTimeout(180_000)

const session = startE2ESession()

/** Who walks: a member, a committee member, a branch secretary, a general-branch secretary, an instructor, bureau staff. */
const PERSONAS: [name: string, openid: string][] = [
  ['党员', 'o_demo_m_shiyan_06'],
  ['组织委员', 'o_demo_m_shiyan_02'],
  ['支部书记', 'o_demo_m_shiyan_01'],
  ['总支书记', 'o_demo_m_yz_high_01'],
  ['党建指导员', 'o_demo_m_instructor_01'],
  ['教育局党委', 'o_demo_m_bureau_01'],
]

/** Opens each page and collects what the layout check finds, named by page. */
async function walk(pages: AppPage[], care: boolean): Promise<string[]> {
  const { page } = session.browser
  const found: string[] = []
  for (const target of pages) {
    await page.goto(`${session.base}/#${target.path}`)
    await waitUntilAtRest(page)
    // 关怀模式 is the member's stored choice, applied by the app: every page's root says it is on.
    expect([target.name, await page.locator('.page:visible').first().getAttribute('data-care')]).toEqual([
      target.name,
      care ? 'on' : 'off',
    ])
    const problems: LayoutProblem[] = await layoutProblems(page, care ? CARE : NORMAL)
    if (problems.length) found.push(`${target.name}${care ? '（关怀模式）' : ''}\n${formatProblems(problems)}`)
  }
  return found
}

describe.each(PERSONAS)('%s', (_, openid) => {
  let pages: AppPage[] = []
  beforeAll(async () => {
    pages = await pagesOf(session.base, openid)
  })
  afterAll(async () => {
    await asPersona(session.base, openid, 'roster', 'setPreferences', { careMode: false })
  })

  test.each([
    ['normal', false],
    ['关怀模式', true],
  ])('every page lays out cleanly at 375×667 (%s)', async (_mode, care) => {
    expect(pages.length).toBeGreaterThan(8)
    const set = await asPersona(session.base, openid, 'roster', 'setPreferences', { careMode: care })
    expect(set.ok).toBe(true)
    await session.actAs(openid)
    expect(await walk(pages, care)).toEqual([])
  })
})

test('a WeChat user nobody has bound sees readable pages that say how to get bound', async () => {
  const pages = await pagesOf(session.base, 'dev-unbound-visitor')
  await session.actAs('dev-unbound-visitor')
  expect(await walk(pages, false)).toEqual([])
})
