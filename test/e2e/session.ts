/**
 * What every browser journey shares: the emulator's URL (E2E_BASE_URL, set by
 * global-setup.ts), one phone-sized chromium per file whose clock shows the
 * emulator's frozen instant, and acting as a demo persona through the H5
 * persona picker. Journeys run one at a time (they share the emulator and its
 * clock); a journey that moves time moves both clocks with `setNow` and the
 * session puts them back afterwards.
 */
import { openPhoneBrowser, type PhoneBrowser } from './browser'

/** The storage key of src/services/dev-identity.ts (importing it would pull @tarojs/taro into node). */
const DEV_OPENID_KEY = 'dev.openid'

export const PERSONA_PICKER = '/#/subpackages/dev/pages/persona/index'

export interface E2ESession {
  readonly browser: PhoneBrowser
  readonly base: string
  /** The instant the journey runs at: the emulator's clock, which the page's clock shows too. */
  now(): number
  /** Moves the emulator's clock and the page's clock together to `ms`. */
  setNow(ms: number): Promise<void>
  /** Opens the persona picker and waits for its list. */
  openPicker(): Promise<void>
  /** Acts as the seeded persona with this OPENID, landing on 我的. */
  actAs(openid: string): Promise<void>
  /**
   * Signs in on this phone as any seeded member (the picker lists a few personas; every demo member
   * is bound to the WeChat identity `o_demo_<memberId>`), landing on 我的.
   */
  signInAs(openid: string): Promise<void>
  /** Taro's H5 Input wraps the native input; fill the native one so Taro sees input events. */
  typeInto(testId: string, text: string): Promise<void>
  /** A persona's name as the roster has it, through the dev gateway as that persona. */
  nameOf(openid: string): Promise<string>
  /**
   * Clicks a form's submit and waits for the page it leads to; a form error shown
   * instead fails at once with its text, not after a silent navigation timeout.
   */
  submitAndFollow(testId: string, url: RegExp): Promise<void>
  /**
   * The phone's back, once the page in front has come to rest: Taro's H5 router takes no other
   * navigation while a page slides in, so a back started mid-slide is lost and the page under it
   * never shows.
   */
  back(): Promise<void>
}

/**
 * For page.waitForFunction: the page the address names is the one shown and nothing slides (endless
 * animations, such as a spinner, do not count). Self-contained: it runs in the page.
 */
function slideDone(): boolean {
  const route = location.hash.replace(/^#/, '').split('?')[0]
  const shown = Array.from(document.querySelectorAll('.taro_page')).some(
    (page) => page.id.split('?')[0] === route && page.classList.contains('taro_page_show'),
  )
  return (
    shown &&
    document
      .getAnimations()
      .every((animation) => animation.playState !== 'running' || animation.effect?.getTiming().iterations === Infinity)
  )
}

/** Registers beforeAll/afterAll for the calling test file and answers its session. */
export function startE2ESession(): E2ESession {
  let browser: PhoneBrowser | undefined
  let base = ''
  let started = 0
  let now = 0
  beforeAll(async () => {
    const url = process.env.E2E_BASE_URL
    if (!url) throw new Error('E2E_BASE_URL is not set: the e2e global setup starts the emulator and sets it')
    base = url.replace(/\/$/, '')
    const health = (await (await fetch(`${base}/api/_emulator/health`)).json()) as { now: number }
    started = health.now
    now = started
    browser = await openPhoneBrowser()
    await browser.context.clock.setFixedTime(now)
  })
  afterAll(async () => {
    // The next journey starts at the suite's instant, whatever this one did to the clock.
    if (now !== started) await setEmulatorClock(started)
    await browser?.close()
  })
  async function setEmulatorClock(ms: number): Promise<void> {
    const res = await fetch(`${base}/api/_emulator/clock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ now: ms }),
    })
    if (!res.ok) throw new Error(`emulator clock: ${res.status}`)
  }
  const session: E2ESession = {
    get browser() {
      if (!browser) throw new Error('the browser opens in beforeAll')
      return browser
    },
    get base() {
      return base
    },
    now: () => now,
    async setNow(ms) {
      await setEmulatorClock(ms)
      await session.browser.context.clock.setFixedTime(ms)
      now = ms
    },
    async openPicker() {
      await session.browser.page.goto(`${base}${PERSONA_PICKER}`)
      await session.browser.page.getByTestId('persona').first().waitFor()
    },
    async actAs(openid) {
      await session.openPicker()
      await session.browser.page.locator(`[data-testid="persona"][data-openid="${openid}"]`).click()
      await session.browser.page.waitForURL(/#\/pages\/mine\/index/)
    },
    async signInAs(openid) {
      const { page } = session.browser
      await session.openPicker()
      // What the picker's tap stores (Taro's H5 storage wraps values as {data}).
      await page.evaluate(
        ([key, value]) => localStorage.setItem(key, JSON.stringify({ data: value })),
        [DEV_OPENID_KEY, openid],
      )
      await page.goto(`${base}/#/pages/mine/index`)
      await page.reload()
      await page.getByTestId('mine-view').waitFor()
    },
    async typeInto(testId, text) {
      await session.browser.page.locator(`[data-testid="${testId}"] input`).fill(text)
    },
    async nameOf(openid) {
      const res = await fetch(`${base}/api/functions/roster`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'X-WX-OPENID': openid },
        body: JSON.stringify({ action: 'me', data: {} }),
      })
      const body = (await res.json()) as { ok: boolean; data: { name: string } }
      if (!body.ok) throw new Error(`roster.me failed for ${openid}`)
      return body.data.name
    },
    async submitAndFollow(testId, url) {
      const { page } = session.browser
      await page.getByTestId(testId).click()
      const errors = page.locator('.error, .field-error')
      const shownError = errors
        .first()
        .waitFor({ timeout: 30_000 })
        .then(async () => {
          throw new Error(`the form said: ${await errors.first().textContent()}`)
        })
      shownError.catch(() => undefined) // once the page has moved on, the form's fate no longer matters
      await Promise.race([page.waitForURL(url, { waitUntil: 'commit' }), shownError])
    },
    async back() {
      const { page } = session.browser
      await page.waitForFunction(slideDone, undefined, { polling: 100 })
      await page.goBack()
    },
  }
  return session
}
