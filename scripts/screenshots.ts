/**
 * `npm run screenshots`: the main screens of a member, a branch secretary and
 * bureau staff, from the H5 build at 375×667, normal and in 关怀模式, into
 * docs/screenshots/ (the README shows them). Deterministic: a fresh emulator and
 * browser both at one named instant over the seeded demo bureau.
 *
 *   npm run screenshots                     build the functions and H5, then shoot
 *   npm run screenshots -- --no-build       reuse build/cloudfunctions and dist-h5
 *   npm run screenshots -- --out DIR        somewhere else (npm test shoots into a temp folder)
 *   npm run screenshots -- --all            every page of every persona, with any layout problems listed
 *   npm run screenshots -- --check          what npm test runs: one screen per role and mode into a temp
 *                                           folder, and the README shows exactly the shots in docs/screenshots
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startEmulator } from '../emulator'
import { type AppPage, asPersona, pagesOf } from '../test/e2e/app-pages'
import { openPhoneBrowser, type PhoneBrowser } from '../test/e2e/browser'
import { CARE, formatProblems, layoutProblems, NORMAL, waitUntilAtRest } from '../test/e2e/layout-check'
import { buildApp } from './build-app'
import { buildFunctions, functionsOutDir } from './build-functions'
import { ensureBrowser } from './ensure-browser'
import { isMain } from './is-main'
import { seedDemo } from './seed/seed'

const root = join(__dirname, '..')

/** The instant the demo is seeded at and both clocks show: a Wednesday morning in mid-November. */
export const SCREENSHOT_AT = Date.parse('2026-11-18T10:00:00+08:00')

/** Whose screens the README shows, and which of their pages. */
const ROLES = [
  {
    role: 'member',
    openid: 'o_demo_m_shiyan_06',
    pages: ['home', 'meetings-tab', 'meeting-upcoming', 'study-task', 'points-tab', 'mine'],
  },
  {
    role: 'secretary',
    openid: 'o_demo_m_shiyan_01',
    pages: ['meetings-tab', 'roll', 'schedule', 'branch-roster', 'study-participation'],
  },
  {
    role: 'bureau',
    openid: 'o_demo_m_bureau_01',
    pages: ['bureau-overview', 'bureau-matrix', 'bureau-leaderboard'],
  },
] as const

/** Every seeded persona the --all walk visits (the picker's curated few and an unbound WeChat user). */
const ALL_PERSONAS = [
  'o_demo_m_shiyan_06',
  'o_demo_m_shiyan_02',
  'o_demo_m_shiyan_01',
  'o_demo_m_yz_high_01',
  'o_demo_m_instructor_01',
  'o_demo_m_bureau_01',
  'dev-unbound-visitor',
]

export interface ShotSession {
  base: string
  browser: PhoneBrowser
  /** Acts as a persona (through the persona picker) with 关怀模式 on or off, as stored for them. */
  actAs(openid: string, care: boolean): Promise<void>
  /** Opens a page and waits until nothing on it is still loading. */
  open(page: AppPage): Promise<void>
}

/** Opens a page of the hash-routed H5 app and waits for its data and fonts. */
async function openAndSettle(browser: PhoneBrowser, base: string, page: AppPage): Promise<void> {
  await browser.page.goto(`${base}/#${page.path}`)
  await settle(browser)
}

/** Waits until the page stands still with its data, then a moment for images to paint. */
export async function settle(browser: PhoneBrowser): Promise<void> {
  await waitUntilAtRest(browser.page)
  await browser.page.waitForTimeout(300)
}

