/**
 * 我的 in the H5 build against the real emulator and its demo seed: a branch
 * secretary sees their own profile; an unbound WeChat user sees how to get bound.
 */
import { PERSONA_PICKER, startE2ESession } from './session'

interface SeededPersona {
  _id: string
  name: string
  label: string
  branchName?: string | null
}

jest.setTimeout(60_000)

const session = startE2ESession()

async function seededSecretary(): Promise<SeededPersona> {
  const res = await session.browser.context.request.get(`${session.base}/api/_emulator/personas`)
  expect(res.ok()).toBe(true)
  const personas = (await res.json()) as SeededPersona[]
  const secretary = personas.find((p) => p.label.includes('支部书记') && p.branchName)
  if (!secretary) throw new Error('the demo seed has no persona labelled 支部书记 with a branch')
  return secretary
}

async function pickPersona(name: string): Promise<void> {
  const { page } = session.browser
  await page.goto(`${session.base}${PERSONA_PICKER}`)
  await page.getByTestId('persona').filter({ hasText: name }).first().click()
  await page.waitForURL(/#\/pages\/mine\/index/)
}

test('a branch secretary sees 我的 with their name, branch and 支部书记 tag', async () => {
  const secretary = await seededSecretary()
  await pickPersona(secretary.name)

  const { page } = session.browser
  await page.getByTestId('mine-view').waitFor()
  expect(await page.getByTestId('mine-name').textContent()).toBe(secretary.name)
  expect(await page.getByTestId('mine-branch').textContent()).toContain(secretary.branchName)
  const roles = await page.getByTestId('mine-roles').textContent()
  expect(roles).toContain('支部书记')
})

test('an unbound WeChat user sees how to get an invitation', async () => {
  await pickPersona('未绑定的微信用户')

  const { page } = session.browser
  await page.getByTestId('page-state-not-bound').waitFor()
  expect(await page.getByText('您的微信尚未绑定党员身份').isVisible()).toBe(true)
  expect(await page.getByTestId('mine-view').count()).toBe(0)
})
