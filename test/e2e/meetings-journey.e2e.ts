/**
 * The meetings journey in the H5 build against the real emulator and its demo seed:
 * the 实验小学 secretary schedules a 党小组会 starting in ten minutes (inside the
 * check-in window) and shows the rotating check-in code; the member opens its scene
 * link and is checked in (已签到); the secretary sees the member present on the roll,
 * writes the minutes with a photo once the meeting has started (the emulator's and
 * the browser's clocks moved on together, restored afterwards) and exports the
 * 三会一课记录本, whose .xlsx lists the meeting.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { meetingHeading } from '../../types/labels'
import { startE2ESession } from './session'

const SECRETARY = 'o_demo_m_shiyan_01'
const MEMBER = 'o_demo_m_shiyan_06'
const TITLE = '党小组会：学习新修订的纪律处分条例'
const MINUTES = '传达学习新修订的《中国共产党纪律处分条例》，每位党员结合教育教学工作谈认识，会议要求严守纪律规矩。'
// A 1×1 PNG: the photo of the meeting.
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='

jest.setTimeout(180_000)

const session = startE2ESession()
const dir = mkdtempSync(join(tmpdir(), 'e2e-meetings-'))

afterAll(() => {
  rmSync(dir, { recursive: true, force: true })
})

/** Date and time fields of the schedule form for an instant, in Asia/Shanghai. */
function shanghaiFields(ms: number): { date: string; time: string } {
  const iso = new Date(ms + 8 * 3_600_000).toISOString()
  return { date: iso.slice(0, 10), time: iso.slice(11, 16) }
}

