import { createHash } from 'node:crypto'
import type { LedgerEntry, PointsRule } from '../../types/points'
import { applyCaps } from '../domain/points/caps'
import { shanghaiPeriods } from '../domain/time'
import { COLLECTIONS } from '../runtime/collections'
import { DomainError } from '../runtime/domain-error'
import { DuplicateIdError, type Store } from '../runtime/store'
import { applyTotals, reversalKey, type TotalKey, usageKey } from './totals'

export interface Award {
  /** The idempotency key: derived from the source (event, claim, request), so a retry or race pays once. */
  key: string
  tenantId: string
  member: { _id: string; branchId: string }
  rule: PointsRule
  requested: number
  reason: string
  grantedBy: string
  grantedByName: string
  at: number
  sourceEvent: string | null
  /** 'cut' pays what the caps leave (events); 'refuse' answers POINTS.CAP_REACHED and writes nothing (hand awards). */
  overCap: 'cut' | 'refuse'
}

/**
 * Writes one ledger entry (台账) and then the totals. The insert with the
 * deterministic `_id` is the once-only gate: only the writer whose insert
 * succeeded increments totals, so 200 racing retries make one entry and one
 * increment. A capped rule first claims its points on the member's usage of
 * each capped period with a conditional increment (usage + points ≤ cap), so
 * concurrent awards never pass a cap; the claim is recorded under the award's
 * key, so racing retries of one award share one claim. A crash between the
 * claims, the insert and the increments leaves drift that `reconcile` repairs
 * from the ledger; a retry of the same award completes it with its claim.
 */
export async function recordAward(store: Store, award: Award): Promise<{ entry: LedgerEntry; duplicate: boolean }> {
  const existing = await store.get(COLLECTIONS.pointsLedger, award.key)
  if (existing) return { entry: existing, duplicate: true }

  const periods = shanghaiPeriods(award.at)
  const { tenantId, member, rule } = award
  const caps = await claimCaps(store, award, periods)
  const entry: LedgerEntry = {
    _id: award.key,
    tenantId,
    memberId: member._id,
    branchId: member.branchId,
    ruleKey: rule.key,
    ruleName: rule.name,
    points: caps.points,
    requested: award.requested,
    capped: caps.capped,
    reason: award.reason,
    grantedBy: award.grantedBy,
    grantedByName: award.grantedByName,
    at: award.at,
    sourceEvent: award.sourceEvent,
    ...periods,
  }
  try {
    await store.insert(COLLECTIONS.pointsLedger, entry)
  } catch (error) {
    if (!(error instanceof DuplicateIdError)) throw error
    return { entry: (await store.get(COLLECTIONS.pointsLedger, award.key)) ?? entry, duplicate: true }
  }
  await applyTotals(store, entry, new Set(caps.claimed))
  return { entry, duplicate: false }
}

const CAP_PERIODS = ['day', 'month', 'year'] as const

function capReached(rule: PointsRule, left: number): DomainError {
  return new DomainError('POINTS.CAP_REACHED', `超出“${rule.name}”的积分上限，本次最多还能发放${left}分`)
}

/**
 * What an award may pay under its rule's caps, claimed on the usage of every
 * capped period (the ids of the usage totals it claimed, which the award's
 * increments then skip). The first guess comes from reading usage; when a
 * concurrent award took the room meanwhile, 'cut' claims what is left (and
 * shrinks the claims already made to it), 'refuse' gives its claims back.
 */
async function claimCaps(
  store: Store,
  award: Award,
  periods: ReturnType<typeof shanghaiPeriods>,
): Promise<{ points: number; capped: boolean; claimed: string[] }> {
  const { caps } = award.rule
  const limits = CAP_PERIODS.flatMap((period) => {
    const cap = caps[period]
    if (cap === null) return []
    const fact = { tenantId: award.tenantId, memberId: award.member._id, branchId: award.member.branchId }
    return [{ period, cap, key: usageKey({ ...fact, ruleKey: award.rule.key }, periods[period]) }]
  })
  if (limits.length === 0) return { points: award.requested, capped: false, claimed: [] }

  // Usage as others left it: a racing retry of this award may already hold a claim here, which it adopts below.
  const token = claimToken(award.key)
  const usage = { day: 0, month: 0, year: 0 }
  await Promise.all(
    limits.map(async ({ period, key }) => {
      const doc = await store.get(COLLECTIONS.pointsTotals, key._id)
      const mine = doc?.claims?.[token]
      usage[period] = (doc?.points ?? 0) - (typeof mine === 'number' ? mine : 0)
    }),
  )
  const guess = applyCaps(award.requested, caps, usage)
  if (guess.capped && award.overCap === 'refuse') throw capReached(award.rule, Math.abs(guess.points))

  const size = Math.abs(award.requested)
  let amount = Math.abs(guess.points)
  const claims: { key: TotalKey; amount: number }[] = []
  for (let i = 0; i < limits.length; ) {
    const outcome = await claimUsage(store, limits[i].key, token, amount, limits[i].cap)
    if (outcome.kind === 'full') {
      if (award.overCap === 'refuse') {
        await Promise.all(claims.map((claim) => releaseClaim(store, claim.key, token, claim.amount)))
        throw capReached(award.rule, outcome.room)
      }
      amount = outcome.room
      continue
    }
    claims.push({ key: limits[i].key, amount: outcome.amount })
    amount = Math.min(amount, outcome.amount)
    i += 1
  }
  // Every claim of this award ends at the smallest: a claim only ever shrinks, so no cap is passed meanwhile.
  for (let settled = false; !settled; ) {
    settled = true
    for (const claim of claims) {
      if (claim.amount <= amount) continue
      claim.amount = await shrinkClaim(store, claim.key, token, claim.amount, amount)
      if (claim.amount < amount) {
        amount = claim.amount
        settled = false
      }
    }
  }
  return {
    points: Math.sign(award.requested) * amount,
    capped: amount < size,
    claimed: claims.map((claim) => claim.key._id),
  }
}

