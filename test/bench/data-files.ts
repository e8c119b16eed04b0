/**
 * Writing bench data straight into the emulator's nedb files (one file per
 * collection under <dataDir>/db/, one JSON document per line) before it
 * starts: tens of thousands of documents through the SDK would take minutes.
 */
import { once } from 'node:events'
import { createWriteStream, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { TestEmulator } from '../functions/helpers/emulator'
import { seedBigTenant } from './big-tenant'

/** Writes documents as lines, a megabyte at a time; answers how many. */
export async function writeLines(file: string, docs: Iterable<object>): Promise<number> {
  const out = createWriteStream(file)
  let count = 0
  let chunk = ''
  for (const doc of docs) {
    chunk += `${JSON.stringify(doc)}\n`
    count++
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain')
      chunk = ''
    }
  }
  out.end(chunk)
  await once(out, 'finish')
  return count
}

/** Every collection the emulator creates (database/collections.json), so each gets its file. */
export function collectionNames(): string[] {
  const file = join(__dirname, '..', '..', 'database', 'collections.json')
  return Object.keys((JSON.parse(readFileSync(file, 'utf8')) as { collections: Record<string, unknown> }).collections)
}

/** What seedBigTenant would add through the SDK, collected per collection to be written as files. */
export async function bigTenantDocs(): Promise<Map<string, object[]>> {
  const docs = new Map<string, object[]>()
  const collector = {
    db: {
      createCollection: async () => {},
      collection: (name: string) => ({
        add: async ({ data }: { data: object }) => {
          const list = docs.get(name) ?? []
          list.push(data)
          docs.set(name, list)
        },
      }),
    },
  }
  await seedBigTenant(collector as unknown as TestEmulator)
  return docs
}
