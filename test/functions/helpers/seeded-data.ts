// The demo bureau seeded once per instant per jest run: suites copy a snapshot of a seeded data dir
// instead of writing ~19,000 documents each (most suites share a handful of named instants).
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { binScript } from '../../../scripts/node-bin'

/** Set by the functions project's global setup: one directory of snapshots for the whole run. */
export const SNAPSHOT_ROOT_VAR = 'DEMO_SEED_SNAPSHOTS'

/**
 * A fresh data dir holding the demo seeded at `at`, copied from this run's snapshot (made on first
 * use, in a child process); null when the run keeps no snapshots (a suite run outside jest's setup).
 */
export function seededDataDir(at: number, history: boolean): string | null {
  const root = process.env[SNAPSHOT_ROOT_VAR]
  if (!root || !existsSync(root)) return null
  const snapshot = join(root, `${at}-${history ? 'year' : 'meetings'}`)
  if (!existsSync(snapshot)) build(root, snapshot, at, history)
  const dataDir = mkdtempSync(join(tmpdir(), 'emu-test-'))
  cpSync(snapshot, dataDir, { recursive: true })
  return dataDir
}

function build(root: string, snapshot: string, at: number, history: boolean): void {
  const building = mkdtempSync(join(root, 'building-'))
  const script = join(__dirname, '..', '..', 'support', 'seed-snapshot.ts')
  const run = spawnSync(
    process.execPath,
    [binScript('tsx'), script, building, String(at), history ? 'year' : 'meetings'],
    {
      encoding: 'utf8',
      env: { ...process.env, TZ: 'Asia/Shanghai' },
    },
  )
  if (run.status !== 0) {
    rmSync(building, { recursive: true, force: true })
    throw new Error(`seeding the demo snapshot failed:\n${run.stderr || run.error}`)
  }
  try {
    renameSync(building, snapshot)
  } catch (error) {
    // Another worker finished the same snapshot first: theirs is as good.
    rmSync(building, { recursive: true, force: true })
    if (!existsSync(snapshot)) throw error
  }
}
