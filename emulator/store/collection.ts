import Datastore from '@seald-io/nedb'
import { update as applyModifier, Query } from 'mingo'
import { TcbFailure } from '../tcb/errors'
import { type Doc, encodeDoc } from './ejson-values'
import { newDocumentId } from './ids'
import { updateUnchangedKeysInPlace } from './index-in-place'
import { Mutex } from './mutex'

export interface FindOptions {
  sort?: Record<string, 1 | -1>
  skip?: number
  limit?: number
  projection?: Record<string, unknown>
}

export interface UpdateResult {
  updated: number
  upsertId?: string
}

type Modifier = Parameters<typeof applyModifier>[1]

const hasOperatorKeys = (data: Doc): boolean => Object.keys(data).some((k) => k.startsWith('$'))

// Applies a CloudBase update payload to a copy of `doc`. merge=true: operators ($set/$inc/$push...,
// which is what doc.update/where.update emit); merge=false: replacement (doc.set), keeping _id.
export function applyUpdate(doc: Doc, data: Doc, merge: boolean): { next: Doc; changed: boolean } {
  if (!merge) {
    const next: Doc = { ...structuredClone(data), _id: doc._id }
    return { next, changed: encodeDoc(next) !== encodeDoc(doc) }
  }
  const modifier = (hasOperatorKeys(data) ? data : { $set: data }) as Modifier
  const next = structuredClone(doc)
  const fields = applyModifier(next, modifier)
  return { next, changed: fields.length > 0 }
}

// One CloudBase collection = one nedb datastore (durable append-only file, loaded into memory) plus
// mingo for query semantics. nedb is only used for storage, _id lookups and equality prefiltering.
export class Collection {
  readonly lock = new Mutex()
  // Per-document write versions for optimistic transaction conflict detection (in memory only).
  private readonly versions = new Map<string, number>()
  private static versionSeq = 0
  private lastWrite = 0
  private readonly indexedFields = new Set<string>()

  private constructor(
    readonly name: string,
    private readonly ds: Datastore<Doc>,
    private readonly clock: () => number,
  ) {}

  static async open(name: string, filename: string, clock: () => number, indexes: string[][]): Promise<Collection> {
    const ds = new Datastore<Doc>({ filename })
    await ds.loadDatabaseAsync()
    const coll = new Collection(name, ds, clock)
    // Every field named in a declared index gets a single-field nedb index; a query then starts from
    // the most selective of them (see candidates). mingo re-checks everything, so results never change.
    for (const field of new Set(indexes.flat())) {
      await ds.ensureIndexAsync({ fieldName: field })
      coll.indexedFields.add(field)
    }
    const nedbIndexes = (ds as unknown as { indexes: Record<string, Parameters<typeof updateUnchangedKeysInPlace>[0]> })
      .indexes
    for (const index of Object.values(nedbIndexes)) updateUnchangedKeysInPlace(index)
    return coll
  }

  version(id: string): number {
    return this.versions.get(id) ?? 0
  }

  private bump(id: string): void {
    Collection.versionSeq += 1
    this.versions.set(id, Collection.versionSeq)
    this.lastWrite = Collection.versionSeq
  }

  /** Changes whenever a document of the collection is written: equal revisions, equal contents. */
  revision(): number {
    return this.lastWrite
  }

  size(): number {
    return this.ds.getAllData().length
  }

  // A superset of the documents `filter` matches (find, count, and an aggregation's leading $match).
  // Narrow the scan to the smallest index bucket among the filter's conditions on indexed fields —
  // equalities, and ranges such as the SDK's `_.gte(a).and(_.lt(b))`, which arrives as a top-level
  // `$and` of one-sided comparisons — as a database picks its most selective index. nedb equality also
  // matches array elements, so a bucket is a superset of mingo's matches; mingo then decides.
  async candidates(filter: Doc): Promise<Doc[]> {
    if (typeof filter._id === 'string') return this.ds.findAsync({ _id: filter._id })
    const conditions = indexableConditions(filter)
    let best: Doc[] | undefined
    for (const field of this.indexedFields) {
      const condition = conditions.get(field)
      if (!condition) continue
      const bucket = this.indexBucket(field, condition)
      if (!best || bucket.length < best.length) best = bucket
    }
    return best ?? this.ds.getAllData()
  }

  // nedb keeps its indexes on the datastore (`indexes[field]`, with getMatching for a value and
  // getBetweenBounds for a range), the same lookups its own find starts from; they are not in the typings.
  private indexBucket(field: string, condition: Condition): Doc[] {
    const index = (
      this.ds as unknown as {
        indexes: Record<string, { getMatching(v: unknown): Doc[]; getBetweenBounds(q: Bounds): Doc[] }>
      }
    ).indexes[field]
    if (!index) return this.ds.getAllData()
    return 'equals' in condition ? index.getMatching(condition.equals) : index.getBetweenBounds(condition.bounds)
  }

  async find(filter: Doc, options: FindOptions = {}): Promise<Doc[]> {
    const docs = await this.candidates(filter)
    let cursor = new Query(filter).find<Doc>(docs, options.projection)
    if (options.sort && Object.keys(options.sort).length > 0) cursor = cursor.sort(options.sort)
    if (options.skip) cursor = cursor.skip(options.skip)
    if (options.limit !== undefined) cursor = cursor.limit(options.limit)
    return cursor.all()
  }

