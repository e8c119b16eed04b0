/**
 * Browser tests drive Debian's chromium through playwright-core (Playwright's
 * own browser download cannot reach its host here). Installs it with apt-get
 * when it is missing.
 */

import { execSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { isMain } from './is-main'

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export function ensureChromium(): void {
  if (existsSync(CHROMIUM)) return
  const sudo = process.getuid?.() === 0 ? '' : 'sudo '
  console.log('» installing chromium with apt-get for the browser tests…')
  execSync(`${sudo}apt-get update -qq && ${sudo}env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium`, {
    stdio: 'inherit',
  })
  if (!existsSync(CHROMIUM)) throw new Error(`chromium not found at ${CHROMIUM} after apt-get install`)
}

if (isMain(module)) ensureChromium()
