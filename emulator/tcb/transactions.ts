import { Query } from 'mingo'
import { applyUpdate, type Collection } from '../store/collection'
import type { Doc } from '../store/ejson-values'
import { newDocumentId } from '../store/ids'
import { runLocked } from '../store/mutex'
import type { Store } from '../store/store'
import { TcbFailure } from './errors'

// Transactions are optimistic: writes are buffered in an overlay and applied at commit under the locks of
// every touched collection. Each document touched (read or written) records its write version at first
// access; if any of them changed by commit time, commit answers DATABASE_TRANSACTION_CONFLICT, which makes
// the SDK's runTransaction re-run the callback (up to 3 retries). Nothing is visible before commit.

interface Touched {
  coll: Collection
  id: string
  version: number
  // undefined = not written by the transaction; null = removed; Doc = new content
  staged?: Doc | null
}

interface Txn {
  id: string
  startedAt: number
  touched: Map<string, Touched>
}

const MAX_AGE_MS = 5 * 60_000

export class Transactions {
  private readonly open = new Map<string, Txn>()
  private seq = 0

  constructor(private readonly store: Store) {}

  start(): string {
    const now = Date.now()
    for (const [id, t] of this.open) if (now - t.startedAt > MAX_AGE_MS) this.open.delete(id) // abandoned
    this.seq += 1
    const id = `txn-${now.toString(36)}-${this.seq}`
    this.open.set(id, { id, startedAt: now, touched: new Map() })
    return id
  }

  private txn(id: string): Txn {
    const t = this.open.get(id)
    if (!t) throw new TcbFailure('DATABASE_TRANSACTION_FAIL', `transaction ${id} does not exist or has ended`)
    return t
  }

  abort(id: string): void {
    this.txn(id)
    this.open.delete(id)
  }

  private async entry(t: Txn, name: string, id: string): Promise<Touched> {
    const key = `${name}\u0000${id}`
    let e = t.touched.get(key)
    if (!e) {
      const coll = await this.store.collection(name)
      e = { coll, id, version: coll.version(id) }
      t.touched.set(key, e)
    }
    return e
  }

  private async current(e: Touched): Promise<Doc | undefined> {
    if (e.staged !== undefined) return e.staged ?? undefined
    return e.coll.findById(e.id)
  }

  async getDoc(txnId: string, name: string, id: string): Promise<Doc | undefined> {
    return this.current(await this.entry(this.txn(txnId), name, id))
  }

  // A WHERE read inside a transaction: committed documents with this transaction's overlay applied.
  async find(txnId: string, name: string, filter: Doc): Promise<Doc[]> {
    const t = this.txn(txnId)
    const coll = await this.store.collection(name)
    const overlay = new Map<string, Doc | null>()
    for (const e of t.touched.values()) if (e.coll === coll && e.staged !== undefined) overlay.set(e.id, e.staged)
    const base = coll.allDocs().filter((d) => !overlay.has(String(d._id)))
    const staged = [...overlay.values()].filter((d): d is Doc => d !== null)
    return new Query(filter).find<Doc>([...base, ...staged]).all()
  }

  async insert(txnId: string, name: string, docs: Doc[], now: number): Promise<string[]> {
    const t = this.txn(txnId)
    const ids: string[] = []
    for (const d of docs) {
      const id = typeof d._id === 'string' ? d._id : newDocumentId(now)
      const e = await this.entry(t, name, id)
      if ((await this.current(e)) !== undefined)
        throw new TcbFailure('DATABASE_DUPLICATE_WRITE', `E11000 duplicate key error dup key: { _id: "${id}" }`)
      e.staged = { ...d, _id: id }
      ids.push(id)
    }
    return ids
  }

  async update(
    txnId: string,
    name: string,
    id: string,
    data: Doc,
    opts: { merge: boolean; upsert: boolean },
  ): Promise<{ updated: number; upsertId?: string }> {
    const e = await this.entry(this.txn(txnId), name, id)
    const doc = await this.current(e)
    if (!doc) {
      if (!opts.upsert) return { updated: 0 }
      e.staged = applyUpdate({ _id: id }, data, opts.merge).next
      return { updated: 0, upsertId: id }
    }
    const { next, changed } = applyUpdate(doc, data, opts.merge)
    if (changed) e.staged = next
    return { updated: changed ? 1 : 0 }
  }

  async remove(txnId: string, name: string, id: string): Promise<number> {
    const e = await this.entry(this.txn(txnId), name, id)
    const doc = await this.current(e)
    if (!doc) return 0
    e.staged = null
    return 1
  }

  async commit(txnId: string): Promise<void> {
    const t = this.txn(txnId)
    this.open.delete(txnId)
    const entries = [...t.touched.values()]
    const colls = [...new Set(entries.map((e) => e.coll))].sort((a, b) => a.name.localeCompare(b.name))
    await runLocked(
      colls.map((c) => c.lock),
      async () => {
        for (const e of entries) {
          if (e.coll.version(e.id) !== e.version)
            throw new TcbFailure(
              'DATABASE_TRANSACTION_CONFLICT',
              `Transaction conflict: ${e.coll.name}/${e.id} was modified by another write`,
            )
        }
        for (const e of entries) {
          if (e.staged === null) await e.coll.removeIdsUnlocked([e.id])
          else if (e.staged !== undefined) await e.coll.replaceUnlocked(e.staged)
        }
      },
    )
  }
}
