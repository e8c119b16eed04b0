import { Aggregator } from 'mingo'
import { type Doc, decodeObject, decodeValue, encodeDoc, isPlainObject } from '../store/ejson-values'
import type { Store } from '../store/store'
import { invalidParam, TcbFailure } from './errors'
import { type Body, bool, optNum, optStr, str } from './params'
import type { Transactions } from './transactions'

// Request shapes below were captured from wx-server-sdk 4.0.2 (emulator/dev/capture-sdk-shapes.ts), e.g.
//   doc(id).get()  {collectionName, query:'{"_id":"d1"}', queryType:'DOC', multi:false}
//   where().orderBy().skip().limit().field().get()
//                  {collectionName, queryType:'WHERE', query:<EJSON>, order:'{"a":{"$numberInt":"-1"}}',
//                   offset:5, limit:10, projection:'{"a":{"$numberInt":"1"}}'}; get() without limit sends limit:100,
//                   and the SDK itself clamps limit to 1000.
//   count()        database.calculateDocument {collectionName, queryType:'WHERE', query}
//   add()          database.insertDocument {collectionName, data:['<EJSON doc>', ...]}
//   doc.update     database.modifyDocument {query, queryType:'DOC', multi:false, merge:true, upsert:false,
//                   data:'{"$inc":{"n":1},"$push":{"arr":{"$each":[1,2]}},"$set":{"o":{"k":1},"deep.a":1},
//                   "$unset":{"gone":""},"$addToSet":{"s":3},"$pull":{"p":4}}'} (numbers as $numberInt)
//   doc.set        database.modifyDocument {queryType:'DOC', data:'<EJSON doc>', multi:false, merge:false, upsert:true}
//   where.update   database.modifyDocument {queryType:'WHERE', multi:true, merge:true, upsert:false, data, query}
//   doc.remove     database.removeDocument {query, queryType:'DOC', multi:false}; where.remove: multi:true
//   createCollection  database.addCollection {collectionName}
//   aggregate      database.aggregateDocuments {collectionName, stages:[{stageKey:'$match', stageValue:'<EJSON>'},
//                   ..., {stageKey:'$unwind', stageValue:'"$os"'}, {stageKey:'$count', stageValue:'"total"'}]}
//   transactions   every op above plus transactionId (query/update/set/remove on DOC, add).

// CloudBase's server never returns more than 1,000 documents per read; the SDK's default is 100.
export const SERVER_READ_CAP = 1000
const DEFAULT_READ_LIMIT = 100
// Aggregations without a $limit stage: the emulator returns at most 20 documents, the documented
// CloudBase default for aggregate (stricter side if unsure: code that needs more must add .limit()).
export const AGGREGATE_DEFAULT_LIMIT = 20

export interface DbContext {
  store: Store
  txns: Transactions
  now: () => number
}

type Result = Record<string, unknown>

function sortSpec(text: string | undefined, now: number): Record<string, 1 | -1> | undefined {
  if (!text) return undefined
  const raw = decodeObject(text, now, 'order')
  const out: Record<string, 1 | -1> = {}
  for (const [k, v] of Object.entries(raw)) out[k] = v === -1 || v === 'desc' ? -1 : 1
  return out
}

function docId(filter: Doc): string {
  if (typeof filter._id !== 'string' && typeof filter._id !== 'number') throw invalidParam('DOC query requires _id')
  return String(filter._id)
}

export async function getDocument(ctx: DbContext, body: Body): Promise<Result> {
  const now = ctx.now()
  const name = str(body, 'collectionName')
  const filter = decodeObject(optStr(body, 'query'), now, 'query')
  const projection = optStr(body, 'projection')
    ? decodeObject(optStr(body, 'projection'), now, 'projection')
    : undefined
  const txnId = optStr(body, 'transactionId')
  if (txnId) {
    if (body.queryType === 'DOC') {
      const doc = await ctx.txns.getDoc(txnId, name, docId(filter))
      return { data: { list: doc ? [encodeDoc(doc)] : [] } }
    }
    const docs = await ctx.txns.find(txnId, name, filter)
    return { data: { list: docs.map(encodeDoc) } }
  }
  const coll = await ctx.store.collection(name)
  const limit = Math.min(Math.max(optNum(body, 'limit') ?? DEFAULT_READ_LIMIT, 0), SERVER_READ_CAP)
  const docs = await coll.find(filter, {
    sort: sortSpec(optStr(body, 'order'), now),
    skip: optNum(body, 'offset'),
    limit: body.queryType === 'DOC' ? 1 : limit,
    projection,
  })
  return { data: { list: docs.map(encodeDoc) } }
}

