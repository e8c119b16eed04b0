/**
 * Reminders that reach people, in the H5 build against the real emulator and its demo seed:
 * the 实验小学 secretary shares a meeting starting in ten minutes as a card (转发到群 shows the card as the
 * group would see it), members check in — one by the code's link, two more — and 消息记录 shows the card's
 * figures following them; after the start, 提醒未到 re-shares the card naming who is still missing. A member
 * opens the demo task's PDF from the task page (a new tab with the document itself), subscribes to 学习提醒,
 * and when the secretary's 提醒未学习 is delivered 消息记录 shows it under the member with the template's
 * keywords. The secretary's 群里提醒 page explains the channels.
 */
import { asPersona } from './app-pages'
import { startE2ESession } from './session'

const SECRETARY = 'o_demo_m_shiyan_01'
const MEMBER = 'o_demo_m_shiyan_06'
// A persona no other journey checks in to the open study task with (points-journey does with 06): the 预备党员.
const READER = 'o_demo_m_shiyan_10'
const OTHERS = ['o_demo_m_shiyan_07', 'o_demo_m_shiyan_08']
const TITLE = '主题党日：重温入党誓词'

jest.setTimeout(180_000)

const session = startE2ESession()

/** The 消息记录 page, filtered to the whole log, viewed by member or by branch. */
async function openMessageLog(view: 'members' | 'branches') {
  const { page } = session.browser
  await session.openPicker()
  await page.getByTestId('persona-message-log').click()
  await page.getByTestId('log-span-all').click()
  await page.getByTestId(`log-view-${view}`).click()
  await page.getByTestId('message-log').waitFor()
}

test('a secretary shares a meeting card, members check in, and 消息记录 shows the card’s figures follow', async () => {
  const { page } = session.browser
  const startsAt = session.now() + 10 * 60_000
  const scheduled = await asPersona<{ ids: string[] }>(session.base, SECRETARY, 'meetings', 'schedule', {
    branchId: 'org_b_shiyan',
    meeting: { type: 'theme_day', title: TITLE, startsAt, endsAt: startsAt + 2 * 3_600_000, place: '党员活动室' },
  })
  if (!scheduled.ok) throw new Error(JSON.stringify(scheduled.error))
  const meetingId = scheduled.data.ids[0]
  const meetingUrl = `${session.base}/#/subpackages/meetings/pages/meeting/index?id=${meetingId}`

  // 转发到群: on H5 the card as the group chat would show it.
  await session.actAs(SECRETARY)
  await page.goto(meetingUrl)
  await page.getByTestId('meeting-share-card').click()
  const title = page.getByTestId('share-card-title')
  await title.waitFor()
  expect(await title.textContent()).toMatch(/^【主题党日】重温入党誓词｜已签到 0\/\d+$/)
  const expected = Number(/已签到 0\/(\d+)/.exec((await title.textContent()) ?? '')?.[1])
  expect(expected).toBeGreaterThan(3)
  await page.screenshot({ path: '/tmp/shots/e2e-messages-share-card.png', fullPage: true })

  // One member checks in on the meeting page with the short code the secretary's screen shows; two more with its code.
  await page.getByTestId('meetings-show-code').click()
  const shortCode = ((await page.getByTestId('meetings-short-code').textContent()) ?? '').trim()
  const code = await asPersona<{ token: string }>(session.base, SECRETARY, 'meetings', 'checkInCode', { meetingId })
  if (!code.ok) throw new Error(JSON.stringify(code.error))
  await session.actAs(MEMBER)
  await page.goto(meetingUrl)
  await session.typeInto('checkin-code', shortCode)
  await page.getByTestId('checkin-submit').click()
  await page.getByTestId('checkin-result').filter({ hasText: '签到成功' }).waitFor()

  await openMessageLog('branches')
  const card = page.locator(`[data-testid="log-card"][data-meeting-id="${meetingId}"]`)
  await card.waitFor()
  expect(await card.getByTestId('log-card-figures').textContent()).toBe(`卡片显示：已签到 1 / 应到 ${expected}`)

  for (const openid of OTHERS) {
    const checkedIn = await asPersona(session.base, openid, 'meetings', 'checkIn', {
      meetingId,
      token: code.data.token,
    })
    expect(checkedIn.ok).toBe(true)
  }
  await page.getByTestId('log-refresh').click()
  await page
    .locator(`[data-testid="log-card"][data-meeting-id="${meetingId}"] [data-testid="log-card-figures"]`)
    .filter({ hasText: `已签到 3 / 应到 ${expected}` })
    .waitFor()
  await page.screenshot({ path: '/tmp/shots/e2e-messages-log-card.png', fullPage: true })

  // After the start, 提醒未到 names who is still missing on the re-shared card.
  await session.setNow(startsAt + 5 * 60_000)
  await session.actAs(SECRETARY)
  await page.goto(meetingUrl)
  await page.reload()
  await page.getByTestId('meeting-share-missing').click()
  await page.getByTestId('share-card-title').filter({ hasText: '尚未签到：' }).waitFor()
  const missingTitle = (await page.getByTestId('share-card-title').textContent()) ?? ''
  const memberName = await session.nameOf(MEMBER)
  expect(missingTitle).toMatch(/^【主题党日】重温入党誓词｜尚未签到：.+/)
  expect(missingTitle).not.toContain(memberName)
  expect(await page.getByTestId('share-card-figures').textContent()).toBe(
    `已签到 3 / 应到 ${expected}（随签到自动更新）`,
  )
})

