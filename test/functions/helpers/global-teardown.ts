import { rmSync } from 'node:fs'
import { SNAPSHOT_ROOT_VAR } from './seeded-data'

export default function globalTeardown(): void {
  const root = process.env[SNAPSHOT_ROOT_VAR]
  if (root && root !== 'off') rmSync(root, { recursive: true, force: true })
}
