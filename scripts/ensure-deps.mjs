// Installs npm packages when node_modules is missing or older than the lock
// file, so `npm start` and `npm test` work on a fresh clone. Plain JS on
// purpose: it runs before tsx exists.
import { execSync } from 'node:child_process'
import { existsSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const installed = join(root, 'node_modules', '.package-lock.json')
const lock = join(root, 'package-lock.json')

const stale = !existsSync(installed) || (existsSync(lock) && statSync(lock).mtimeMs > statSync(installed).mtimeMs)
if (stale) {
  console.log('» installing npm packages (first run or package-lock.json changed)…')
  // `npm ci` installs exactly what the lock file pins and never rewrites it, so a first run
  // leaves `git status` clean. The lock lists every platform's optional binaries (biome, swc,
  // esbuild, taro's binding), so the same lock installs on macOS, Windows and Linux.
  execSync('npm ci --no-audit --no-fund', { cwd: root, stdio: 'inherit' })
}
