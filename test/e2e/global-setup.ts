/**
 * Starts one throwaway emulator for the browser tests: the built functions,
 * the H5 build as static files, a fresh data dir and the demo seed. Its URL
 * reaches the tests as E2E_BASE_URL. The emulator's clock is frozen at the
 * named test instant (TEST_NOW, see test/support/instant.ts) and the demo is
 * seeded relative to it; each browser session sets its page clock to the same
 * instant (session.ts), so no journey reads the machine's calendar.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type RunningEmulator, startEmulator } from '../../emulator'
import { seedDemo } from '../../scripts/seed/seed'
import { testInstant } from '../support/instant'

const root = join(__dirname, '..', '..')

declare global {
  var e2eEmulator: RunningEmulator | undefined
}

export default async function globalSetup(): Promise<void> {
  const at = testInstant()
  const emulator = await startEmulator({
    port: 0,
    dataDir: mkdtempSync(join(tmpdir(), 'e2e-data-')),
    functionsDir: join(root, 'build', 'cloudfunctions'),
    staticDir: join(root, 'dist-h5'),
    // Journeys compare figures before and after a step; a timer paying a seeded meeting's
    // attendance in between would move them. Triggers are tested on demand in test/functions.
    autoTriggers: false,
    now: at,
  })
  await seedDemo(emulator.sdkEnv, at)
  globalThis.e2eEmulator = emulator
  process.env.E2E_BASE_URL = emulator.url
}
