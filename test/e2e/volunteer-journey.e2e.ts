/**
 * 志愿服务 in the H5 build against the real emulator and its demo seed, through
 * screens only: the secretary of 实验小学党支部 publishes an activity for
 * tomorrow morning; a member signs up from 我的 → 志愿服务; at the start the
 * secretary shows the 签到码 and the member types it; after the end the
 * secretary records the hours (the member's prefilled with the activity's
 * length); the member sees the hours on 志愿服务 and the points on 积分.
 */
import { startE2ESession } from './session'

const SECRETARY = 'o_demo_m_shiyan_01'
const MEMBER = 'o_demo_m_shiyan_06'
const TITLE = '校园读书角志愿整理'
const MINUTE = 60_000

jest.setTimeout(180_000)

const session = startE2ESession()

/** Tomorrow's date in Shanghai, and an instant on it: the publish form offers tomorrow 09:00–11:00 by default. */
function tomorrowAt(now: number, time: string): number {
  const day = new Date(now + 8 * 60 * MINUTE + 24 * 60 * MINUTE).toISOString().slice(0, 10)
  return Date.parse(`${day}T${time}:00+08:00`)
}

const numberIn = (text: string | null) => Number((text ?? '').match(/-?\d+(\.\d+)?/)?.[0] ?? Number.NaN)

async function openActivity(): Promise<void> {
  const { page } = session.browser
  await page.getByTestId('mine-open-volunteer').click()
  await page.getByTestId('volunteer-list').waitFor()
  await page.getByTestId('volunteer-row').filter({ hasText: TITLE }).click()
  await page.getByTestId('activity-details').waitFor()
}

async function myPoints(): Promise<number> {
  const { page } = session.browser
  await page.goto(`${session.base}/#/pages/points/index`)
  return numberIn(await page.getByTestId('my-points').textContent())
}

test('a secretary publishes an activity; a member signs up and checks in; the secretary records hours; the member sees hours and points', async () => {
  const { page } = session.browser
  const startsAt = tomorrowAt(session.now(), '09:00')
  const endsAt = tomorrowAt(session.now(), '11:00')

  // The secretary: 我的 → 志愿服务 → 发布志愿服务活动, tomorrow 09:00–11:00 as offered, 5 places.
  await session.actAs(SECRETARY)
  await page.getByTestId('mine-open-volunteer').click()
  await page.getByTestId('volunteer-publish').click()
  await page.getByTestId('publish-form').waitFor()
  await session.typeInto('publish-title', TITLE)
  await session.typeInto('publish-place', '实验小学图书室')
  await session.typeInto('publish-places', '5')
  await page.getByTestId('publish-submit').click()
  expect(await page.getByTestId('activity-title').textContent()).toBe(TITLE)
  expect(await page.getByTestId('activity-places').textContent()).toContain('已报名 0 / 5 人')

  // The member: 报名参加.
  await session.actAs(MEMBER)
  await page.getByTestId('mine-open-volunteer').click()
  await page.getByTestId('volunteer-row').filter({ hasText: TITLE }).click()
  await page.getByTestId('activity-sign-up').click()
  await page.getByTestId('activity-signed').waitFor()
  expect(await page.getByTestId('activity-places').textContent()).toContain('已报名 1 / 5 人')

  // Ten minutes before the start: the secretary shows the code, the member types it.
  await session.setNow(startsAt - 10 * MINUTE)
  await session.actAs(SECRETARY)
  await openActivity()
  await page.getByTestId('activity-show-code').click()
  const code = ((await page.getByTestId('activity-short-code').textContent()) ?? '').trim()
  expect(code).toMatch(/^\d{6}$/)
  await session.actAs(MEMBER)
  await openActivity()
  await session.typeInto('activity-code', code)
  await page.getByTestId('activity-check-in-submit').click()
  await page.getByTestId('activity-checked-in').waitFor()

  // After the end (in the year the hours will count in, whatever the instant): the member's hours and points
  // before the credit; then the secretary records the hours, the member's prefilled with the activity's two.
  await session.setNow(endsAt + 30 * MINUTE)
  await session.actAs(MEMBER)
  const pointsBefore = await myPoints()
  await session.actAs(MEMBER)
  await page.getByTestId('mine-open-volunteer').click()
  const hoursBefore = numberIn(await page.getByTestId('volunteer-my-hours').textContent())
  await session.actAs(SECRETARY)
  await openActivity()
  const row = page.getByTestId('activity-signup').filter({ hasText: '已签到' })
  await row.waitFor()
  expect(await row.locator('input').inputValue()).toBe('2')
  await page.getByTestId('activity-record-hours').click()
  await page.getByTestId('activity-signup').filter({ hasText: '2 小时' }).waitFor()

  // The member: 2 hours more on 志愿服务, and 2 points more (志愿服务时长, 1 point an hour).
  await session.actAs(MEMBER)
  await openActivity()
  expect(await page.getByTestId('activity-my-hours').textContent()).toContain('2 小时')
  await session.actAs(MEMBER)
  await page.getByTestId('mine-open-volunteer').click()
  await page.getByTestId('volunteer-my-item').filter({ hasText: TITLE }).waitFor()
  expect(numberIn(await page.getByTestId('volunteer-my-hours').textContent())).toBe(hoursBefore + 2)
  expect(await myPoints()).toBe(pointsBefore + 2)
})