  async findById(id: string): Promise<Doc | undefined> {
    const [doc] = await this.ds.findAsync({ _id: id })
    return doc
  }

  async count(filter: Doc): Promise<number> {
    const docs = await this.candidates(filter)
    const query = new Query(filter)
    return docs.reduce((n, d) => (query.test(d) ? n + 1 : n), 0)
  }

  // Whole, current contents (shared references: callers must not mutate). Used by aggregate/$lookup.
  allDocs(): Doc[] {
    return this.ds.getAllData()
  }

  private duplicate(id: unknown): TcbFailure {
    return new TcbFailure(
      'DATABASE_DUPLICATE_WRITE',
      `E11000 duplicate key error collection: ${this.name} index: _id_ dup key: { _id: ${JSON.stringify(id)} }`,
    )
  }

  // Resolves only after nedb appended the documents to the datafile: the write is then acknowledged.
  async insert(docs: Doc[]): Promise<string[]> {
    return this.lock.run(() => this.insertUnlocked(docs))
  }

  async insertUnlocked(docs: Doc[]): Promise<string[]> {
    const prepared = docs.map((d) => ({ ...d, _id: d._id ?? newDocumentId(this.clock()) }))
    // nedb inserts a batch atomically and rejects a duplicate _id (also within the batch) with uniqueViolated.
    try {
      await this.ds.insertAsync(prepared)
    } catch (e) {
      if (e instanceof Error && 'errorType' in e && e.errorType === 'uniqueViolated')
        throw this.duplicate('key' in e ? e.key : undefined)
      throw e
    }
    for (const d of prepared) this.bump(String(d._id))
    return prepared.map((d) => String(d._id))
  }

  async update(
    filter: Doc,
    data: Doc,
    opts: { multi: boolean; merge: boolean; upsert: boolean },
  ): Promise<UpdateResult> {
    return this.lock.run(async () => {
      const matches = await this.find(filter, opts.multi ? {} : { limit: 1 })
      if (matches.length === 0) {
        if (!opts.upsert) return { updated: 0 }
        const id = typeof filter._id === 'string' ? filter._id : newDocumentId(this.clock())
        const { next } = applyUpdate({ _id: id }, data, opts.merge)
        await this.insertUnlocked([next])
        return { updated: 0, upsertId: id }
      }
      let updated = 0
      for (const doc of matches) {
        const { next, changed } = applyUpdate(doc, data, opts.merge)
        if (!changed) continue
        await this.replaceUnlocked(next)
        updated += 1
      }
      return { updated }
    })
  }

  async replaceUnlocked(doc: Doc): Promise<void> {
    await this.ds.updateAsync({ _id: doc._id }, doc, { upsert: true })
    this.bump(String(doc._id))
  }

  async remove(filter: Doc, multi: boolean): Promise<number> {
    return this.lock.run(async () => {
      const matches = await this.find(filter, multi ? {} : { limit: 1 })
      if (matches.length === 0) return 0
      return this.removeIdsUnlocked(matches.map((d) => String(d._id)))
    })
  }

  async removeIdsUnlocked(ids: string[]): Promise<number> {
    const removed = await this.ds.removeAsync({ _id: { $in: ids } }, { multi: true })
    for (const id of ids) this.bump(id)
    return removed
  }

  async compact(): Promise<void> {
    await this.ds.compactDatafileAsync()
  }
}

type Bounds = Partial<Record<'$gt' | '$gte' | '$lt' | '$lte', number>>
type Condition = { equals: string | number | boolean } | { bounds: Bounds }

const BOUND_KEYS = ['$gt', '$gte', '$lt', '$lte'] as const

/** Per field, what an index can answer: a scalar equality, or numeric bounds merged from the top-level `$and`. */
function indexableConditions(filter: Doc): Map<string, Condition> {
  const found = new Map<string, Condition>()
  const visit = (clause: unknown) => {
    if (typeof clause !== 'object' || clause === null || Array.isArray(clause)) return
    for (const [field, value] of Object.entries(clause)) {
      if (field === '$and' && Array.isArray(value)) {
        for (const part of value) visit(part)
        continue
      }
      if (field.startsWith('$')) continue
      if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
        found.set(field, { equals: value })
        continue
      }
      const bounds = boundsOf(value)
      const previous = found.get(field)
      if (!bounds || (previous && 'equals' in previous)) continue
      found.set(field, { bounds: { ...(previous && 'bounds' in previous ? previous.bounds : {}), ...bounds } })
    }
  }
  visit(filter)
  return found
}

function boundsOf(value: unknown): Bounds | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null
  const entries = Object.entries(value)
  if (entries.length === 0) return null
  const bounds: Bounds = {}
  for (const [key, bound] of entries) {
    if (!(BOUND_KEYS as readonly string[]).includes(key) || typeof bound !== 'number') return null
    bounds[key as (typeof BOUND_KEYS)[number]] = bound
  }
  return bounds
}
