import { type DomainEvent, domainEventId } from '../../types/events'
import type { PointsRule, RuleCatalogue } from '../../types/points'
import type { MemberDoc } from '../../types/roster'
import type { Clock } from '../runtime/clock'
import { COLLECTIONS } from '../runtime/collections'
import { inParallel } from '../runtime/in-parallel'
import { atMost } from '../runtime/range'
import { MAX_READ, type Store } from '../runtime/store'
import { membersByIds } from '../shared/members'
import { loadCatalogue } from './catalogue'
import { recordAward, reverseEntry } from './ledger'
import { isReversal, reversalKey } from './totals'

/** The ledger key of an event's award: the timer and settleEvent pay under it, so an event pays once. */
const eventAwardKey = (eventId: string) => `evt:${eventId}`

/** The key of a re-armed event's payment (its `revision`-th time as the member's attendance), so it pays once more. */
const revisedAwardKey = (event: Pick<DomainEvent, '_id' | 'revision'>) =>
  event.revision ? `${eventAwardKey(event._id)}:r${event.revision}` : eventAwardKey(event._id)

/** Attendance facts of one meeting and member supersede each other: the latest one is what counts. */
const ATTENDANCE_KINDS = ['meeting.present', 'meeting.late', 'meeting.absent', 'meeting.leave'] as const
const isAttendance = (event: DomainEvent) => (ATTENDANCE_KINDS as readonly string[]).includes(event.kind)

const CORRECTION_REASON: Record<string, string> = {
  'meeting.present': '考勤更正为出席',
  'meeting.late': '考勤更正为迟到',
  'meeting.absent': '考勤更正为缺席',
  'meeting.leave': '考勤更正为请假',
}

interface Payer {
  store: Store
  ruleOf(event: DomainEvent): Promise<PointsRule | undefined>
  memberOf(memberId: string): Promise<MemberDoc | null>
  /** Members read ahead for the events to come. */
  know(members: ReadonlyMap<string, MemberDoc>): void
}

/**
 * Pays pending domain events (meeting attendance, study check-ins) by each
 * tenant's catalogue and marks them processed. Safe to run twice at once:
 * the ledger key derived from the event id lets one payment through, and
 * marking is a conditional write on `processedAt` still absent.
 *
 * Attendance of one (meeting, member) is corrected, not added to: a
 * secretary who changes 缺席 to 出席 by hand makes the earlier deduction
 * void. Each attendance event therefore settles the pair — the latest fact
 * paid once, every other payment of the pair reversed by a correction entry
 * (the ledger stays append-only; `rev:<payment>` makes each reversal once).
 */
export async function processPending(
  store: Store,
  clock: Clock,
  { tenantId, limit, deadline }: { tenantId?: string; limit: number; deadline: number },
): Promise<{ processed: number; paid: number; skipped: number; failed: number; left: number }> {
  const now = clock.now()
  const due = store.command.or([{ deferredUntil: store.command.exists(false) }, { deferredUntil: atMost(store, now) }])
  // A fact payable later (a check-in before its meeting starts) waits until then: points are paid from the start.
  const pending: Record<string, unknown> = {
    processedAt: store.command.exists(false),
    payableFrom: store.command.not(store.command.gt(now)),
  }
  if (tenantId) pending.tenantId = tenantId
  const where = store.command.and([pending, due as Record<string, unknown>]) as Record<string, unknown>
  const tally = { processed: 0, paid: 0, skipped: 0, failed: 0, left: 0 }
  const payer = payerFor(store)
  const timeUp = () => Date.now() + ITEM_BUDGET_MS > deadline
  // Page after page (a read answers at most 1,000) while the budget lasts: a settled page is marked, a
  // failed event set aside, so the next read finds the events behind them.
  while (tally.processed + tally.failed < limit && !timeUp()) {
    const size = Math.min(MAX_READ, limit - tally.processed - tally.failed)
    const events = await store.find(COLLECTIONS.domainEvents, where, { orderBy: [['at', 'asc']], limit: size })
    await settlePage(store, payer, events, now, clock, timeUp, tally)
    if (events.length < size) break
  }
  return tally
}