test('a member opens the task’s PDF in the app and hears of 提醒未学习 by the study template', async () => {
  const { page, context } = session.browser
  await session.actAs(READER)
  await page.goto(`${session.base}/#/subpackages/study/pages/task/index?taskId=st_demo_open`)
  const open = page.getByTestId('study-open-document')
  await open.waitFor()
  expect(await open.textContent()).toBe('打开学习材料：《中国共产党章程》学习材料.pdf')
  // A new tab loads the document from its temporary link (headless Chromium then hands a PDF to its downloads).
  const [shown] = await Promise.all([
    context.waitForEvent('response', (response) => response.url().includes('/cos/')),
    open.click(),
  ])
  expect(shown.status()).toBe(200)
  expect(shown.headers()['content-type']).toBe('application/pdf')
  const pdf = await fetch(shown.url())
  expect(
    Buffer.from(await pdf.arrayBuffer())
      .subarray(0, 5)
      .toString(),
  ).toBe('%PDF-')
  // The article is not a linked 公众号's: the page says why and copies it.
  await page.getByTestId('study-open-article').click()
  expect(await page.getByTestId('study-link-copied').textContent()).toContain('链接已复制')

  // 订阅学习提醒, then the secretary's 提醒未学习 delivered by the reminder timer.
  await page.getByTestId('study-nudge-subscribe').click()
  await page.getByTestId('study-nudge-subscription').and(page.locator('[data-subscribed="yes"]')).waitFor()
  const nudged = await asPersona<{ nudged: number }>(session.base, SECRETARY, 'study', 'nudge', {
    taskId: 'st_demo_open',
    branchId: 'org_b_shiyan',
  })
  expect(nudged.ok && nudged.data.nudged).toBeGreaterThan(0)
  const fired = await fetch(`${session.base}/api/_emulator/triggers/meetings/remind`, { method: 'POST' })
  expect(fired.ok).toBe(true)

  await openMessageLog('members')
  const memberId = READER.replace('o_demo_', '')
  const mine = page.locator(`[data-testid="log-member"][data-member-id="${memberId}"]`)
  await mine.waitFor()
  const nudge = mine.getByTestId('log-message').filter({ hasText: '学习提醒' })
  expect(await nudge.locator('[data-keyword="thing1"]').textContent()).toBe('thing1：学习《中国共产党章程》')
  expect(await nudge.locator('[data-keyword="thing3"]').textContent()).toBe('thing3：您还没有完成学习打卡')
  await page.screenshot({ path: '/tmp/shots/e2e-messages-log-member.png', fullPage: true })
})

test('the secretary’s 群里提醒 page explains the channels and offers the robot’s test message', async () => {
  const { page } = session.browser
  await session.actAs(SECRETARY)
  await page.goto(`${session.base}/#/pages/meetings/index`)
  await page.getByTestId('meetings-robot-entry').click()
  const channels = page.getByTestId('robot-channels')
  await channels.waitFor()
  expect(await channels.textContent()).toContain('转发会议卡片（普通微信群）')
  // The demo has every template configured, and no robot yet: nothing to test until one is set.
  expect(await page.getByTestId('robot-templates-missing').count()).toBe(0)
  await page.getByTestId('robot-form').waitFor()
  expect(await page.getByTestId('robot-actions').count()).toBe(0)
})
