import { Query, update } from 'mingo'
import type { Collection, Doc } from '../../cloudfunctions/runtime/collections'
import {
  type Comparison,
  DuplicateIdError,
  type FindOptions,
  type Store,
  type Where,
} from '../../cloudfunctions/runtime/store'

/**
 * An in-memory Store for unit tests of the router and rules: same port,
 * mingo evaluates the queries. Function tests use the real SDK and emulator.
 */
/** A mingo condition that `.and()` merges, as the SDK's commands do. */
function comparison(condition: Record<string, unknown>): Comparison & Record<string, unknown> {
  // `and` is not enumerable, so mingo sees only the operators.
  return Object.defineProperty({ ...condition }, 'and', {
    value: (other: Comparison) => comparison({ ...condition, ...(other as unknown as Record<string, unknown>) }),
  }) as Comparison & Record<string, unknown>
}

export function memoryStore(seed: Record<string, Doc[]> = {}): Store & { all(collection: string): Doc[] } {
  const collections = new Map<string, Doc[]>(Object.entries(seed).map(([name, docs]) => [name, [...docs]]))
  const docsOf = (name: string) => collections.get(name) ?? []
  const matching = (name: string, where: Where) => {
    const query = new Query(where)
    return docsOf(name).filter((doc) => query.test(doc))
  }
  return {
    all: docsOf,
    async get<T extends Doc>(collection: Collection<T>, id: string) {
      return (docsOf(collection).find((doc) => doc._id === id) as T | undefined) ?? null
    },
    async find<T extends Doc>(collection: Collection<T>, where: Where, options: FindOptions = {}) {
      const found = matching(collection, where)
      return found.slice(options.skip ?? 0, (options.skip ?? 0) + (options.limit ?? 1000)) as T[]
    },
    async findAll<T extends Doc>(collection: Collection<T>, where: Where) {
      return matching(collection, where) as T[]
    },
    async count(collection: Collection<Doc>, where: Where) {
      return matching(collection, where).length
    },
    async insert<T extends Doc>(collection: Collection<T>, doc: T) {
      if (docsOf(collection).some((existing) => existing._id === doc._id))
        throw new DuplicateIdError(collection, doc._id)
      collections.set(collection, [...docsOf(collection), doc])
    },
    async update(collection: Collection<Doc>, id: string, patch: Record<string, unknown>) {
      return this.updateWhere(collection, { _id: id }, patch)
    },
    async updateWhere(collection: Collection<Doc>, where: Where, patch: Record<string, unknown>) {
      const found = matching(collection, where)
      // Field commands (`_.inc`) arrive as `{ $inc: n }` values, as the SDK's do: split them from plain sets.
      const inc: Record<string, number> = {}
      const set: Record<string, unknown> = {}
      const unset: Record<string, ''> = {}
      for (const [field, value] of Object.entries(patch)) {
        const by = (value as { $inc?: unknown } | null)?.$inc
        const whole = value as { $set?: unknown } | null
        if (typeof by === 'number') inc[field] = by
        else if (whole !== null && typeof whole === 'object' && '$set' in whole) set[field] = whole.$set
        else if ((value as { $unset?: unknown } | null)?.$unset === true) unset[field] = ''
        else set[field] = value
      }
      for (const doc of found)
        update(doc, {
          ...(Object.keys(set).length ? { $set: set } : {}),
          ...(Object.keys(inc).length ? { $inc: inc } : {}),
          ...(Object.keys(unset).length ? { $unset: unset } : {}),
        })
      return found.length
    },
    async remove(collection: Collection<Doc>, id: string) {
      const before = docsOf(collection)
      collections.set(
        collection,
        before.filter((doc) => doc._id !== id),
      )
      return before.length - docsOf(collection).length
    },
    async countBy(collection: Collection<Doc>, where: Where, field: string) {
      const counts = new Map<string | null, number>()
      for (const doc of matching(collection, where)) {
        const value = ((doc as Record<string, unknown>)[field] as string | undefined) ?? null
        counts.set(value, (counts.get(value) ?? 0) + 1)
      }
      return counts
    },
    async sumBy(collection: Collection<Doc>, where: Where, field: string, sumOf: string) {
      const sums = new Map<string | null, number>()
      for (const doc of matching(collection, where)) {
        const value = ((doc as Record<string, unknown>)[field] as string | undefined) ?? null
        const add = Number((doc as Record<string, unknown>)[sumOf] ?? 0)
        sums.set(value, (sums.get(value) ?? 0) + add)
      }
      return sums
    },
    regex: (pattern: string) => new RegExp(pattern, 'i'),
    // One caller at a time in a unit test: the work runs against the store itself, with no rollback.
    async transaction(work) {
      return work({
        get: (collection, id) => this.get(collection, id),
        insert: (collection, doc) => this.insert(collection, doc),
        update: async (collection, id, patch) => {
          await this.update(collection, id, patch)
        },
      })
    },
    command: {
      in: (values: unknown[]) => ({ $in: values }),
      inc: (by: number) => ({ $inc: by }),
      // Plain values are already set whole here (no key-by-key merge to avoid).
      set: (value: unknown) => ({ $set: value }),
      gt: (value: number | string) => comparison({ $gt: value }),
      gte: (value: number) => comparison({ $gte: value }),
      lt: (value: number) => comparison({ $lt: value }),
      lte: (value: number) => comparison({ $lte: value }),
      exists: (flag: boolean) => ({ $exists: flag }),
      remove: () => ({ $unset: true }),
      not: (comparison: unknown) => ({ $not: comparison }),
      or: (conditions: Where[]) => ({ $or: conditions }),
      and: (conditions: Where[]) => ({ $and: conditions }),
    },
  }
}
