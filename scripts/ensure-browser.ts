/**
 * Finds the browser the browser tests drive (Chrome, Chromium or Edge, through
 * playwright-core) and, on Debian-like Linux only, installs Debian's chromium and
 * CJK fonts with apt-get when they are missing. Elsewhere it says what to install.
 * The path it settles on reaches the tests as CHROME_PATH.
 */
import { execSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { findBrowser, isDebianLike } from './browser-path'
import { isMain } from './is-main'

/** Debian's Noto CJK: without it the test browser draws Chinese as empty boxes in screenshots. */
const CJK_FONT = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'

function osRelease(): string | null {
  try {
    return readFileSync('/etc/os-release', 'utf8')
  } catch {
    return null
  }
}

function aptInstall(packages: string[]): void {
  const sudo = process.getuid?.() === 0 ? '' : 'sudo '
  console.log(`» installing ${packages.join(', ')} with apt-get for the browser tests…`)
  execSync(
    `${sudo}apt-get update -qq && ${sudo}env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${packages.join(' ')}`,
    { stdio: 'inherit' },
  )
}

/** Answers the browser's path (and sets CHROME_PATH for child processes); throws with what to install. */
export function ensureBrowser(): string {
  const lookup = { platform: process.platform, env: process.env, exists: existsSync }
  const debian = process.platform === 'linux' && isDebianLike(osRelease())
  let found = findBrowser(lookup)
  const missing = [...(found.found ? [] : ['chromium']), ...(debian && !existsSync(CJK_FONT) ? ['fonts-noto-cjk'] : [])]
  if (debian && missing.length > 0) {
    aptInstall(missing)
    found = findBrowser(lookup)
  }
  if (!found.found) {
    throw new Error(
      `No Chrome, Chromium or Edge found for the browser tests (tried ${found.tried.join(', ')}): ${found.hint}`,
    )
  }
  process.env.CHROME_PATH = found.path
  return found.path
}

if (isMain(module)) console.log(ensureBrowser())
