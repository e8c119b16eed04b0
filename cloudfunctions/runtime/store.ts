import { sdk } from './cloud'

/** A stored document: every collection keys on a string `_id`. */
export type Doc = { _id: string }

export type Where = Record<string, unknown>

export interface FindOptions {
  orderBy?: ReadonlyArray<readonly [field: string, direction: 'asc' | 'desc']>
  skip?: number
  /** CloudBase answers at most 1,000 documents per server read; page beyond that. */
  limit?: number
  fields?: Record<string, true>
}

/**
 * The database port. Handlers and scripts talk to CloudBase through this
 * narrow surface, so the SDK's quirks (a missing doc is an error, writes
 * answer counts) are handled once, here.
 */
export interface Store {
  get<T extends Doc>(collection: string, id: string): Promise<T | null>
  find<T extends Doc>(collection: string, where: Where, options?: FindOptions): Promise<T[]>
  count(collection: string, where: Where): Promise<number>
  insert(collection: string, doc: Doc): Promise<void>
  /** Query operators (`_.in`, `_.inc`…) of the underlying database. */
  readonly command: CommandFactory
}

/** The subset of `db.command` handlers use; typed loosely because the SDK is. */
export interface CommandFactory {
  in(values: unknown[]): unknown
  inc(by: number): unknown
  exists(flag: boolean): unknown
}

export const MAX_READ = 1000

/** The SDK types its reads as a union with `string | void`; a resolved read is always this. */
type ReadResult = { data: unknown[] }

export function cloudStore(): Store {
  const db = sdk().database()
  return {
    async get<T extends Doc>(collection: string, id: string) {
      // where() answers an empty list for a missing id, where doc().get() throws.
      const res = (await db.collection(collection).where({ _id: id }).limit(1).get()) as ReadResult
      return (res.data[0] as T | undefined) ?? null
    },
    async find<T extends Doc>(collection: string, where: Where, options: FindOptions = {}) {
      let query = db.collection(collection).where(where)
      for (const [field, direction] of options.orderBy ?? []) query = query.orderBy(field, direction)
      if (options.skip) query = query.skip(options.skip)
      query = query.limit(Math.min(options.limit ?? MAX_READ, MAX_READ))
      if (options.fields) query = query.field(options.fields)
      const res = (await query.get()) as ReadResult
      return res.data as T[]
    },
    async count(collection: string, where: Where) {
      const res = (await db.collection(collection).where(where).count()) as { total: number }
      return res.total
    },
    async insert(collection: string, doc: Doc) {
      await db.collection(collection).add({ data: doc })
    },
    command: db.command as CommandFactory,
  }
}
