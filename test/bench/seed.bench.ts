/**
 * The demo seed `npm start` writes on first run (scripts/seed/seed.ts): how many documents the lived year
 * holds and how long writing them into a fresh emulator takes, at the suites' named instant.
 */
import { seedDemo } from '../../scripts/seed/seed'
import { startTestEmulator } from '../functions/helpers/emulator'
import { testInstant } from '../support/instant'
import type { Figure } from './figure'

export default async function run(): Promise<Figure[]> {
  const at = testInstant()
  const t = await startTestEmulator({ now: at })
  try {
    const started = performance.now()
    const { documents } = await seedDemo(t.emu.sdkEnv, at)
    const seconds = (performance.now() - started) / 1000
    return [
      { name: 'demo seed: documents', value: documents, unit: 'docs' },
      { name: 'demo seed: time to write', value: Math.round(seconds * 10) / 10, unit: 's', budget: { max: 15 } },
    ]
  } finally {
    await t.stop()
  }
}
