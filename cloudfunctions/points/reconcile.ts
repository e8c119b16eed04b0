import type { api } from '../../types/api'
import type { TotalsDoc } from '../../types/points'
import { COLLECTIONS, type Collection, type Doc } from '../runtime/collections'
import type { Handler } from '../runtime/router'
import type { Store, Where } from '../runtime/store'
import { writeAudit } from '../shared/audit'
import { totalsOf } from './totals'

const DRIFT_SHOWN = 200
/** Members per chunk: their ledger entries (≈100 each at 1M entries over 10,000 members) and totals fit in memory. */
const MEMBERS_PER_CHUNK = 100
/** Branches per chunk: their entries are read again for the branch totals. */
const BRANCHES_PER_CHUNK = 10
/** A call stops taking new chunks after this long and hands back a cursor (the points function times out at 20 s). */
const CALL_BUDGET_MS = 12_000

const ENTRY_FIELDS = {
  _id: true,
  tenantId: true,
  memberId: true,
  branchId: true,
  ruleKey: true,
  points: true,
  at: true,
  day: true,
  month: true,
  year: true,
} as const
const TOTAL_FIELDS = { _id: true, points: true, entries: true, members: true } as const

type Phase = 'members' | 'branches'
/** Where a run continues: the phase and the first id of the next chunk ('' = from the start). */
interface Cursor {
  phase: Phase
  from: string
}

interface Drift {
  id: string
  was: number
  is: number
}

const encode = (cursor: Cursor) => `${cursor.phase === 'members' ? 'm' : 'b'}:${cursor.from}`
function decode(text: string | null): Cursor {
  if (!text) return { phase: 'members', from: '' }
  return { phase: text.startsWith('b:') ? 'branches' : 'members', from: text.slice(2) }
}

/** The ids in [from, to): string ranges, which the port types for numbers. */
function inRange(store: Store, from: string, to: string | null): unknown {
  const _ = store.command
  const lower = _.gte(from as never)
  return to === null ? lower : _.and([lower as never, _.lt(to as never) as never])
}

/**
 * 对账: rebuilds the tenant's totals from the ledger (the source of truth)
 * and repairs those that drifted, e.g. after a crash between a ledger insert
 * and its increments. It never holds the whole ledger: it walks the members
 * in chunks (their entries give the member totals and the cap usage), then
 * the branches in chunks (their entries give the branch totals), and stops
 * taking chunks after ~12 s, answering a cursor to continue from and its
 * progress; a 1,000,000-entry tenant is a few calls. Each call reports the
 * drift it repaired. Run it when no awards are being written.
 */
export const reconcile: Handler<typeof api.points.reconcile> = async (input, ctx) => {
  const { caller, store } = ctx
  const tenantId = caller.member.tenantId
  // Wall time, not the domain clock: the budget is about the function's own timeout.
  const started = performance.now()
  let cursor: Cursor | null = decode(input.cursor)
  const drift: Drift[] = []
  let entries = 0
  let totals = 0
  for (let chunk = 0; cursor && chunk < (input.chunks ?? Number.POSITIVE_INFINITY); chunk++) {
    if (chunk > 0 && performance.now() - started > CALL_BUDGET_MS) break
    const done = await reconcileChunk(store, tenantId, cursor, drift)
    entries += done.entries
    totals += done.totals
    cursor = done.next
  }
  // A call that repaired totals changed data: it is logged with what it changed (the first ones, as answered).
  if (drift.length > 0) {
    await writeAudit(ctx, {
      action: 'points.reconcile',
      targetId: tenantId,
      summary: `积分对账：按台账修正 ${drift.length} 项合计`,
      before: null,
      after: { drift: drift.slice(0, DRIFT_SHOWN) },
    })
  }
  return {
    entries,
    totals,
    drift: drift.slice(0, DRIFT_SHOWN),
    driftCount: drift.length,
    done: cursor === null,
    cursor: cursor && encode(cursor),
    progress: await progressOf(store, tenantId, cursor),
  }
}

