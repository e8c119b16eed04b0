import { type DomainEvent, domainEventId } from '../../types/events'
import type { LedgerEntry, PointsRule, RuleCatalogue } from '../../types/points'
import { shanghaiPeriods } from '../domain/time'
import type { Clock } from '../runtime/clock'
import { COLLECTIONS } from '../runtime/collections'
import { DuplicateIdError, type Store } from '../runtime/store'
import { loadCatalogue } from './catalogue'
import { recordAward } from './ledger'
import { applyTotals, isReversal, reversalKey } from './totals'

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
  { tenantId, limit }: { tenantId?: string; limit: number },
): Promise<{ processed: number; paid: number; skipped: number }> {
  // A fact payable later (a check-in before its meeting starts) waits until then: points are paid from the start.
  const pending: Record<string, unknown> = {
    processedAt: store.command.exists(false),
    payableFrom: store.command.not(store.command.gt(clock.now())),
  }
  if (tenantId) pending.tenantId = tenantId
  const events = await store.find(COLLECTIONS.domainEvents, pending, { orderBy: [['at', 'asc']], limit })
  const payer = payerFor(store)
  let paid = 0
  let skipped = 0
  for (const event of events) {
    const { outcome } = await settle(payer, event, '')
    if (outcome === 'paid') paid++
    if (outcome === 'skipped') skipped++
    await markProcessed(store, event, clock)
  }
  return { processed: events.length, paid, skipped }
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

/** Rules by tenant, each catalogue read once per run. */
function payerFor(store: Store): Payer {
  const catalogues = new Map<string, Promise<RuleCatalogue>>()
  const catalogueOf = (tenant: string) => {
    if (!catalogues.has(tenant)) catalogues.set(tenant, loadCatalogue(store, tenant))
    return catalogues.get(tenant) as Promise<RuleCatalogue>
  }
  return {
    store,
    ruleOf: async (event) =>
      (await catalogueOf(event.tenantId)).rules.find((candidate) => candidate.active && candidate.auto === event.kind),
  }
}

async function settle(
  payer: Payer,
  event: DomainEvent,
  reason: string,
): Promise<{ outcome: 'paid' | 'settled' | 'skipped'; points: number }> {
  const member = await payer.store.get(COLLECTIONS.members, event.memberId)
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
    requested: rule.points,
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
      if (payment._id !== keep) await reverse(payer.store, payment, CORRECTION_REASON[latest.kind] ?? '考勤更正')
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

/**
 * A correction entry (更正) of the opposite value, in the payment's own
 * periods so the month it was paid in nets out. Written directly, not
 * through the caps: undoing a payment is never cut.
 */
async function reverse(store: Store, payment: LedgerEntry, reason: string): Promise<void> {
  const entry: LedgerEntry = {
    _id: reversalKey(payment._id),
    tenantId: payment.tenantId,
    memberId: payment.memberId,
    branchId: payment.branchId,
    ruleKey: payment.ruleKey,
    ruleName: payment.ruleName,
    points: -payment.points,
    requested: -payment.points,
    capped: false,
    reason,
    grantedBy: 'system',
    grantedByName: '系统',
    at: payment.at,
    sourceEvent: payment.sourceEvent,
    ...shanghaiPeriods(payment.at),
  }
  try {
    await store.insert(COLLECTIONS.pointsLedger, entry)
  } catch (error) {
    if (error instanceof DuplicateIdError) return
    throw error
  }
  await applyTotals(store, entry, new Set())
}
