/**
 * A member on the H5 build: switches 关怀模式 on in 我的 and gets the three-card
 * 首页, finds it still on after the phone forgets everything (it is kept with
 * the member, not the phone); subscribes to a meeting's reminders and sees that
 * it worked; asks for leave and takes it back before the secretary decides.
 */
import { asPersona } from './app-pages'
import { startE2ESession } from './session'

jest.setTimeout(120_000)

const session = startE2ESession()
const MEMBER = 'o_demo_m_shiyan_06'

afterAll(async () => {
  await asPersona(session.base, MEMBER, 'roster', 'setPreferences', { careMode: false })
})

test('关怀模式 is switched on in 我的, gives the three-card 首页, and is remembered for the member', async () => {
  const { page } = session.browser
  await session.actAs(MEMBER)
  await page.getByTestId('mine-view').waitFor()
  expect(await page.locator('.page:visible').getAttribute('data-care')).toBe('off')

  await page.locator('[data-testid="care-mode-switch"] input').click()
  await page.locator('.page[data-care="on"]:visible').waitFor()
  await page.getByText('已开启关怀模式').waitFor()
  expect(await asPersona<{ preferences: { careMode: boolean } }>(session.base, MEMBER, 'roster', 'me')).toMatchObject({
    ok: true,
    data: { preferences: { careMode: true } },
  })

  await page.goto(`${session.base}/#/pages/home/index`)
  await page.getByTestId('care-home').waitFor()
  for (const card of ['care-meeting', 'care-study', 'care-points']) {
    expect(await page.getByTestId(card).isVisible()).toBe(true)
  }
  expect(await page.getByTestId('home-today').count()).toBe(0)

  // The phone forgets everything; the member's choice comes back from the server.
  await page.evaluate(() => localStorage.clear())
  await session.actAs(MEMBER)
  await page.locator('.page[data-care="on"]:visible').waitFor()
  await page.goto(`${session.base}/#/pages/home/index`)
  await page.getByTestId('care-home').waitFor()

  // And off again: the ordinary 首页.
  await page.goto(`${session.base}/#/pages/mine/index`)
  await page.locator('[data-testid="care-mode-switch"] input').click()
  await page.locator('.page[data-care="off"]:visible').waitFor()
  await page.goto(`${session.base}/#/pages/home/index`)
  await page.getByTestId('home-member').waitFor()
  expect(await page.getByTestId('care-home').count()).toBe(0)
})

interface Upcoming {
  items: { id: string; startsAt: number; mine: string | null; myLeave: string | null }[]
}

test('subscribing to reminders shows that it worked; a leave request can be taken back until decided', async () => {
  const { page } = session.browser
  await session.actAs(MEMBER)
  // A meeting the member has neither checked in to nor asked leave for, still ahead of the journey's instant
  // (other journeys in this emulator schedule and check in to meetings of the same branch).
  const now = session.now()
  const upcoming = await asPersona<Upcoming>(session.base, MEMBER, 'meetings', 'listMine', { when: 'upcoming' })
  const meeting = upcoming.ok
    ? upcoming.data.items.find((m) => !m.mine && !m.myLeave && m.startsAt > now + 3_600_000)
    : undefined
  if (!meeting) throw new Error('the demo seed has no upcoming meeting left for this member')
  const before = await asPersona<{ reminder: { credits: number } }>(session.base, MEMBER, 'meetings', 'get', {
    meetingId: meeting.id,
  })
  const credits = before.ok ? before.data.reminder.credits : -1
  await page.goto(`${session.base}/#/subpackages/meetings/pages/meeting/index?id=${meeting.id}`)
  await page.getByTestId('meeting-member-actions').waitFor()

  const state = page.getByTestId('meeting-reminder-state')
  expect(await state.textContent()).toContain(credits === 0 ? '未订阅' : `可提醒 ${credits} 次`)
  await page.getByTestId('meeting-subscribe').click()
  await page.getByTestId('meeting-reminder').and(page.locator('[data-subscribed="yes"]')).waitFor()
  await state.filter({ hasText: `可提醒 ${credits + 1} 次` }).waitFor()
  expect(await state.textContent()).toBe(`已订阅会议提醒 · 可提醒 ${credits + 1} 次`)

  await page.locator('[data-testid="meeting-leave-reason"] textarea').fill('外出参加县里的教学培训')
  await page.getByTestId('meeting-leave-submit').click()
  await page.getByTestId('meeting-leave-pending').waitFor()
  expect(await page.getByTestId('meetings-mine').textContent()).toBe('请假审批中')

  await page.getByTestId('meeting-leave-withdraw').click()
  await page.getByTestId('confirm-dialog').waitFor()
  await page.getByTestId('confirm-dialog-confirm').click()
  await page.getByTestId('meeting-leave-form').waitFor()
  expect(await page.getByTestId('meetings-mine').textContent()).toBe('未签到')
  expect(await page.getByTestId('meeting-leave-pending').count()).toBe(0)
})