/** One page of events in parallel lanes, then marked processed together. */
async function settlePage(
  store: Store,
  payer: Payer,
  events: DomainEvent[],
  now: number,
  clock: Clock,
  timeUp: () => boolean,
  tally: { processed: number; paid: number; skipped: number; failed: number; left: number },
): Promise<void> {
  // The members of the page's events in reads of 500, not one read per event.
  payer.know(
    await membersByIds(
      store,
      events.map((event) => event.memberId),
    ),
  )
  const settled: string[] = []
  let failed = 0
  // Events pay in parallel lanes: their ledger keys and the caps' conditional increments make racing safe.
  await inParallel(
    events,
    SETTLE_WIDTH,
    async (event) => {
      try {
        const { outcome } = await settle(payer, event, '')
        if (outcome === 'paid') tally.paid++
        if (outcome === 'skipped') tally.skipped++
        settled.push(event._id)
      } catch (error) {
        failed++
        await defer(store, event, now, error)
      }
    },
    timeUp,
  )
  tally.processed += settled.length
  tally.failed += failed
  // Taken but not reached before the deadline: the next run takes them.
  tally.left += events.length - settled.length - failed
  // Marked together: a run cut off before this settles its events again next time, paying nothing twice.
  for (let i = 0; i < settled.length; i += 500) {
    await store.updateWhere(
      COLLECTIONS.domainEvents,
      { _id: store.command.in(settled.slice(i, i + 500)), processedAt: store.command.exists(false) },
      { processedAt: clock.now() },
    )
  }
}

/** Events settled at once; a burst of 10,000 check-ins drains in minutes under CloudBase's latency. */
const SETTLE_WIDTH = 24
/** No event starts when the run could not finish it before its deadline. */
const ITEM_BUDGET_MS = 2_000
/** A failing event waits 1, 2, 4… minutes (at most an hour) behind the others, then is tried again. */
const deferMs = (attempts: number) => Math.min(60 * 60_000, 60_000 * 2 ** Math.max(0, attempts - 1))

/**
 * An event that failed is recorded (attempts, the error) and set aside until `deferredUntil`, so it never
 * holds up the queue: the next runs take the events behind it and come back to it later.
 */
async function defer(store: Store, event: DomainEvent, now: number, error: unknown): Promise<void> {
  const attempts = (event.attempts ?? 0) + 1
  console.error(`[points] event ${event._id} failed (attempt ${attempts})`, error)
  try {
    await store.update(COLLECTIONS.domainEvents, event._id, {
      attempts,
      lastError: String(error).slice(0, 200),
      deferredUntil: now + deferMs(attempts),
    })
  } catch (recordError) {
    console.error(`[points] could not record the failure of ${event._id}`, recordError)
  }
}

/**
 * Pays one recorded event now, as the timer would, and marks it processed:
 * how the study function's check-in shows its points at once. `reason` is
 * written on the entry; the points answered are what its entry holds (0 for
 * attendance, which settles its meeting's pair instead, and when nothing pays).
 */
export async function settleEvent(
  store: Store,
  clock: Clock,
  eventId: string,
  reason: string,
): Promise<{ points: number }> {
  const event = await store.get(COLLECTIONS.domainEvents, eventId)
  if (!event) return { points: 0 }
  const { points } = await settle(payerFor(store), event, reason)
  await markProcessed(store, event, clock)
  return { points }
}

/** Rules by tenant, each catalogue read once per run; members from those read ahead, else one by one. */
function payerFor(store: Store): Payer {
  let members: ReadonlyMap<string, MemberDoc> = new Map()
  const catalogues = new Map<string, Promise<RuleCatalogue>>()
  const catalogueOf = (tenant: string) => {
    if (!catalogues.has(tenant)) catalogues.set(tenant, loadCatalogue(store, tenant))
    return catalogues.get(tenant) as Promise<RuleCatalogue>
  }
  return {
    store,
    memberOf: async (memberId) => members.get(memberId) ?? store.get(COLLECTIONS.members, memberId),
    know: (read) => {
      members = read
    },
    ruleOf: async (event) =>
      (await catalogueOf(event.tenantId)).rules.find((candidate) => candidate.active && candidate.auto === event.kind),
  }
}

