/**
 * The date check: tests never read the machine's calendar, and the suites that
 * run at "whatever today is" pass at the awkward instants too.
 *
 * 1. No test, fixture or seed reads the real clock (`Date.now()`, `new Date()`):
 *    they take the emulator's clock or a named instant. A line that must compare
 *    with the machine's time says so with a `real clock:` comment on it or just
 *    above it.
 * 2. The date-sensitive suites — function suites that start the demo at the test
 *    instant (`startDemoEmulator()` without `at`, or `testInstant()`), and, with
 *    `--e2e`, the browser journeys — run once per instant of DATE_MATRIX and once
 *    at today's date, each with TEST_NOW set (test/support/instant.ts).
 *
 * `npx tsx scripts/test-dates.ts [--e2e] [--at ISO]…`; `npm test` runs it.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { DATE_MATRIX } from '../test/support/instant'
import { isMain } from './is-main'
import { runBin } from './node-bin'

const root = join(__dirname, '..')

/** Folders whose code runs at a test's instant, never the machine's. */
const CLOCK_FREE = [
  'test/unit',
  'test/functions',
  'test/ui',
  'test/native',
  'test/e2e',
  'test/fixtures',
  'scripts/seed',
]
/** Function code the emulator runs as a fixture may use the runtime's clock like any cloud function. */
const CLOCK_FREE_EXCEPT = ['test/fixtures/functions']

const REAL_CLOCK = /\bDate\.now\(\)|\bnew Date\(\)/
const ALLOWED = /real clock:/

function filesUnder(dir: string): string[] {
  const out: string[] = []
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) out.push(...filesUnder(path))
    else if (/\.(ts|tsx|js|mjs)$/.test(name)) out.push(path)
  }
  return out
}

export interface ClockRead {
  file: string
  line: number
  text: string
}

/** Lines that read the real clock without saying why; a `real clock:` comment on the line or the one above allows it. */
export function realClockReads(file: string, source: string): ClockRead[] {
  const lines = source.split('\n')
  const found: ClockRead[] = []
  lines.forEach((text, index) => {
    if (!REAL_CLOCK.test(text)) return
    if (ALLOWED.test(text) || ALLOWED.test(lines[index - 1] ?? '')) return
    found.push({ file, line: index + 1, text: text.trim() })
  })
  return found
}

function clockReads(): ClockRead[] {
  return CLOCK_FREE.flatMap((dir) => filesUnder(join(root, dir)))
    .map((path) => relative(root, path))
    .filter((file) => !CLOCK_FREE_EXCEPT.some((except) => file.startsWith(except)))
    .flatMap((file) => realClockReads(file, readFileSync(join(root, file), 'utf8')))
}

/** A function suite is date-sensitive when it runs at the test instant rather than one of its own. */
export function isDateSensitive(source: string): boolean {
  return /startDemoEmulator\(\)/.test(source) || /\btestInstant\(/.test(source)
}

function dateSensitiveSuites(): string[] {
  return filesUnder(join(root, 'test', 'functions'))
    .filter((path) => path.endsWith('.test.ts'))
    .filter((path) => isDateSensitive(readFileSync(path, 'utf8')))
    .map((path) => relative(root, path))
    .sort()
}

function jest(projects: string[], files: string[], at: string): boolean {
  // Function suites each start their own emulator and run side by side; browser journeys share one
  // emulator and its clock, so they run one at a time.
  const workers = projects.includes('e2e') ? '--runInBand' : '--maxWorkers=2'
  const args = ['--ci', '--silent', workers, '--selectProjects', ...projects, '--', ...files]
  const result = runBin('jest', 'jest', args, { env: { ...process.env, TZ: 'Asia/Shanghai', TEST_NOW: at } })
  return result.status === 0
}

export function runDateCheck(options: { e2e?: boolean; instants?: string[] } = {}): boolean {
  const reads = clockReads()
  if (reads.length > 0) {
    console.error(
      'These lines read the machine clock; use the emulator clock or a named instant (test/support/instant.ts):',
    )
    for (const read of reads) console.error(`  ${read.file}:${read.line}  ${read.text}`)
    return false
  }
  // real clock: the check runs once at the date it is run on, as well as at the named instants.
  const today = new Date().toISOString()
  const instants = options.instants?.length
    ? options.instants.map((at) => ({ label: at, at }))
    : [...DATE_MATRIX, { label: 'today', at: today }]
  const suites = dateSensitiveSuites()
  console.log(`date-sensitive function suites: ${suites.join(', ')}`)
  const failed: string[] = []
  for (const { label, at } of instants) {
    console.log(`\n» at ${at} (${label})`)
    if (!jest(['functions'], suites, at)) failed.push(`${label} functions`)
    if (options.e2e && !jest(['e2e'], [], at)) failed.push(`${label} e2e`)
  }
  if (failed.length) console.error(`\ndate check failed at: ${failed.join('; ')}`)
  return failed.length === 0
}

if (isMain(module)) {
  const args = process.argv.slice(2)
  const instants = args.flatMap((arg, index) => (arg === '--at' && args[index + 1] ? [args[index + 1]] : []))
  process.exit(runDateCheck({ e2e: args.includes('--e2e'), instants }) ? 0 : 1)
}