test('a secretary schedules, a member checks in by the code, the secretary sees the roll, writes minutes and exports the record book', async () => {
  const { page } = session.browser
  const memberName = await session.nameOf(MEMBER)

  // The secretary schedules a 党小组会 that starts in ten minutes (check-in opens 30 min before).
  await session.actAs(SECRETARY)
  await page.goto(`${session.base}/#/pages/meetings/index`)
  await page.getByTestId('meetings-schedule-entry').click()
  const { date, time } = shanghaiFields(session.now() + 10 * 60_000)
  const startsAt = Date.parse(`${date}T${time}:00+08:00`)
  await session.typeInto('schedule-title', TITLE)
  await session.typeInto('schedule-date', date)
  await session.typeInto('schedule-time', time)
  await session.typeInto('schedule-place', '实验小学党员活动室')
  await session.submitAndFollow('schedule-submit', /meetings\/pages\/meeting\/index\?id=/)
  const meetingId = new URL(page.url().replace('/#/', '/')).searchParams.get('id') ?? ''
  expect(meetingId).not.toBe('')

  // 出示签到码: the rotating code and its scene link.
  await page.getByTestId('meetings-show-code').click()
  const link = (await page.getByTestId('meetings-code-link').textContent()) ?? ''
  expect(link).toMatch(/^\/subpackages\/meetings\/pages\/checkin\/index\?scene=/)

  // The member opens the link and is checked in; the meeting shows 已签到.
  await session.actAs(MEMBER)
  await page.goto(`${session.base}/#${link}`)
  await page.getByTestId('meetings-checkin-result').filter({ hasText: '已签到' }).waitFor()
  expect(await page.getByTestId('meetings-checkin-result').textContent()).toContain(TITLE)
  await page.goto(`${session.base}/#/subpackages/meetings/pages/meeting/index?id=${meetingId}`)
  await page.getByTestId('meetings-mine').filter({ hasText: '已签到' }).waitFor()

  // The secretary sees the member present on the roll.
  await session.actAs(SECRETARY)
  await page.goto(`${session.base}/#/subpackages/meetings/pages/meeting/index?id=${meetingId}`)
  await page.getByTestId('meetings-roll-entry').click()
  const roll = page.getByTestId('meetings-roll')
  const row = roll.getByTestId('roll-row').filter({ hasText: memberName })
  await row.waitFor()
  expect(await row.getByTestId('roll-state').textContent()).toMatch(/^已签到 \d{2}:\d{2}$/)
  expect(await roll.getByTestId('roll-count-arrived').textContent()).toBe('1')
  await page.screenshot({ path: '/tmp/shots/e2e-meetings-roll.png', fullPage: true })

  // Five minutes after the start, for the server and the page alike: the minutes.
  const during = startsAt + 5 * 60_000
  await session.setNow(during)
  await page.goto(`${session.base}/#/subpackages/meetings/pages/meeting/index?id=${meetingId}`)
  await page.getByTestId('meetings-minutes-entry').click()
  await page.getByTestId('minutes-form').waitFor()
  expect(await page.getByTestId('minutes-summary').textContent()).toMatch(
    /^应到\d+人，实到1人，迟到0人，请假0人，缺席\d+人/,
  )
  const photo = join(dir, '会议照片.png')
  writeFileSync(photo, Buffer.from(PNG, 'base64'))
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByTestId('minutes-add-photos').click(),
  ])
  await chooser.setFiles(photo)
  await page.getByTestId('minutes-photo').waitFor()
  await page.locator('[data-testid="minutes-text"] textarea').fill(MINUTES)
  await page.getByTestId('minutes-submit').click()
  await page.getByTestId('minutes-saved').waitFor()
  expect(await page.getByTestId('minutes-error').count()).toBe(0)
  await page.screenshot({ path: '/tmp/shots/e2e-meetings-minutes.png', fullPage: true })

  // The saved photo on the meeting page: the real image from its temporary link, not a placeholder.
  // (A reload: going to the same hash would show the page as it was before the minutes.)
  await page.goto(`${session.base}/#/subpackages/meetings/pages/meeting/index?id=${meetingId}`)
  await page.reload()
  const shown = page.getByTestId('meeting-photo').locator('img')
  await shown.waitFor()
  await page.waitForFunction(
    () => (document.querySelector('[data-testid="meeting-photo"] img') as HTMLImageElement | null)?.naturalWidth === 1,
  )

  // 三会一课记录本 from the 会议 tab: the meeting is in this year's book, and in the .xlsx export.
  await page.goto(`${session.base}/#/pages/meetings/index`)
  await page.getByTestId('meetings-record-book-entry').click()
  // The record book names the meeting as every list does: its type once, in the brackets.
  const entry = page
    .getByTestId('record-entry')
    .filter({ hasText: meetingHeading({ type: 'group_meeting', title: TITLE }) })
  await entry.waitFor()
  expect(await entry.getByTestId('record-counts').textContent()).toContain('实到1人')
  await page.screenshot({ path: '/tmp/shots/e2e-meetings-record-book.png', fullPage: true })
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('record-book-export').click()])
  expect(download.suggestedFilename()).toMatch(/^三会一课记录本-实验小学党支部-\d{4}-\d{8}-\d{4}\.xlsx$/)
  const saved = join(dir, 'record-book.xlsx')
  await download.saveAs(saved)
  const book = new ExcelJS.Workbook()
  await book.xlsx.readFile(saved)
  const rows: string[][] = []
  book.worksheets[0].eachRow((sheetRow) => {
    rows.push((sheetRow.values as unknown[]).slice(1).map((value) => String(value ?? '')))
  })
  const listed = rows.find((cells) => cells.includes(TITLE))
  expect(listed).toBeDefined()
  expect(listed).toEqual(expect.arrayContaining(['党小组会', '实验小学党员活动室', MINUTES]))
  console.log(`record book: ${rows.length - 1} rows; the meeting: ${listed?.slice(0, 7).join(' | ')}`)

  // The printable copy for 调阅.
  const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByTestId('record-book-pdf').click()])
  expect(pdf.suggestedFilename()).toMatch(/^三会一课记录本-实验小学党支部-\d{4}-\d{8}-\d{4}\.pdf$/)
  const printed = join(dir, 'record-book.pdf')
  await pdf.saveAs(printed)
  expect(readFileSync(printed).subarray(0, 5).toString()).toBe('%PDF-')
})
