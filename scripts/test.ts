/**
 * `npm test`: every check the project has, in one run — lint and format,
 * typecheck, API catalogue freshness, the layer check (no sideways imports,
 * scripts/check-layers.ts), the function and app builds, then all
 * jest projects (unit, functions against the emulator, UI, native components,
 * e2e in chromium). Ends with one "N passed, N failed" line and records its
 * wall time for `npm run bench`.
 */
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildApp } from './build-app'
import { buildFunctions } from './build-functions'
import { checkLayers } from './check-layers'
import { ensureBrowser } from './ensure-browser'
import { runBin } from './node-bin'
import { runDateCheck } from './test-dates'

const root = join(__dirname, '..')
const started = Date.now()
const failures: string[] = []

function run(command: string, args: string[]): boolean {
  return spawnSync(command, args, { cwd: root, stdio: 'inherit' }).status === 0
}

/** A package's command with this Node (scripts/node-bin.ts): the same on macOS, Linux and Windows. */
function tool(pkg: string, command: string, args: string[], env: Record<string, string> = {}): boolean {
  return runBin(pkg, command, args, { env: { ...process.env, ...env } }).status === 0
}

/** Runs one check; a step passes unless it answers false or throws. */
async function step(label: string, work: () => unknown): Promise<boolean> {
  const t0 = Date.now()
  console.log(`\n» ${label}`)
  let passed: boolean
  try {
    passed = (await work()) !== false
  } catch (error) {
    console.error(error)
    passed = false
  }
  console.log(`  ${passed ? 'ok' : 'FAILED'} (${((Date.now() - t0) / 1000).toFixed(1)} s)`)
  if (!passed) failures.push(label)
  return passed
}

interface JestSummary {
  numPassedTests: number
  numFailedTests: number
}

/** npm itself, as the running npm names it (npm_execpath), so the same call works on Windows. */
function npm(args: string[]): boolean {
  const cli = process.env.npm_execpath
  if (cli) return run(process.execPath, [cli, ...args])
  return spawnSync('npm', args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' }).status === 0
}

/** The working tree's changes, or null outside a git checkout. */
function gitStatus(): string | null {
  const status = spawnSync('git', ['status', '--porcelain', '--untracked-files=all'], { cwd: root, encoding: 'utf8' })
  return status.status === 0 ? status.stdout : null
}

async function main(): Promise<void> {
  const statusBefore = gitStatus()
  await step('package-lock.json installs with npm ci on every platform', () => {
    if (npm(['ci', '--dry-run', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'])) return true
    console.error(
      'npm ci would refuse package-lock.json (it must list every platform’s optional binaries).\n' +
        'Regenerate it with `npm install --package-lock-only`, check `npm ci --dry-run` passes, and commit it.',
    )
    return false
  })
  await step('lint and format (biome)', () => tool('@biomejs/biome', 'biome', ['check', '.']))
  await step('typecheck (tsc)', () => tool('typescript', 'tsc', ['-p', '.']))
  await step('API catalogue is current', () => tool('tsx', 'tsx', ['scripts/api-catalogue.ts', '--check']))
  await step('layers: no sideways imports (functions, contracts, the app)', checkLayers)
  await step('every action is reached from a screen or is server-only (no action without a screen)', () =>
    tool('tsx', 'tsx', ['scripts/check-reach.ts']),
  )
  const built =
    (await step('build cloud functions', buildFunctions)) &&
    (await step('build weapp (dist/)', () => buildApp('weapp'))) &&
    (await step('weapp build is valid for the platform (pages, tab icons, private APIs, no H5-only code)', () =>
      tool('tsx', 'tsx', ['scripts/check-weapp.ts']),
    )) &&
    (await step('build H5 (dist-h5/)', () => buildApp('h5')))
  await step('a browser for the browser tests', ensureBrowser)

  // Browser journeys run after the rest, on a quiet machine: beside the function tests' bursts
  // (1,000 concurrent awards, crash-restart) two cores left chromium timing out.
  const summaries: JestSummary[] = []
  const jest = (label: string, projects: string[], extra: string[] = []) =>
    step(label, () => {
      const output = join(tmpdir(), `jest-${process.pid}-${summaries.length}.json`)
      const args = ['--ci', '--json', `--outputFile=${output}`, ...extra, '--selectProjects', ...projects]
      const passed = tool('jest', 'jest', args, { TZ: 'Asia/Shanghai' })
      summaries.push(JSON.parse(readFileSync(output, 'utf8')) as JestSummary)
      rmSync(output, { force: true })
      return passed
    })
  if (built) {
    await jest('jest: unit, functions, ui, native', ['unit', 'functions', 'ui', 'native'])
    // One journey at a time: they share one emulator and its clock, which a journey may move.
    await jest('jest: e2e in chromium', ['e2e'], ['--runInBand'])
    await step('npm run screenshots still runs, and the README shows every screenshot', () =>
      tool('tsx', 'tsx', ['scripts/screenshots.ts', '--no-build', '--check']),
    )
    await step('date check: no real clock in tests; date-sensitive suites at the awkward instants and today', () =>
      runDateCheck(),
    )
  }
  await step('the run left the working tree as it found it (git status)', () => {
    const after = gitStatus()
    if (after === statusBefore) return true
    console.error(`npm test changed the working tree:\n${after}`)
    return false
  })
  const summary = summaries.length
    ? {
        numPassedTests: summaries.reduce((n, s) => n + s.numPassedTests, 0),
        numFailedTests: summaries.reduce((n, s) => n + s.numFailedTests, 0),
      }
    : undefined

  const seconds = (Date.now() - started) / 1000
  mkdirSync(join(root, 'bench'), { recursive: true })
  writeFileSync(join(root, 'bench', 'test-wall-time.json'), JSON.stringify({ seconds, at: new Date().toISOString() }))
  console.log(`\nnpm test took ${seconds.toFixed(0)} s`)
  if (failures.length) console.log(`failed steps: ${failures.join('; ')}`)
  const passed = summary?.numPassedTests ?? 0
  const failed = (summary?.numFailedTests ?? 0) + failures.length
  console.log(`${passed} passed, ${failed} failed`)
  process.exit(failed === 0 && summary ? 0 : 1)
}

void main()