/** A field-safe name for an award's claim: its key may hold dots and colons. */
const claimToken = (key: string) => createHash('sha1').update(key).digest('hex').slice(0, 20)

const CLAIM_ATTEMPTS = 200

type ClaimOutcome = { kind: 'claimed' | 'adopted'; amount: number } | { kind: 'full'; room: number }

/**
 * Claims `amount` of one usage total for one award, atomically: a
 * conditional increment that holds only while the award has no claim there
 * yet and usage + amount stays within the cap. An award that finds its own
 * claim (a racing retry, or a retry after a crash) adopts it.
 */
async function claimUsage(
  store: Store,
  key: TotalKey,
  token: string,
  amount: number,
  cap: number,
): Promise<ClaimOutcome> {
  const _ = store.command
  const field = `claims.${token}`
  for (let attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
    const where =
      amount > 0 ? { _id: key._id, [field]: null, points: _.lte(cap - amount) } : { _id: key._id, [field]: null }
    const patch = { points: _.inc(amount), entries: _.inc(1), [field]: amount }
    if ((await store.updateWhere(COLLECTIONS.pointsTotals, where, patch)) > 0) return { kind: 'claimed', amount }
    const doc = await store.get(COLLECTIONS.pointsTotals, key._id)
    if (!doc) {
      try {
        await store.insert(COLLECTIONS.pointsTotals, {
          ...key,
          points: amount,
          entries: 1,
          claims: { [token]: amount },
        })
        return { kind: 'claimed', amount }
      } catch (error) {
        if (!(error instanceof DuplicateIdError)) throw error
        continue
      }
    }
    const mine = doc.claims?.[token]
    if (typeof mine === 'number') return { kind: 'adopted', amount: mine }
    const room = Math.max(0, cap - doc.points)
    if (room < amount) return { kind: 'full', room }
  }
  throw new Error(`usage ${key._id}: no claim after ${CLAIM_ATTEMPTS} attempts`)
}

/** Lowers an award's claim from `from` to `to`; answers the claim as it then stands (a racing retry may have lowered it). */
async function shrinkClaim(store: Store, key: TotalKey, token: string, from: number, to: number): Promise<number> {
  const field = `claims.${token}`
  for (let current = from; current > to; ) {
    const patch = { points: store.command.inc(to - current), [field]: to }
    if ((await store.updateWhere(COLLECTIONS.pointsTotals, { _id: key._id, [field]: current }, patch)) > 0) return to
    const now = (await store.get(COLLECTIONS.pointsTotals, key._id))?.claims?.[token]
    if (typeof now !== 'number') return 0
    current = now
  }
  return Math.min(from, to)
}

/** Gives back a claim of an award that was refused at a later cap. */
async function releaseClaim(store: Store, key: TotalKey, token: string, amount: number): Promise<void> {
  const field = `claims.${token}`
  const _ = store.command
  await store.updateWhere(
    COLLECTIONS.pointsTotals,
    { _id: key._id, [field]: amount },
    { points: _.inc(-amount), entries: _.inc(-1), [field]: null },
  )
}

/**
 * A correction entry (更正) of the opposite value, in the payment's own
 * periods so the month it was paid in nets out. Written directly, not
 * through the caps: undoing a payment is never cut. Once per payment
 * (`rev:<payment>`), however often it is asked for.
 */
export async function reverseEntry(
  store: Store,
  payment: LedgerEntry,
  reason: string,
  by: { id: string; name: string } = { id: 'system', name: '系统' },
): Promise<void> {
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
    grantedBy: by.id,
    grantedByName: by.name,
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
