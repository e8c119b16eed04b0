import type { DuesRunDoc } from '../../types/lifecycle'
import { COLLECTIONS } from '../runtime/collections'
import type { Ports } from '../runtime/ports'
import type { Store } from '../runtime/store'
import { currentMonth, loadSchedule, rewriteBranch } from './dues-ledger'

/**
 * A new 党费标准 or 党费记录起始月份 reprices every member's months at once: the
 * branch sheets and members' pages read the ledgers live and show it at once,
 * but the bureau's figures and arrears list read what is stored
 * (dues_branch_months, dues_status) — too many documents to rewrite in the call
 * that saves the schedule. The save asks for a refresh; the hourly 'duesRefresh'
 * timer rewrites every branch of the tenant, last year and this, from the
 * cursor it keeps, so a county too big for one run is finished by the next.
 */

/** No batch starts after this; the timeout is 20 s (as the monthly run). */
const RUN_BUDGET_MS = 12_000
const BATCH = 16

/** The 'duesRefresh' timer: each tenant asking for a refresh, a batch of branches at a time. */
export async function duesRefresh(ports: Ports) {
  const { store } = ports
  const started = Date.now()
  const deadline = started + RUN_BUDGET_MS
  const thisYear = Number(currentMonth(ports).slice(0, 4))
  const years = [thisYear - 1, thisYear]
  const pending = (await store.findAll(COLLECTIONS.duesRuns, { kind: 'refresh', done: false })).sort((a, b) =>
    a._id.localeCompare(b._id),
  )
  let branches = 0
  let finished = 0
  let failed = 0
  let cut = false
  for (const run of pending) {
    if (Date.now() > deadline) {
      cut = true
      break
    }
    // One tenant's failure is logged and left for the next run (its cursor kept); the tenants behind it go on.
    try {
      const pass = await refreshTenant(ports, run, years, deadline)
      branches += pass.branches
      if (pass.finished) finished += 1
      if (pass.cut) {
        cut = true
        break
      }
    } catch (error) {
      console.error(`[duesRefresh] ${run._id}`, error)
      failed += 1
    }
  }
  return { tenants: finished, branches, failed, done: !cut, ms: Date.now() - started }
}

/** One tenant's pass from its cursor, batch by batch while the run's deadline lasts. */
async function refreshTenant(ports: Ports, run: DuesRunDoc, years: number[], deadline: number) {
  const { store, clock } = ports
  const tenantId = run._id.slice('refresh:'.length)
  const requestedAt = run.requestedAt ?? 0
  // A save after this pass began restarts it: branches already rewritten were priced by the older schedule.
  const cursor = run.passFor === requestedAt ? run.cursor : null
  const schedule = await loadSchedule(store, tenantId)
  const todo = (await store.findAll(COLLECTIONS.orgs, { tenantId, kind: 'branch' }))
    .sort((a, b) => a._id.localeCompare(b._id))
    .filter((branch) => !cursor || branch._id > cursor.branchId)
  let branches = 0
  let last = cursor
  for (let i = 0; i < todo.length; i += BATCH) {
    if (Date.now() > deadline) return { branches, cut: true, finished: false }
    const batch = todo.slice(i, i + BATCH)
    await Promise.all(batch.map((branch) => rewriteBranch(ports, branch, schedule, years)))
    branches += batch.length
    last = { tenantId, branchId: batch[batch.length - 1]._id }
    // A newer save asked again: this pass is superseded, the next run starts it over.
    if (!(await saveProgress(store, run, requestedAt, { cursor: last, done: false }, clock.now())))
      return { branches, cut: false, finished: false }
  }
  const finished = await saveProgress(store, run, requestedAt, { cursor: last, done: true }, clock.now())
  return { branches, cut: false, finished }
}

/**
 * Records the pass's progress only while no newer save asked again (a
 * conditional write on `requestedAt`): a save landing mid-pass is not marked done.
 */
async function saveProgress(
  store: Store,
  run: DuesRunDoc,
  requestedAt: number,
  progress: Pick<DuesRunDoc, 'cursor' | 'done'>,
  now: number,
) {
  const matched = await store.updateWhere(
    COLLECTIONS.duesRuns,
    { _id: run._id, requestedAt },
    { ...progress, passFor: requestedAt, updatedAt: now },
  )
  return matched > 0
}