export async function calculateDocument(ctx: DbContext, body: Body): Promise<Result> {
  const coll = await ctx.store.collection(str(body, 'collectionName'))
  const total = await coll.count(decodeObject(optStr(body, 'query'), ctx.now(), 'query'))
  return { data: { total } }
}

export async function insertDocument(ctx: DbContext, body: Body): Promise<Result> {
  const now = ctx.now()
  const name = str(body, 'collectionName')
  const raw = Array.isArray(body.data) ? body.data : [body.data]
  const docs = raw.map((d) => {
    if (typeof d !== 'string') throw invalidParam('data must be a list of EJSON strings')
    return decodeObject(d, now, 'data')
  })
  const txnId = optStr(body, 'transactionId')
  const insertedIds = txnId
    ? await ctx.txns.insert(txnId, name, docs, now)
    : await (await ctx.store.collection(name)).insert(docs)
  return { data: { insertedIds } }
}

export async function modifyDocument(ctx: DbContext, body: Body): Promise<Result> {
  const now = ctx.now()
  const name = str(body, 'collectionName')
  const filter = decodeObject(optStr(body, 'query'), now, 'query')
  const data = decodeObject(str(body, 'data'), now, 'data')
  const merge = bool(body, 'merge', true)
  const upsert = bool(body, 'upsert', false)
  const txnId = optStr(body, 'transactionId')
  const result = txnId
    ? await ctx.txns.update(txnId, name, docId(filter), data, { merge, upsert })
    : await (await ctx.store.collection(name)).update(filter, data, {
        multi: bool(body, 'multi', false),
        merge,
        upsert,
      })
  return { data: { updated: result.updated, upsert_id: result.upsertId } }
}

export async function removeDocument(ctx: DbContext, body: Body): Promise<Result> {
  const name = str(body, 'collectionName')
  const filter = decodeObject(optStr(body, 'query'), ctx.now(), 'query')
  const txnId = optStr(body, 'transactionId')
  const deleted = txnId
    ? await ctx.txns.remove(txnId, name, docId(filter))
    : await (await ctx.store.collection(name)).remove(filter, bool(body, 'multi', false))
  return { data: { deleted } }
}

export async function addCollection(ctx: DbContext, body: Body): Promise<Result> {
  await ctx.store.createCollection(str(body, 'collectionName'))
  return {}
}

// Collects every `$lookup.from` (also inside nested lookup pipelines) so their documents can be handed to
// mingo's synchronous collectionResolver.
function lookupSources(value: unknown, out: Set<string>): void {
  if (Array.isArray(value)) for (const v of value) lookupSources(v, out)
  else if (isPlainObject(value)) {
    const lookup = value.$lookup
    if (isPlainObject(lookup) && typeof lookup.from === 'string') out.add(lookup.from)
    for (const v of Object.values(value)) lookupSources(v, out)
  }
}

export async function aggregateDocuments(ctx: DbContext, body: Body): Promise<Result> {
  const now = ctx.now()
  const coll = await ctx.store.collection(str(body, 'collectionName'))
  if (!Array.isArray(body.stages)) throw invalidParam('stages must be a list')
  const pipeline = body.stages.map((stage: unknown) => {
    if (!isPlainObject(stage) || typeof stage.stageKey !== 'string' || typeof stage.stageValue !== 'string')
      throw invalidParam('each stage needs stageKey and stageValue')
    return { [stage.stageKey]: decodeValue(stage.stageValue, now) }
  })
  if (!pipeline.some((s) => '$limit' in s)) pipeline.push({ $limit: AGGREGATE_DEFAULT_LIMIT })
  const sources = new Set<string>()
  lookupSources(pipeline, sources)
  const resolved = new Map<string, Doc[]>()
  for (const name of sources) {
    resolved.set(name, ctx.store.exists(name) ? (await ctx.store.collection(name)).allDocs() : [])
  }
  // A leading $match starts from an index bucket, as a database uses an index for it; the stage still filters.
  const first = pipeline[0]?.$match
  const input = isPlainObject(first) ? await coll.candidates(first) : coll.allDocs()
  try {
    const out = new Aggregator(pipeline, { collectionResolver: (name: string) => resolved.get(name) ?? [] }).run(input)
    return { data: { list: out.map(encodeDoc) } }
  } catch (e) {
    throw new TcbFailure('DATABASE_REQUEST_FAILED', `aggregate failed: ${e instanceof Error ? e.message : String(e)}`)
  }
}
