// One directory of seeded demo snapshots for this jest run (see seeded-data.ts); removed at the end.
// DEMO_SEED_SNAPSHOTS=off makes every suite seed its own demo (to compare, or to rule the snapshots out).
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { SNAPSHOT_ROOT_VAR } from './seeded-data'

export default function globalSetup(): void {
  if (process.env[SNAPSHOT_ROOT_VAR] === 'off') return
  process.env[SNAPSHOT_ROOT_VAR] = mkdtempSync(join(tmpdir(), 'demo-snapshots-'))
}