export async function startShotSession(at: number): Promise<ShotSession & { stop: () => Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'screenshots-data-'))
  const emulator = await startEmulator({
    port: 0,
    dataDir,
    functionsDir: functionsOutDir,
    staticDir: join(root, 'dist-h5'),
    now: at,
    autoTriggers: false,
    log: () => undefined,
  })
  await seedDemo(emulator.sdkEnv, at)
  const browser = await openPhoneBrowser()
  await browser.context.clock.setFixedTime(at)
  const base = emulator.url
  return {
    base,
    browser,
    async actAs(openid, care) {
      if (!openid.startsWith('dev-')) {
        const set = await asPersona(base, openid, 'roster', 'setPreferences', { careMode: care })
        if (!set.ok) throw new Error(`roster.setPreferences refused for ${openid}`)
      }
      await browser.page.goto(`${base}/#/subpackages/dev/pages/persona/index`)
      await browser.page.locator(`[data-testid="persona"][data-openid="${openid}"]`).click()
      await browser.page.waitForURL(/#\/pages\/mine\/index/)
      await settle(browser)
    },
    open: (page) => openAndSettle(browser, base, page),
    async stop() {
      await browser.close()
      await emulator.stop()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

async function shootReadme(session: ShotSession, out: string, quick = false): Promise<string[]> {
  const written: string[] = []
  for (const { role, openid, pages: all } of ROLES) {
    const pages = quick ? all.slice(0, 1) : all
    const reachable = await pagesOf(session.base, openid)
    for (const care of [false, true]) {
      await session.actAs(openid, care)
      for (const name of pages) {
        const page = reachable.find((p) => p.name === name)
        if (!page) throw new Error(`${role} has no page "${name}" in the demo`)
        await session.open(page)
        const file = join(out, `${role}-${name}${care ? '-care' : ''}.png`)
        await session.browser.page.screenshot({ path: file })
        written.push(file)
      }
    }
    await session.actAs(openid, false)
  }
  return written
}

async function shootAll(session: ShotSession, out: string): Promise<number> {
  let problems = 0
  for (const openid of ALL_PERSONAS) {
    const pages = await pagesOf(session.base, openid)
    for (const care of openid.startsWith('dev-') ? [false] : [false, true]) {
      await session.actAs(openid, care)
      for (const page of pages) {
        await session.open(page)
        const shot = `${openid.replace(/^o_demo_m_|^dev-/, '')}-${page.name}${care ? '-care' : ''}`
        await session.browser.page.screenshot({ path: join(out, `${shot}.png`), fullPage: true })
        const found = await layoutProblems(session.browser.page, care ? CARE : NORMAL)
        if (found.length) console.log(`\n${shot}\n${formatProblems(found)}`)
        problems += found.length
      }
    }
    if (!openid.startsWith('dev-')) await session.actAs(openid, false)
  }
  return problems
}

/** The README shows every shot in docs/screenshots and no other: names that differ are listed. */
export function readmeMismatches(): string[] {
  const folder = join(root, 'docs', 'screenshots')
  const shots = existsSync(folder) ? readdirSync(folder).filter((name) => name.endsWith('.png')) : []
  const readme = readFileSync(join(root, 'README.md'), 'utf8')
  const shown = [...readme.matchAll(/docs\/screenshots\/([\w-]+\.png)/g)].map((match) => match[1])
  return [
    ...shots.filter((shot) => !shown.includes(shot)).map((shot) => `${shot} is not in the README`),
    ...shown.filter((shot) => !shots.includes(shot)).map((shot) => `the README shows ${shot}, which is not there`),
  ]
}

async function check(): Promise<void> {
  const mismatches = readmeMismatches()
  if (mismatches.length) throw new Error(`docs/screenshots and the README differ:\n${mismatches.join('\n')}`)
  const out = mkdtempSync(join(tmpdir(), 'screenshots-check-'))
  const session = await startShotSession(SCREENSHOT_AT)
  try {
    const written = await shootReadme(session, out, true)
    const empty = written.filter((file) => statSync(file).size < 10_000)
    if (written.length !== ROLES.length * 2 || empty.length) throw new Error(`screenshots missing or blank: ${empty}`)
    console.log(
      `screenshots: ${written.length} taken, the README shows all ${readdirSync(join(root, 'docs', 'screenshots')).length}`,
    )
  } finally {
    await session.stop()
    rmSync(out, { recursive: true, force: true })
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2)
  const outAt = args.indexOf('--out')
  const out = outAt >= 0 ? args[outAt + 1] : join(root, 'docs', 'screenshots')
  if (!args.includes('--no-build')) {
    await buildFunctions()
    buildApp('h5')
  }
  ensureBrowser()
  if (args.includes('--check')) return check()
  mkdirSync(out, { recursive: true })
  const session = await startShotSession(SCREENSHOT_AT)
  try {
    if (args.includes('--all')) {
      const problems = await shootAll(session, out)
      console.log(`\n${problems} layout problems; screenshots in ${out}`)
    } else {
      const written = await shootReadme(session, out)
      console.log(`${written.length} screenshots in ${out}`)
    }
  } finally {
    await session.stop()
  }
}

if (isMain(module)) {
  main().catch((error: unknown) => {
    console.error(error)
    process.exit(1)
  })
}
