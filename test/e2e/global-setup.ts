/**
 * Starts one throwaway emulator for the browser tests: the built functions,
 * the H5 build as static files, a fresh data dir and the demo seed. Its URL
 * reaches the tests as E2E_BASE_URL.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type RunningEmulator, startEmulator } from '../../emulator'
import { seedDemo } from '../../scripts/seed/seed'

const root = join(__dirname, '..', '..')

declare global {
  var e2eEmulator: RunningEmulator | undefined
}

export default async function globalSetup(): Promise<void> {
  const emulator = await startEmulator({
    port: 0,
    dataDir: mkdtempSync(join(tmpdir(), 'e2e-data-')),
    functionsDir: join(root, 'build', 'cloudfunctions'),
    staticDir: join(root, 'dist-h5'),
    // Journeys compare figures before and after a step; a timer paying a seeded meeting's
    // attendance in between would move them. Triggers are tested on demand in test/functions.
    autoTriggers: false,
  })
  await seedDemo(emulator.sdkEnv, Date.now())
  globalThis.e2eEmulator = emulator
  process.env.E2E_BASE_URL = emulator.url
}
