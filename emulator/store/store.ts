import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { notExist, TcbFailure } from '../tcb/errors'
import { Collection } from './collection'
import { isPlainObject } from './ejson-values'

const NAME = /^[A-Za-z0-9_-]{1,64}$/

// Reads `database/collections.json` ({"collections": {"members": {"indexes": [["tenantId","branchId"]]}}}).
// Absent or malformed → no indexes: they only speed up prefiltering, never change results.
function readIndexes(file: string | undefined): Map<string, string[][]> {
  const out = new Map<string, string[][]>()
  if (!file || !existsSync(file)) return out
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'))
    const collections = isPlainObject(parsed) ? parsed.collections : undefined
    if (!isPlainObject(collections)) return out
    for (const [name, spec] of Object.entries(collections)) {
      const list = isPlainObject(spec) && Array.isArray(spec.indexes) ? spec.indexes : []
      out.set(
        name,
        list.filter((i): i is string[] => Array.isArray(i) && i.every((f) => typeof f === 'string')),
      )
    }
  } catch {
    return out
  }
  return out
}

// Registry of collections: one file `<dataDir>/db/<name>.db` per collection. A collection exists iff its
// file exists, which is how a missing collection is told apart from an empty one.
export class Store {
  private readonly dir: string
  private readonly open = new Map<string, Promise<Collection>>()
  private readonly indexes: Map<string, string[][]>

  constructor(
    dataDir: string,
    private readonly clock: () => number,
    indexesFile?: string,
  ) {
    this.dir = join(dataDir, 'db')
    mkdirSync(this.dir, { recursive: true })
    this.indexes = readIndexes(indexesFile)
  }

  private file(name: string): string {
    return join(this.dir, `${name}.db`)
  }

  exists(name: string): boolean {
    return this.open.has(name) || (NAME.test(name) && existsSync(this.file(name)))
  }

  names(): string[] {
    const onDisk = readdirSync(this.dir)
      .filter((f) => f.endsWith('.db'))
      .map((f) => f.slice(0, -3))
    return [...new Set([...onDisk, ...this.open.keys()])].sort()
  }

  private load(name: string): Promise<Collection> {
    let pending = this.open.get(name)
    if (!pending) {
      pending = Collection.open(name, this.file(name), this.clock, this.indexes.get(name) ?? [])
      this.open.set(name, pending)
    }
    return pending
  }

  async collection(name: string): Promise<Collection> {
    if (!this.exists(name)) throw notExist(name)
    return this.load(name)
  }

  async createCollection(name: string): Promise<void> {
    if (!NAME.test(name)) throw new TcbFailure('INVALID_PARAM', `invalid collection name: ${name}`)
    if (this.exists(name))
      throw new TcbFailure('DATABASE_COLLECTION_ALREADY_EXIST', '[ResourceUnavailable.ResourceExist] Table exist.')
    // nedb creates the (empty) datafile while loading, which registers the collection durably.
    await this.load(name)
  }

  async close(): Promise<void> {
    for (const pending of this.open.values()) {
      const coll = await pending
      await coll.lock.run(() => coll.compact())
    }
  }
}
