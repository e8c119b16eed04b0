/**
 * A phone-sized Chromium for browser tests, independent of any test runner: the
 * installed Chrome, Chromium or Edge (scripts/browser-path.ts finds it; `npm test`
 * installs Debian's chromium on Debian-like Linux) driven by playwright-core; every
 * launch gets a fresh profile so no storage (the dev persona) leaks between runs.
 */
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type BrowserContext, chromium, type Page } from 'playwright-core'
import { findBrowser } from '../../scripts/browser-path'

function browserPath(): string {
  const found = findBrowser({ platform: process.platform, env: process.env, exists: existsSync })
  if (!found.found) throw new Error(`No browser for the e2e tests: ${found.hint} (npm test finds or installs one)`)
  return found.path
}

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/** An iPhone SE/8-sized viewport: the narrowest phone the pages are designed for. */
export const PHONE = { width: 375, height: 667 }

export interface PhoneBrowser {
  context: BrowserContext
  page: Page
  close: () => Promise<void>
}

export async function openPhoneBrowser(): Promise<PhoneBrowser> {
  const userDataDir = await mkdtemp(join(tmpdir(), 'e2e-chromium-'))
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: browserPath(),
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: PHONE,
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  })
  const page = context.pages()[0] ?? (await context.newPage())
  return {
    context,
    page,
    close: async () => {
      await context.close()
      await rm(userDataDir, { recursive: true, force: true })
    },
  }
}
