import { sdk } from './cloud'
import type { Collection, Doc } from './collections'

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
 * answer counts) are handled once, here. Collections are named only through
 * the registry (runtime/collections.ts), which types what each one holds.
 */
export interface Store {
  get<T extends Doc>(collection: Collection<T>, id: string): Promise<T | null>
  /** With `fields`, only those are read: the documents answered hold just them. */
  find<T extends Doc>(collection: Collection<T>, where: Where, options?: FindOptions): Promise<T[]>
  /** Every matching document, read page by page past the 1,000-per-call cap. */
  findAll<T extends Doc>(
    collection: Collection<T>,
    where: Where,
    options?: Omit<FindOptions, 'skip' | 'limit'>,
  ): Promise<T[]>
  count(collection: Collection<Doc>, where: Where): Promise<number>
  /** Fails with DuplicateIdError when the `_id` exists: deterministic ids make an event count once. */
  insert<T extends Doc>(collection: Collection<T>, doc: T): Promise<void>
  /** Sets fields of one document; answers how many documents changed (0 or 1). */
  update(collection: Collection<Doc>, id: string, patch: Record<string, unknown>): Promise<number>
  /** Sets fields of every document matching `where` (a conditional write when `where` pins state). */
  updateWhere(collection: Collection<Doc>, where: Where, patch: Record<string, unknown>): Promise<number>
  remove(collection: Collection<Doc>, id: string): Promise<number>
  /** Counts documents matching `where` per distinct value of `field`, in one aggregation. */
  countBy(collection: Collection<Doc>, where: Where, field: string): Promise<Map<string | null, number>>
  /** Sums `sumOf` (missing counts 0) over documents matching `where` per distinct value of `field`, in one aggregation. */
  sumBy(collection: Collection<Doc>, where: Where, field: string, sumOf: string): Promise<Map<string | null, number>>
  /**
   * Runs `work` as one transaction — all its writes land or none — with
   * CloudBase's runTransaction, which runs it again when a document it touched
   * changed meanwhile. An error `work` throws aborts it and is thrown as it is.
   */
  transaction<R>(work: (tx: TransactionStore) => Promise<R>): Promise<R>
  /** Query operators (`_.in`, `_.inc`…) of the underlying database. */
  readonly command: CommandFactory
  /** A case-insensitive pattern match for `where` (db.RegExp); escape user input first. */
  regex(pattern: string): unknown
}

/** What a transaction may do: read and write single documents by id (CloudBase transactions take no queries). */
export interface TransactionStore {
  get<T extends Doc>(collection: Collection<T>, id: string): Promise<T | null>
  /** Fails with DuplicateIdError when the `_id` exists. */
  insert<T extends Doc>(collection: Collection<T>, doc: T): Promise<void>
  update(collection: Collection<Doc>, id: string, patch: Record<string, unknown>): Promise<void>
}

/** A field comparison that can be narrowed further (`_.gte(a).and(_.lt(b))`). */
export interface Comparison {
  and(other: Comparison): Comparison
}

/** The subset of `db.command` handlers use; typed loosely because the SDK is. */
export interface CommandFactory {
  in(values: unknown[]): unknown
  inc(by: number): unknown
  /** Replaces a field's whole value in an update (a nested object is otherwise merged key by key). */
  set(value: unknown): unknown
  /** Greater than: a rank is one more than how many scored more. */
  gt(value: number | string): Comparison
  gte(value: number): Comparison
  lt(value: number): Comparison
  lte(value: number | string): Comparison
  exists(flag: boolean): unknown
  /** In an update: removes the field (an outbox entry once done, `processedAt` of a re-armed event). */
  remove(): unknown
  /** Negates a comparison: it also matches documents without the field (`_.not(_.gt(now))`: missing or ≤ now). */
  not(comparison: Comparison): unknown
  or(conditions: Where[]): unknown
  and(conditions: Where[]): unknown
}

/** Raised by `insert` when the `_id` is taken (CloudBase's DATABASE_DUPLICATE_WRITE). */
export class DuplicateIdError extends Error {
  constructor(
    readonly collection: string,
    readonly id: string,
  ) {
    super(`${collection}/${id} exists`)
    this.name = 'DuplicateIdError'
  }
}

function isDuplicateWrite(error: unknown): boolean {
  const text = `${(error as { code?: unknown }).code ?? ''} ${(error as { errMsg?: unknown }).errMsg ?? ''} ${String(error)}`
  return /DUPLICATE_WRITE|duplicate key|E11000/i.test(text)
}

/** The SDK's doc().get() of a missing document fails (outside and inside transactions) rather than answering null. */
function isMissingDocument(error: unknown): boolean {
  return /does not exist/i.test(`${(error as { errMsg?: unknown }).errMsg ?? ''} ${String(error)}`)
}