async function settle(
  payer: Payer,
  event: DomainEvent,
  reason: string,
): Promise<{ outcome: 'paid' | 'settled' | 'skipped'; points: number }> {
  const member = await payer.memberOf(event.memberId)
  const payee = member?.branchId && member.tenantId === event.tenantId ? member : null
  if (!payee?.branchId) return { outcome: 'skipped', points: 0 }
  const to = { _id: payee._id, branchId: payee.branchId }
  if (isAttendance(event)) return { outcome: await settleAttendance(payer, event, to), points: 0 }
  const rule = await payer.ruleOf(event)
  if (!rule) return { outcome: 'skipped', points: 0 }
  const { entry, duplicate } = await pay(payer, event, eventAwardKey(event._id), rule, to, reason)
  return { outcome: duplicate ? 'settled' : 'paid', points: entry.points }
}

async function markProcessed(store: Store, event: DomainEvent, clock: Clock): Promise<void> {
  await store.updateWhere(
    COLLECTIONS.domainEvents,
    { _id: event._id, processedAt: store.command.exists(false) },
    { processedAt: clock.now() },
  )
}

function pay(
  { store }: Payer,
  event: DomainEvent,
  key: string,
  rule: PointsRule,
  member: { _id: string; branchId: string },
  reason = '',
) {
  return recordAward(store, {
    key,
    tenantId: event.tenantId,
    member,
    rule,
    // A fact worth several units (hours of volunteer service) pays the rule's points per unit, in whole points.
    requested: Math.round(rule.points * (event.units ?? 1)),
    reason,
    grantedBy: 'system',
    grantedByName: '系统',
    at: event.at,
    sourceEvent: event._id,
    overCap: 'cut',
  })
}

/**
 * Brings the ledger of one (meeting, member) in line with its latest
 * attendance fact. Idempotent and safe to race: every write has a key fixed
 * by what it pays or reverses. A second pass catches a fact that arrived
 * while the first was writing.
 */
async function settleAttendance(
  payer: Payer,
  event: DomainEvent,
  member: { _id: string; branchId: string },
): Promise<'paid' | 'settled' | 'skipped'> {
  let paid = false
  let ruled = false
  for (let pass = 0; pass < 2; pass++) {
    const { latest, payments } = await attendanceOf(payer.store, event)
    const rule = await payer.ruleOf(latest)
    ruled = rule !== undefined
    const keep = rule ? revisedAwardKey(latest) : null
    for (const payment of payments.live) {
      if (payment._id !== keep) await reverseEntry(payer.store, payment, CORRECTION_REASON[latest.kind] ?? '考勤更正')
    }
    if (rule && keep && !payments.all.has(keep) && !(await pay(payer, latest, keep, rule, member)).duplicate)
      paid = true
    const again = await attendanceOf(payer.store, event)
    if (again.latest._id === latest._id && (again.latest.revision ?? 0) === (latest.revision ?? 0)) break
  }
  return paid ? 'paid' : ruled ? 'settled' : 'skipped'
}

/** The pair's facts (the latest by time, then by revision) and its ledger: payments, and which are not yet reversed. */
async function attendanceOf(store: Store, event: DomainEvent) {
  const ids = ATTENDANCE_KINDS.map((kind) => domainEventId(kind, event.sourceId, event.memberId))
  const [facts, entries] = await Promise.all([
    store.find(COLLECTIONS.domainEvents, { _id: store.command.in(ids) }),
    store.find(COLLECTIONS.pointsLedger, {
      tenantId: event.tenantId,
      memberId: event.memberId,
      sourceEvent: store.command.in(ids),
    }),
  ])
  const latest = [event, ...facts].reduce((a, b) =>
    b.at > a.at || (b.at === a.at && (b.revision ?? 0) > (a.revision ?? 0)) ? b : a,
  )
  const reversed = new Set(entries.filter((entry) => isReversal(entry._id)).map((entry) => entry._id))
  const all = new Set(entries.map((entry) => entry._id))
  const live = entries.filter(
    (entry) => !isReversal(entry._id) && entry.points !== 0 && !reversed.has(reversalKey(entry._id)),
  )
  return { latest, payments: { all, live } }
}
