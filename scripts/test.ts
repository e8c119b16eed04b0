/**
 * `npm test`: every check the project has, in one run — lint and format,
 * typecheck, API catalogue freshness, the function and app builds, then all
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
import { ensureChromium } from './ensure-chromium'

const root = join(__dirname, '..')
const bin = (name: string) => join(root, 'node_modules', '.bin', name)
const started = Date.now()
const failures: string[] = []

function run(command: string, args: string[], env: Record<string, string> = {}): boolean {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } })
  return result.status === 0
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

async function main(): Promise<void> {
  await step('lint and format (biome)', () => run(bin('biome'), ['check', '.']))
  await step('typecheck (tsc)', () => run(bin('tsc'), ['-p', '.']))
  await step('API catalogue is current', () => run(bin('tsx'), ['scripts/api-catalogue.ts', '--check']))
  await step('app imports follow the layers (no sideways imports in src/)', () =>
    run(bin('tsx'), ['scripts/check-app-imports.ts']),
  )
  const built =
    (await step('build cloud functions', buildFunctions)) &&
    (await step('build weapp (dist/)', () => buildApp('weapp'))) &&
    (await step('build H5 (dist-h5/)', () => buildApp('h5')))
  await step('chromium for browser tests', ensureChromium)

  // Browser journeys run after the rest, on a quiet machine: beside the function tests' bursts
  // (1,000 concurrent awards, crash-restart) two cores left chromium timing out.
  const summaries: JestSummary[] = []
  const jest = (label: string, projects: string[]) =>
    step(label, () => {
      const output = join(tmpdir(), `jest-${process.pid}-${summaries.length}.json`)
      const args = ['--ci', '--json', `--outputFile=${output}`, '--selectProjects', ...projects]
      const passed = run(bin('jest'), args, { TZ: 'Asia/Shanghai' })
      summaries.push(JSON.parse(readFileSync(output, 'utf8')) as JestSummary)
      rmSync(output, { force: true })
      return passed
    })
  if (built) {
    await jest('jest: unit, functions, ui, native', ['unit', 'functions', 'ui', 'native'])
    await jest('jest: e2e in chromium', ['e2e'])
    await step('npm run screenshots still runs, and the README shows every screenshot', () =>
      run(bin('tsx'), ['scripts/screenshots.ts', '--no-build', '--check']),
    )
  }
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
