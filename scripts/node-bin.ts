/**
 * Runs a package's command with the Node that runs this script, from the file its
 * package.json `bin` names — not through node_modules/.bin, whose shims are shell
 * scripts on macOS/Linux and .cmd files on Windows (which Node will not spawn
 * without a shell). The same call works on every developer's machine.
 */
import { type SpawnSyncOptions, type SpawnSyncReturns, spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'

const root = join(__dirname, '..')

/** The script file of `command` in package `pkg` (e.g. 'typescript', 'tsc'). */
export function binScript(pkg: string, command: string = pkg.split('/').pop() ?? pkg): string {
  const manifest = join(root, 'node_modules', pkg, 'package.json')
  const { bin } = JSON.parse(readFileSync(manifest, 'utf8')) as { bin?: string | Record<string, string> }
  const file = typeof bin === 'string' ? bin : bin?.[command]
  if (!file) throw new Error(`${pkg} has no command ${command}`)
  return join(dirname(manifest), file)
}

export function runBin(
  pkg: string,
  command: string | undefined,
  args: string[],
  options: SpawnSyncOptions = {},
): SpawnSyncReturns<string | Buffer> {
  return spawnSync(process.execPath, [binScript(pkg, command), ...args], { cwd: root, stdio: 'inherit', ...options })
}