async function reconcileChunk(
  store: Store,
  tenantId: string,
  { phase, from }: Cursor,
  drift: Drift[],
): Promise<{ entries: number; totals: number; next: Cursor | null }> {
  const subjects = phase === 'members' ? COLLECTIONS.members : COLLECTIONS.orgs
  const size = phase === 'members' ? MEMBERS_PER_CHUNK : BRANCHES_PER_CHUNK
  // The chunk is an id range, not a list: entries and totals of ids no longer on the roster are covered too.
  const ahead = await store.find<Doc>(subjects, from ? { tenantId, _id: inRange(store, from, null) } : { tenantId }, {
    orderBy: [['_id', 'asc']],
    limit: size + 1,
    fields: { _id: true },
  })
  const to = ahead.length > size ? ahead[size]._id : null
  const range = inRange(store, from, to)
  const entryWhere: Where = phase === 'members' ? { tenantId, memberId: range } : { tenantId, branchId: range }
  const totalWhere: Where =
    phase === 'members'
      ? { tenantId, scope: store.command.in(['member', 'usage', 'presence']), subjectId: range }
      : { tenantId, scope: 'branch', subjectId: range }
  const [ledger, stored] = await Promise.all([
    store.findAll(COLLECTIONS.pointsLedger, entryWhere, { fields: ENTRY_FIELDS }),
    store.findAll(COLLECTIONS.pointsTotals, totalWhere, { fields: TOTAL_FIELDS }),
  ])
  const expected = new Map(
    [...totalsOf(ledger).values()]
      .filter((doc) => (phase === 'members' ? doc.scope !== 'branch' : doc.scope === 'branch'))
      .map((doc) => [doc._id, doc]),
  )
  await repair(store, expected, stored, drift)
  const next: Cursor | null =
    to !== null ? { phase, from: to } : phase === 'members' ? { phase: 'branches', from: '' } : null
  return { entries: phase === 'members' ? ledger.length : 0, totals: expected.size, next }
}

/** Makes the stored totals of a chunk what its entries imply, noting every change. */
async function repair(
  store: Store,
  expected: Map<string, TotalsDoc>,
  stored: Pick<TotalsDoc, '_id' | 'points' | 'entries' | 'members'>[],
  drift: Drift[],
): Promise<void> {
  const storedById = new Map(stored.map((doc) => [doc._id, doc]))
  for (const doc of expected.values()) {
    const current = storedById.get(doc._id)
    if (!current) {
      await store.insert(COLLECTIONS.pointsTotals, doc)
      drift.push({ id: doc._id, was: 0, is: doc.points })
    } else if (
      current.points !== doc.points ||
      current.entries !== doc.entries ||
      (current.members ?? 0) !== (doc.members ?? 0)
    ) {
      const members = doc.scope === 'branch' ? { members: doc.members ?? 0 } : {}
      await store.update(COLLECTIONS.pointsTotals, doc._id, { points: doc.points, entries: doc.entries, ...members })
      drift.push({ id: doc._id, was: current.points, is: doc.points })
    }
  }
  for (const doc of stored) {
    if (expected.has(doc._id) || (doc.points === 0 && doc.entries === 0 && !doc.members)) continue
    await store.update(COLLECTIONS.pointsTotals, doc._id, {
      points: 0,
      entries: 0,
      ...(doc.members ? { members: 0 } : {}),
    })
    drift.push({ id: doc._id, was: doc.points, is: 0 })
  }
}

/** How far a run is: members, then branches, counted by id below the cursor. */
async function progressOf(store: Store, tenantId: string, cursor: Cursor | null) {
  const [members, branches] = await Promise.all([
    store.count(COLLECTIONS.members, { tenantId }),
    store.count(COLLECTIONS.orgs, { tenantId }),
  ])
  const of = members + branches
  if (!cursor) return { phase: 'done' as const, done: of, of }
  const below = async (collection: Collection<Doc>) =>
    cursor.from ? store.count(collection, { tenantId, _id: store.command.lt(cursor.from as never) }) : 0
  const done = cursor.phase === 'members' ? await below(COLLECTIONS.members) : members + (await below(COLLECTIONS.orgs))
  return { phase: cursor.phase, done, of }
}
