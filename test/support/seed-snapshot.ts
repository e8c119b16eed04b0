/**
 * Seeds the demo bureau into `<dataDir>` at `<at>` (epoch ms) and exits: a snapshot function
 * suites copy instead of seeding ~19,000 documents each (test/functions/helpers/seeded-data.ts).
 * Run in its own process, as wx-server-sdk keeps the first emulator it talked to.
 *   tsx test/support/seed-snapshot.ts <dataDir> <at> <history: year|meetings>
 */
import { join } from 'node:path'
import { startEmulator } from '../../emulator'
import { seedDemo } from '../../scripts/seed/seed'

async function main(): Promise<void> {
  const [dataDir, at, history] = process.argv.slice(2)
  if (!dataDir || !/^\d+$/.test(at ?? '') || !['year', 'meetings'].includes(history ?? '')) {
    throw new Error('usage: seed-snapshot.ts <dataDir> <at ms> <year|meetings>')
  }
  const now = Number(at)
  const emulator = await startEmulator({
    port: 0,
    dataDir,
    functionsDir: join(__dirname, '..', 'fixtures', 'functions'),
    workers: 1,
    autoTriggers: false,
    now,
    log: () => {},
  })
  await seedDemo(emulator.sdkEnv, now, { history: history === 'year' })
  await emulator.stop()
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error)
    process.exit(1)
  },
)
