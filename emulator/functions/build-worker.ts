import { existsSync, mkdirSync, renameSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { buildSync } from 'esbuild'

function repoRoot(from: string): string {
  let dir = from
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir)
    if (up === dir) return from
    dir = up
  }
  return dir
}

// Compiles worker.ts once per emulator start into build/emulator/worker.js (≈10 ms), so forked workers
// start on plain JS. Written to a temp name then renamed: parallel test files may build concurrently.
export function buildWorker(): string {
  const root = repoRoot(__dirname)
  const out = join(root, 'build', 'emulator', 'worker.js')
  mkdirSync(dirname(out), { recursive: true })
  const tmp = `${out}.${process.pid}.${Date.now()}.tmp`
  buildSync({
    entryPoints: [join(__dirname, 'worker.ts')],
    outfile: tmp,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'silent',
  })
  renameSync(tmp, out)
  return out
}
