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
  // Not `npm ci`: it refuses a lock file that lists no other platforms' optional binaries
  // (esbuild, swc, biome…); `npm install` still installs what the lock file pins.
  execSync('npm install --no-audit --no-fund', {
    cwd: root,
    stdio: 'inherit',
  })
}
