import { Query } from 'mingo'
import type { Doc, FindOptions, Store, Where } from '../../cloudfunctions/runtime/store'

/**
 * An in-memory Store for unit tests of the router and rules: same port,
 * mingo evaluates the queries. Function tests use the real SDK and emulator.
 */
export function memoryStore(seed: Record<string, Doc[]> = {}): Store & { all(collection: string): Doc[] } {
  const collections = new Map<string, Doc[]>(Object.entries(seed).map(([name, docs]) => [name, [...docs]]))
  const docsOf = (name: string) => collections.get(name) ?? []
  const matching = (name: string, where: Where) => {
    const query = new Query(where)
    return docsOf(name).filter((doc) => query.test(doc))
  }
  return {
    all: docsOf,
    async get<T extends Doc>(collection: string, id: string) {
      return (docsOf(collection).find((doc) => doc._id === id) as T | undefined) ?? null
    },
    async find<T extends Doc>(collection: string, where: Where, options: FindOptions = {}) {
      const found = matching(collection, where)
      return found.slice(options.skip ?? 0, (options.skip ?? 0) + (options.limit ?? 1000)) as T[]
    },
    async count(collection: string, where: Where) {
      return matching(collection, where).length
    },
    async insert(collection: string, doc: Doc) {
      if (docsOf(collection).some((existing) => existing._id === doc._id)) throw new Error('DATABASE_DUPLICATE_WRITE')
      collections.set(collection, [...docsOf(collection), doc])
    },
    command: {
      in: (values: unknown[]) => ({ $in: values }),
      inc: (by: number) => ({ $inc: by }),
      exists: (flag: boolean) => ({ $exists: flag }),
    },
  }
}