/** The slice of the SDK's transaction the store uses (the SDK types it as `any`). */
interface SdkTransaction {
  collection(name: string): {
    add(options: { data: unknown }): Promise<unknown>
    doc(id: string): {
      get(): Promise<{ data: unknown }>
      update(options: { data: unknown }): Promise<unknown>
    }
  }
}

export const MAX_READ = 1000

/** The SDK types its reads as a union with `string | void`; a resolved read is always this. */
type ReadResult = { data: unknown[] }
type WriteResult = { stats: { updated: number } }

export function cloudStore(): Store {
  const db = sdk().database()
  return {
    async get<T extends Doc>(collection: Collection<T>, id: string) {
      // where() answers an empty list for a missing id, where doc().get() throws.
      const res = (await db.collection(collection).where({ _id: id }).limit(1).get()) as ReadResult
      return (res.data[0] as T | undefined) ?? null
    },
    async find<T extends Doc>(collection: Collection<T>, where: Where, options: FindOptions = {}) {
      let query = db.collection(collection).where(where)
      for (const [field, direction] of options.orderBy ?? []) query = query.orderBy(field, direction)
      if (options.skip) query = query.skip(options.skip)
      query = query.limit(Math.min(options.limit ?? MAX_READ, MAX_READ))
      if (options.fields) query = query.field(options.fields)
      const res = (await query.get()) as ReadResult
      return res.data as T[]
    },
    async findAll<T extends Doc>(collection: Collection<T>, where: Where, options: FindOptions = {}) {
      const all: T[] = []
      const orderBy = [...(options.orderBy ?? []), ['_id', 'asc'] as const]
      for (;;) {
        const page = await this.find(collection, where, { ...options, orderBy, skip: all.length, limit: MAX_READ })
        all.push(...page)
        if (page.length < MAX_READ) return all
      }
    },
    async count(collection: string, where: Where) {
      const res = (await db.collection(collection).where(where).count()) as { total: number }
      return res.total
    },
    async insert<T extends Doc>(collection: Collection<T>, doc: T) {
      try {
        await db.collection(collection).add({ data: doc })
      } catch (error) {
        if (isDuplicateWrite(error)) throw new DuplicateIdError(collection, doc._id)
        throw error
      }
    },
    async update(collection: string, id: string, patch: Record<string, unknown>) {
      const res = (await db.collection(collection).where({ _id: id }).update({ data: patch })) as WriteResult
      return res.stats.updated
    },
    async updateWhere(collection: string, where: Where, patch: Record<string, unknown>) {
      const res = (await db.collection(collection).where(where).update({ data: patch })) as WriteResult
      return res.stats.updated
    },
    async remove(collection: string, id: string) {
      const res = (await db.collection(collection).where({ _id: id }).remove()) as { stats: { removed: number } }
      return res.stats.removed
    },
    countBy(collection: string, where: Where, field: string) {
      return groupSum(collection, where, field, 1)
    },
    sumBy(collection: string, where: Where, field: string, sumOf: string) {
      return groupSum(collection, where, field, `$${sumOf}`)
    },
    transaction<R>(work: (tx: TransactionStore) => Promise<R>): Promise<R> {
      return db.runTransaction((transaction: SdkTransaction) =>
        work({
          async get<T extends Doc>(collection: Collection<T>, id: string) {
            try {
              return ((await transaction.collection(collection).doc(id).get()).data as T | undefined) ?? null
            } catch (error) {
              if (isMissingDocument(error)) return null
              throw error
            }
          },
          async insert<T extends Doc>(collection: Collection<T>, doc: T) {
            try {
              await transaction.collection(collection).add({ data: doc })
            } catch (error) {
              if (isDuplicateWrite(error)) throw new DuplicateIdError(collection, doc._id)
              throw error
            }
          },
          async update(collection: string, id: string, patch: Record<string, unknown>) {
            await transaction.collection(collection).doc(id).update({ data: patch })
          },
        }),
      ) as Promise<R>
    },
    command: db.command as CommandFactory,
    regex: (pattern: string) => db.RegExp({ regexp: pattern, options: 'i' }),
  }

  /** One aggregation: per distinct `field`, the sum of `of` (1 counts documents), paged past the read cap. */
  async function groupSum(collection: string, where: Where, field: string, of: 1 | string) {
    const $ = db.command.aggregate
    const counts = new Map<string | null, number>()
    for (;;) {
      const res = (await db
        .collection(collection)
        .aggregate()
        .match(where)
        .group({ _id: `$${field}`, n: $.sum(of) })
        .sort({ _id: 1 })
        .skip(counts.size)
        .limit(MAX_READ)
        .end()) as { list: { _id: string | null; n: number }[] }
      for (const row of res.list) counts.set(row._id ?? null, row.n)
      if (res.list.length < MAX_READ) return counts
    }
  }
}
